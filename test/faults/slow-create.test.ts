// The due entry a create writes ahead of its script must survive a scheduler pass that runs
// in between, before the sale exists (a loaded server, a create retried after a lost
// reply). The pass finds no sale; the auction it then creates must still close on time,
// without the help of the repair sweep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, Scheduler, connectRedis } from '../../src/main/engine'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { ok, saleLog } from '../engine/sale-fixtures'

let server: RedisProcess
let redis: RedisClient
let engine: AuctionEngine
beforeEach(async () => {
  server = await startRedis()
  redis = await connectRedis({ url: server.url })
  engine = new AuctionEngine(redis)
})
afterEach(async () => {
  redis.disconnect()
  await server.stop()
})

/** The client, with every createSale script call held back: a create slow between its
 * write-ahead entries and its script. */
function slowCreates(client: RedisClient, delayMs: number): RedisClient {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown
      if (typeof value !== 'function') return value
      if (property !== 'createSale') return value.bind(target)
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        return value.apply(target, args)
      }
    },
  })
}

describe('the write-ahead due entry', () => {
  it.each([
    ['an auction that opens at once', { start: true }],
    ['an auction that opens in 50 ms', { startsAtIn: 50 }],
  ])('survives a scheduler pass before its sale exists: %s', async (_name, timing) => {
    const slow = new AuctionEngine(slowCreates(redis, 300))
    const log = await saleLog(server.url, [], ['auctions:events'])
    // Sweeps once at its start, then never: the due entry alone must bring the close.
    const scheduler = new Scheduler(engine, {
      sweepEveryMs: 3_600_000,
      onError: (error) => expect.fail(`scheduler failed: ${String(error)}`),
    })
    scheduler.start()
    try {
      const startsAt =
        'startsAtIn' in timing ? (await engine.serverTime()) + timing.startsAtIn : null
      const { auction } = ok(
        await slow.createAuction({
          title: 'Slow',
          sellerId: 'seller-1',
          startingPrice: '5.00',
          increment: '1.00',
          durationMs: 500,
          ...('start' in timing ? { start: true } : { startsAt }),
        }),
      )
      const ended = await log.waitFor(
        (event) => event.type === 'auction_ended' && 'lotId' in event && event.lotId === auction.id,
        3_000,
      )
      const lot = ok(await engine.getAuction(auction.id)).auction
      expect(ended.at - (lot.endsAt as number)).toBeLessThan(250)
    } finally {
      await scheduler.stop()
      await log.close()
    }
  })
})
