// A 3-master Redis Cluster moves the slot of a timed sale (3 lots, an hour long) to another
// master, one key per MIGRATE, while 3 engines bid on its lots continuously and one more bids
// between the steps. While the slot is split between the nodes a bid script may be refused
// (ASK for keys already moved, TRYAGAIN for a script whose keys are on both sides): the client
// follows ASK and retries TRYAGAIN, and whatever it cannot settle in time must come back as
// REDIS_UNAVAILABLE (retried with the same request id), never INTERNAL. Afterwards every
// acknowledged bid is in its lot's history, the sale's keys are on the new node, and bids work.
import { afterAll, describe, expect, it } from 'vitest'
import { AuctionEngine, connectRedis, lotKeys, type RedisClient } from '../../src/main/engine'
import type { Actor } from '../../src/shared/domain'
import { nodeCommand, startCluster, type RedisCluster } from '../support/redis-cluster'
import {
  bidContinuously,
  bidUntilAnswered,
  checkHistories,
  newStats,
  sleep,
} from './support/bidding'

const BIDDERS = 3
const SELLER: Actor = { id: 'seller-migration', staff: false }
/** Between two MIGRATE batches: long enough for the bidders to meet the split slot. */
const STEP_PAUSE_MS = 60

let cluster: RedisCluster | undefined
const clients: RedisClient[] = []
afterAll(async () => {
  for (const client of clients) client.disconnect()
  await cluster?.stop()
}, 30_000)

/** `errorstat_<CODE>:count=N` of INFO errorstats, summed over the nodes. */
async function errorStats(ports: number[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {}
  for (const port of ports) {
    const info = String(await nodeCommand(port, 'INFO', 'errorstats'))
    for (const [, code, count] of info.matchAll(/errorstat_(\w+):count=(\d+)/g)) {
      totals[code as string] = (totals[code as string] ?? 0) + Number(count)
    }
  }
  return totals
}

describe('slot migration under bidding', () => {
  it(
    'no acknowledged bid is lost, nothing answers INTERNAL, the sale lives on the new node',
    { timeout: 60_000 },
    async () => {
      cluster = await startCluster()
      const engines: AuctionEngine[] = []
      for (let i = 0; i <= BIDDERS; i++) {
        const redis = await connectRedis({ url: cluster.url, connectionName: `bidder-${i}` })
        clients.push(redis)
        engines.push(new AuctionEngine(redis))
      }
      const [owner, stepper] = engines as [AuctionEngine, AuctionEngine]

      const created = await owner.createSale(
        {
          title: 'Migrating sale',
          mode: 'timed',
          increment: '1.00',
          durationMs: 3_600_000,
          closeIntervalSeconds: 60,
        },
        SELLER,
      )
      if (!created.ok) throw new Error(`createSale: ${JSON.stringify(created.error)}`)
      const saleId = created.sale.id
      const lots: string[] = []
      for (const number of ['1', '2', '3']) {
        const added = await owner.addLot(
          saleId,
          { number, title: `lot ${number}`, startingPrice: '10.00' },
          SELLER,
        )
        if (!added.ok) throw new Error(`addLot: ${JSON.stringify(added.error)}`)
        lots.push(added.lot.id)
      }
      const started = await owner.startSale(saleId, SELLER)
      if (!started.ok) throw new Error(`startSale: ${JSON.stringify(started.error)}`)

      const slot = await cluster.slotOf(`{${saleId}}`)
      const source = await cluster.nodeForSlot(slot)
      const target = cluster.nodes.find((node) => node.port !== source.port)
      if (!target) throw new Error('no other node')
      const ports = cluster.nodes.map((node) => node.port)
      for (const port of ports) await nodeCommand(port, 'CONFIG', 'RESETSTAT')

      const stats = newStats()
      let running = true
      // Bidders on the last 3 engines; the first one places a bid at every migration step.
      const bidding = bidContinuously(engines.slice(1), lots, stats, () => running)
      await sleep(300)
      const beforeMove = stats.acked.length
      let steps = 0
      // A bid at every step, tried once: while the slot is split it cannot be answered (the
      // next step waits on nothing but the mover), and a refused one is retried afterwards
      // with the same request id, as a console would.
      const refusedAtStep: {
        client: number
        auctionId: string
        bidderId: string
        requestId: string
      }[] = []
      const moved = await cluster.migrateSlot(slot, target.port, {
        batch: 1,
        onStep: async () => {
          steps++
          const bid = {
            client: BIDDERS + 1,
            auctionId: lots[steps % lots.length] as string,
            bidderId: `bidder-step-${steps}`,
            requestId: `bid-step-${steps}`,
          }
          if (!(await bidUntilAnswered(stepper, stats, bid, 0))) refusedAtStep.push(bid)
          await sleep(STEP_PAUSE_MS)
        },
      })
      const duringMove = stats.acked.length - beforeMove
      for (const bid of refusedAtStep) {
        await bidUntilAnswered(stepper, stats, bid, Date.now() + 10_000)
      }
      await sleep(300)
      running = false
      await bidding

      // The slot and every lot hash are on the target now; the source redirects.
      expect(await cluster.nodeForSlot(slot)).toEqual({ port: target.port, nodeId: target.nodeId })
      for (const lotId of lots) {
        expect(await nodeCommand(target.port, 'EXISTS', lotKeys(lotId).lot)).toBe(1)
        await expect(nodeCommand(source.port, 'EXISTS', lotKeys(lotId).lot)).rejects.toThrow(
          /MOVED/,
        )
      }

      // After the move: one more bid per lot, acknowledged at once.
      const after = newStats()
      for (const [i, auctionId] of lots.entries()) {
        const bid = await bidUntilAnswered(
          owner,
          after,
          { client: 0, auctionId, bidderId: `bidder-after-${i}`, requestId: `bid-after-${i}` },
          Date.now() + 5_000,
        )
        expect(bid?.auctionId).toBe(auctionId)
      }
      expect(after.retried.size).toBe(0)

      // And back, bidding throughout: on the target the keys sit in arrival order, so this
      // time the lot and sale hashes move before their history and request ids. A script
      // that reached a key not moved yet must stop before its first write, never create a
      // fresh history on the new node (which once lost acknowledged bids here).
      running = true
      const biddingBack = bidContinuously(engines.slice(1), lots, stats, () => running, 10, 'back')
      await sleep(200)
      const movedBack = await cluster.migrateSlot(slot, source.port, {
        batch: 1,
        onStep: async () => {
          await sleep(STEP_PAUSE_MS)
        },
      })
      await sleep(300)
      running = false
      await biddingBack
      expect(await cluster.nodeForSlot(slot)).toEqual({ port: source.port, nodeId: source.nodeId })
      expect(movedBack).toBeGreaterThan(lots.length)

      const seen = await errorStats(ports)
      console.log(
        `slot migration: slot ${slot} (${moved} keys in ${steps} steps) ${source.port} → ` +
          `${target.port} and back (${movedBack} keys); ${stats.acked.length} bids acknowledged (${duringMove} while moving; ${refusedAtStep.length} of the ${steps} step bids refused, then retried); ` +
          `refusals that reached the engine: ${JSON.stringify(Object.fromEntries(stats.details))}; ` +
          `redirections and refusals the nodes sent (the client followed or retried them): ` +
          `${JSON.stringify(seen)}`,
      )

      expect(stats.unexpected).toEqual([])
      expect(moved).toBeGreaterThan(lots.length)
      expect(steps).toBe(moved)
      // Any refusal that surfaced is the retryable kind, with its detail.
      for (const code of stats.retried.keys()) expect(code).toBe('REDIS_UNAVAILABLE')

      const consistency = await checkHistories(owner, lots, [...stats.acked, ...after.acked])
      expect(consistency.lost).toEqual([])
      expect(consistency.duplicated).toEqual([])
      expect(consistency.notIncreasing).toEqual([])
      expect(consistency.wrongPrice).toEqual([])
    },
  )
})
