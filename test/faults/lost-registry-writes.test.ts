// Lost global writes. The engine writes the cross-sale registries outside its scripts; here
// every registry write after a script is dropped, as if the process died right after each
// script. What survives is what was written ahead of the scripts: `sales:live` (every sale
// not over) and a due entry never later than the truth. From those alone the lots must
// close on time (within 250 ms, exactly once), and the repair sweep must rebuild the lists.
//
// What is and is not recoverable, as these tests show it:
//  - lost writes after scripts: everything (closes on time; lists rebuilt by the sweep);
//  - every list deleted as well, again and again, while lots close: closes stay on time;
//    the sweep rebuilds the lists of every sale still in `sales:live`. A sale the sweep has
//    already retired (closed or cancelled, dropped from `sales:live`) is named by no global
//    key any more: if its list entries are deleted afterwards, no sweep brings them back
//    (its own keys are intact; `getSale` still answers);
//  - `sales:due` lost as well: the sweep re-derives it from each live sale's own keys, so a
//    close is late by at most the sweep interval (1 s by default, 100 ms here);
//  - `sales:live` lost: nothing global names the sale; out of reach of these tests.
// The due entry written ahead must also survive a scheduler pass that comes before the
// create script: see slow-create.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, Scheduler, connectRedis, registryKeys } from '../../src/main/engine'
import type { AuctionEvent, Sale } from '../../src/shared/domain'
import { SALE_STATUSES, isLotEvent } from '../../src/shared/domain'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { person } from '../engine/fixtures'
import { lotInput, ok, saleLog, saleOf, type SaleLog } from '../engine/sale-fixtures'

let server: RedisProcess
let redis: RedisClient
let engine: AuctionEngine
let faulty: FaultyEngine
beforeEach(async () => {
  server = await startRedis()
  redis = await connectRedis({ url: server.url })
  engine = new AuctionEngine(redis)
  faulty = new FaultyEngine(redis)
})
afterEach(async () => {
  redis.disconnect()
  await server.stop()
})

const SELLER = person('seller-1')

/** Everything global but the write-ahead entries (`sales:live`, `sales:due`). */
const LIST_PATTERNS = [
  'sales:all',
  'sales:status:*',
  'seller:*:sales',
  'bidder:*:sales',
  'auctions:all',
  'auctions:status:*',
  'seller:*:auctions',
  'bidder:*:auctions',
]
async function deleteLists(): Promise<void> {
  const keys = (await Promise.all(LIST_PATTERNS.map((pattern) => redis.keys(pattern)))).flat()
  if (keys.length > 0) await redis.del(...keys)
}

interface Workload {
  /** Every sale, standalone auctions' included. */
  saleIds: string[]
  standaloneIds: string[]
  /** Every lot that must close, with nobody but the scheduler closing it. */
  lotIds: string[]
}

/**
 * Timed sales scheduled a little ahead (three lots each, closing 250 ms apart) and
 * standalone auctions (open now, or scheduled), plus sales that stay draft, open (live) or
 * get cancelled, so that every status list has something to rebuild.
 */
async function createWorkload(): Promise<Workload> {
  const now = await faulty.serverTime()
  const saleIds: string[] = []
  const standaloneIds: string[] = []
  const lotIds: string[] = []
  for (let k = 0; k < 3; k++) {
    const { sale } = ok(
      await faulty.createSale(
        {
          title: `Timed ${k}`,
          mode: 'timed',
          increment: '1.00',
          startsAt: now + 500 + k * 100,
          durationMs: 300,
          closeIntervalSeconds: 0.25,
        },
        SELLER,
      ),
    )
    const rows = ['3', '1', '2'].map((number, i) => ({ line: i + 2, input: lotInput(number) }))
    const { lots } = ok(await faulty.importLots(sale.id, rows, SELLER))
    saleIds.push(sale.id)
    lotIds.push(...lots.map((lot) => lot.id))
  }
  const auctions = [
    { durationMs: 700, start: true },
    { durationMs: 900, start: true },
    { durationMs: 1100, start: true },
    { startsAt: now + 450, durationMs: 400 },
  ]
  for (const [k, timing] of auctions.entries()) {
    const { auction } = ok(
      await faulty.createAuction({
        title: `Auction ${k}`,
        sellerId: SELLER.id,
        startingPrice: '5.00',
        increment: '1.00',
        ...timing,
      }),
    )
    saleIds.push(auction.saleId)
    standaloneIds.push(auction.id)
    lotIds.push(auction.id)
  }
  const draft = ok(await faulty.createSale({ title: 'Draft', mode: 'live' }, SELLER)).sale
  const live = ok(await faulty.createSale({ title: 'Live', mode: 'live', start: true }, SELLER))
  const doomed = ok(
    await faulty.createSale(
      {
        title: 'Doomed',
        mode: 'timed',
        increment: '1.00',
        startsAt: now + 60_000,
        durationMs: 60_000,
      },
      SELLER,
    ),
  ).sale
  ok(await faulty.cancelSale(doomed.id, SELLER))
  saleIds.push(draft.id, live.sale.id, doomed.id)
  return { saleIds, standaloneIds, lotIds }
}

/** The faulty engine, counting the repair sweeps its scheduler runs. */
class FaultyEngine extends AuctionEngine {
  sweeps = 0
  sweeping = false
  constructor(client: RedisClient) {
    super(client, { dropWritesAfterScripts: true })
  }
  override async sweepRegistries() {
    this.sweeping = true
    try {
      return await super.sweepRegistries()
    } finally {
      this.sweeping = false
      this.sweeps++
    }
  }
}

/**
 * Starts a scheduler on the faulty engine and waits for its first sweep (over an empty
 * store), then creates the workload and runs until every lot of it has closed; `during`
 * runs beside the scheduler and stops with it. Answers the workload and the close events
 * seen on the list channel, by lot.
 */
async function closeAll(
  log: SaleLog,
  options: {
    sweepEveryMs: number
    create?: () => Promise<Workload>
    during?: (running: () => boolean) => Promise<void>
  },
): Promise<{ work: Workload; ended: Map<string, AuctionEvent[]> }> {
  const scheduler = new Scheduler(faulty, {
    sweepEveryMs: options.sweepEveryMs,
    onError: (error) => expect.fail(`scheduler failed: ${String(error)}`),
  })
  let running = true
  let beside: Promise<void> | undefined
  const ended = () => {
    const byLot = new Map<string, AuctionEvent[]>()
    for (const event of log.events) {
      if (!isLotEvent(event) || event.type !== 'auction_ended') continue
      byLot.set(event.lotId, [...(byLot.get(event.lotId) ?? []), event])
    }
    return byLot
  }
  scheduler.start()
  try {
    await expect.poll(() => faulty.sweeps).toBe(1)
    const work = await (options.create ?? createAndCheckAhead)()
    beside = options.during?.(() => running)
    await expect
      .poll(() => work.lotIds.filter((id) => !ended().has(id)), { timeout: 10_000, interval: 20 })
      .toEqual([])
    return { work, ended: ended() }
  } finally {
    running = false
    await scheduler.stop()
    await beside
  }
}

/** Every lot closed once, within 250 ms of its end on the server clock, and nothing after. */
async function expectClosedOnTime(work: Workload, ended: Map<string, AuctionEvent[]>) {
  for (const lotId of work.lotIds) {
    const events = ended.get(lotId) ?? []
    expect(events, `auction_ended events of ${lotId}`).toHaveLength(1)
    const [event] = events as [AuctionEvent]
    const lot = ok(await engine.getAuction(lotId)).auction
    expect(event.endsAt).toBe(lot.endsAt)
    expect(event.at - (lot.endsAt as number), `lateness of ${lotId}`).toBeGreaterThanOrEqual(0)
    expect(event.at - (lot.endsAt as number), `lateness of ${lotId}`).toBeLessThan(250)
    expect(lot).toMatchObject({ status: 'ended', seq: event.seq })
  }
}

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id).sort()

/** The lists as the console reads them, for the given sales. */
async function lists(sellerId: string) {
  const byStatus = Object.fromEntries(
    await Promise.all(
      SALE_STATUSES.map(async (status) => [
        status,
        ids(ok(await engine.listSales({ status, limit: 1000 })).sales),
      ]),
    ),
  ) as Record<string, string[]>
  return {
    byStatus,
    bySeller: ids(ok(await engine.listSales({ sellerId, limit: 1000 })).sales),
    auctions: ids(ok(await engine.listAuctions({ sellerId, limit: 1000 })).auctions),
    endedAuctions: ids(ok(await engine.listAuctions({ status: 'ended', limit: 1000 })).auctions),
  }
}

/** What the lists must say about these sales, from each sale's own keys. */
async function truth(saleIds: string[], standaloneIds: string[]) {
  const sales: Sale[] = await Promise.all(saleIds.map((id) => saleOf(engine, id)))
  const byStatus = Object.fromEntries(
    SALE_STATUSES.map((status) => [status, ids(sales.filter((sale) => sale.status === status))]),
  )
  return {
    byStatus,
    bySeller: [...saleIds].sort(),
    auctions: [...standaloneIds].sort(),
    endedAuctions: [...standaloneIds].sort(),
  }
}

describe('lost registry writes', () => {
  it('every write after a script lost: lots close on time, once; the sweep rebuilds the lists', async () => {
    const log = await saleLog(server.url, [], ['auctions:events'])
    try {
      const { work, ended } = await closeAll(log, { sweepEveryMs: 3_600_000 })
      // Only the write-ahead entries brought these lots to a close: no sweep ran meanwhile.
      expect(faulty.sweeps).toBe(1)
      await expectClosedOnTime(work, ended)
      expect(await lists(SELLER.id)).toEqual(await truth([], []))

      expect(await engine.sweepRegistries()).toMatchObject({ sales: work.saleIds.length })
      const expected = await truth(work.saleIds, work.standaloneIds)
      expect(expected.byStatus).toMatchObject({
        draft: [expect.any(String)],
        open: [expect.any(String)],
        cancelled: [expect.any(String)],
      })
      expect(expected.byStatus.closed).toHaveLength(7)
      expect(await lists(SELLER.id)).toEqual(expected)
      // Sales that are over leave the write-ahead list; the draft and the open sale stay.
      expect((await redis.zrange(registryKeys.live, '0', '-1')).sort()).toEqual(
        [...(expected.byStatus.draft ?? []), ...(expected.byStatus.open ?? [])].sort(),
      )
    } finally {
      await log.close()
    }
  })

  it('and every list deleted again and again while lots close: closes stay on time', async () => {
    const log = await saleLog(server.url, [], ['auctions:events'])
    try {
      // The sweep runs (and writes the lists) every 150 ms; the lists are deleted every 40 ms.
      const { work, ended } = await closeAll(log, {
        sweepEveryMs: 150,
        during: async (running) => {
          while (running()) {
            await deleteLists()
            await new Promise((resolve) => setTimeout(resolve, 40))
          }
        },
      })
      expect(faulty.sweeps).toBeGreaterThan(1)
      await expectClosedOnTime(work, ended)
      await deleteLists()
      expect(await lists(SELLER.id)).toEqual(await truth([], []))

      // The sweep rebuilds what `sales:live` still names: at least every sale not over.
      const live = await redis.zrange(registryKeys.live, '0', '-1')
      const notOver = (await Promise.all(work.saleIds.map((id) => saleOf(engine, id))))
        .filter((sale) => sale.status !== 'closed' && sale.status !== 'cancelled')
        .map((sale) => sale.id)
      expect(notOver).toHaveLength(2)
      expect(live).toEqual(expect.arrayContaining(notOver))
      await engine.sweepRegistries()
      const standalone = work.standaloneIds.filter((id) => live.includes(id))
      expect(await lists(SELLER.id)).toEqual(await truth(live, standalone))
      // A sale retired before the last deletion is missing from the lists, not from the store.
      for (const saleId of work.saleIds) ok(await engine.getSale(saleId))
    } finally {
      await log.close()
    }
  })

  it('and sales:due lost too: the sweep re-derives it from the sales themselves', async () => {
    const log = await saleLog(server.url, [], ['auctions:events'])
    try {
      const { work, ended } = await closeAll(log, {
        sweepEveryMs: 100,
        create: async () => {
          const work = await createAndCheckAhead()
          await redis.del(registryKeys.due)
          return work
        },
      })
      await expectClosedOnTime(work, ended)
      await engine.sweepRegistries()
      expect(await lists(SELLER.id)).toEqual(await truth(work.saleIds, work.standaloneIds))
    } finally {
      await log.close()
    }
  })
})

/**
 * Creates the workload on the faulty engine and checks that the write-ahead entries name
 * every sale in `sales:live`, and, unless a sweep may have run meanwhile (it writes them),
 * that no list exists at all: nothing after a script reached the registries.
 */
async function createAndCheckAhead(): Promise<Workload> {
  const sweeps = faulty.sweeps
  const work = await createWorkload()
  expect((await redis.zrange(registryKeys.live, '0', '-1')).sort()).toEqual(
    [...work.saleIds].sort(),
  )
  const listed = (await Promise.all(LIST_PATTERNS.map((pattern) => redis.keys(pattern)))).flat()
  if (faulty.sweeps === sweeps && !faulty.sweeping) expect(listed).toEqual([])
  return work
}
