// A sale opens and its lots close: startSale (timed: every lot active, one close every
// interval in catalogue order; live: lots wait), the scheduler opening a scheduled sale and
// closing its lots in order, and soft close moving one lot alone. On a Redis of its own:
// the scheduler here must not close other files' lots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AuctionEngine, Scheduler, saleKeys } from '../../src/main/engine'
import type { AuctionEvent } from '../../src/shared/domain'
import { isLotEvent } from '../../src/shared/domain'
import { accepted, person, privateRedis, rejected, uniqueId } from './fixtures'
import {
  createSale,
  lotIdOf,
  lotInput,
  lotsOf,
  ok,
  refused,
  saleLog,
  saleOf,
  saleWithLots,
} from './sale-fixtures'

let own: Awaited<ReturnType<typeof privateRedis>>
let engine: AuctionEngine
beforeAll(async () => {
  own = await privateRedis()
  engine = own.engine
})
afterAll(() => own.close())

const seller = () => person(uniqueId('seller'))

describe('starting a sale', () => {
  it('timed: every lot active, closing from the first close one interval apart, in catalogue order', async () => {
    const owner = seller()
    const firstCloseAt = (await engine.serverTime()) + 3_600_000
    const { sale } = await saleWithLots(engine, owner, ['3', '1', '2A', '2'], {
      durationMs: null,
      firstCloseAt,
      closeIntervalSeconds: 90,
    })
    const before = await engine.serverTime()
    const started = ok(await engine.startSale(sale.id, owner)).sale
    expect(started).toMatchObject({
      status: 'open',
      firstCloseAt,
      lotCounts: { waiting: 0, active: 4 },
    })
    expect(started.startsAt).toBeGreaterThanOrEqual(before)
    const lots = await lotsOf(engine, sale.id)
    expect(lots.map((lot) => [lot.number, lot.lotStatus, lot.status, lot.endsAt])).toEqual([
      ['1', 'active', 'active', firstCloseAt],
      ['2', 'active', 'active', firstCloseAt + 90_000],
      ['2A', 'active', 'active', firstCloseAt + 180_000],
      ['3', 'active', 'active', firstCloseAt + 270_000],
    ])
    // The scheduler's own index holds the same times.
    const closing = await engine.redis.zrange(saleKeys(sale.id).closing, '0', '-1', 'WITHSCORES')
    expect(closing).toEqual(lots.flatMap((lot) => [lot.id, String(lot.endsAt)]))
  })

  it('timed with a duration: the first close counts from the start', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['1', '2'], {
      durationMs: 600_000,
      closeIntervalSeconds: 1.5,
    })
    const started = ok(await engine.startSale(sale.id, owner)).sale
    expect(started.firstCloseAt).toBe((started.startsAt as number) + 600_000)
    const lots = await lotsOf(engine, sale.id)
    expect(lots.map((lot) => lot.endsAt)).toEqual([
      started.firstCloseAt,
      (started.firstCloseAt as number) + 1500,
    ])
  })

  it('live: the sale opens, its lots wait (status scheduled) for the clerk to offer them', async () => {
    const owner = seller()
    const { sale, lots } = await saleWithLots(engine, owner, ['1', '2'], { mode: 'live' })
    const started = ok(await engine.startSale(sale.id, owner)).sale
    expect(started).toMatchObject({ status: 'open', lotCounts: { waiting: 2, active: 0 } })
    for (const lot of await lotsOf(engine, sale.id)) {
      expect(lot).toMatchObject({ lotStatus: 'waiting', status: 'scheduled', endsAt: null })
    }
    const lotId = (lots[0] as (typeof lots)[0]).id
    const bid = await engine.placeBid({ auctionId: lotId, bidderId: 'paddle-1', amount: '10.00' })
    // Until it is offered, a live lot takes only absentee bids into its book.
    expect(rejected(bid)).toMatchObject({ code: 'LOT_NOT_OPEN' })
    expect(await engine.redis.zcard(saleKeys(sale.id).closing)).toBe(0)
  })

  it('refuses a timed sale without lots, a stranger, and a second start', async () => {
    const owner = seller()
    const empty = await createSale(engine, owner)
    expect(refused(await engine.startSale(empty.id, owner)).code).toBe('INVALID_STATUS')
    const { sale } = await saleWithLots(engine, owner, ['1'])
    expect(refused(await engine.startSale(sale.id, seller())).code).toBe('NOT_SELLER')
    ok(await engine.startSale(sale.id, owner))
    expect(refused(await engine.startSale(sale.id, owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'open',
    })
  })
})

describe('the scheduler', () => {
  it('opens a scheduled sale, closes its lots in catalogue order once each, then the sale', async () => {
    const owner = seller()
    const startsAt = (await engine.serverTime()) + 400
    const { sale } = await saleWithLots(engine, owner, ['4', '2', '3', '1'], {
      startsAt,
      durationMs: 300,
      closeIntervalSeconds: 0.15,
    })
    const log = await saleLog(own.url, [sale.id])
    const scheduler = new Scheduler(engine, {
      onError: (error) => expect.fail(`scheduler failed: ${String(error)}`),
    })
    scheduler.start()
    try {
      await log.waitFor((event) => event.type === 'sale_closed')
    } finally {
      await scheduler.stop()
      await log.close()
    }
    const opened = await log.waitFor((event) => event.type === 'sale_started')
    expect(opened.at).toBeGreaterThanOrEqual(startsAt)
    const lots = await lotsOf(engine, sale.id)
    const ended = log.events.filter(
      (event): event is AuctionEvent => isLotEvent(event) && event.type === 'auction_ended',
    )
    // One close per lot, in catalogue order, each within 250 ms of its end (server clock).
    expect(ended.map((event) => event.lotId)).toEqual(lots.map((lot) => lot.id))
    ended.forEach((event, i) => {
      const endsAt = opened.at + 300 + i * 150
      expect(event.endsAt).toBe(endsAt)
      expect(event.at - endsAt).toBeGreaterThanOrEqual(0)
      expect(event.at - endsAt).toBeLessThan(250)
      expect(event).toMatchObject({ lotStatus: 'passed', result: { winnerId: null } })
    })
    const closed = log.events.at(-1)
    expect(closed?.type).toBe('sale_closed')
    expect(closed?.seq).toBe((ended.at(-1)?.seq as number) + 1)
    expect(await saleOf(engine, sale.id)).toMatchObject({
      status: 'closed',
      closedAt: closed?.at,
      seq: closed?.seq,
      lotCounts: { active: 0, passed: 4 },
    })
  })

  it('lots that close at the same moment close in catalogue order (2 before 10)', async () => {
    const owner = seller()
    // Added from 12 down, so that neither the order of adding nor the ids ("S.10" sorts
    // before "S.2") is the catalogue order.
    const numbers = Array.from({ length: 12 }, (_, i) => String(12 - i))
    const { sale } = await saleWithLots(engine, owner, numbers, {
      durationMs: 300,
      closeIntervalSeconds: 0,
    })
    const log = await saleLog(own.url, [sale.id])
    const scheduler = new Scheduler(engine, {
      onError: (error) => expect.fail(`scheduler failed: ${String(error)}`),
    })
    try {
      ok(await engine.startSale(sale.id, owner))
      scheduler.start()
      await log.waitFor((event) => event.type === 'sale_closed')
    } finally {
      await scheduler.stop()
      await log.close()
    }
    const ended = log.events.filter((event) => event.type === 'auction_ended')
    const catalogue = (await lotsOf(engine, sale.id)).map((lot) => lot.id)
    expect(ended.map((event) => lotIdOf(event))).toEqual(catalogue)
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.number)).toEqual([...numbers].reverse())
  })
})

describe('soft close', () => {
  it('a bid in the last seconds moves its own lot alone; a raised maximum moves nothing', async () => {
    const owner = seller()
    const firstCloseAt = (await engine.serverTime()) + 5_000
    const { sale } = await saleWithLots(engine, owner, ['1', '2', '3'], {
      durationMs: null,
      firstCloseAt,
      closeIntervalSeconds: 1,
      softCloseSeconds: 30,
    })
    ok(await engine.startSale(sale.id, owner))
    const [first, second, third] = (await lotsOf(engine, sale.id)).map((lot) => lot.id) as [
      string,
      string,
      string,
    ]
    const closing = () =>
      engine.redis.zrange(saleKeys(sale.id).closing, '0', '-1', 'WITHSCORES').then((flat) => {
        const scores = new Map<string, number>()
        for (let i = 0; i < flat.length; i += 2) scores.set(flat[i] as string, Number(flat[i + 1]))
        return scores
      })
    const log = await saleLog(own.url, [sale.id])
    try {
      // The first bid, at the starting price, extends too: a new leader in the last seconds.
      const bid = accepted(
        await engine.placeBid({
          auctionId: second,
          bidderId: 'paddle-1',
          amount: '10.00',
          max: '50.00',
        }),
      )
      expect(bid.extended).toBe(true)
      const extended = (await log.waitFor((e) => e.type === 'auction_extended')) as AuctionEvent & {
        previousEndsAt: number
      }
      expect(extended).toMatchObject({ lotId: second, previousEndsAt: firstCloseAt + 1000 })
      expect(bid.endsAt).toBe(extended.at + 30_000)
      expect(await closing()).toEqual(
        new Map([
          [first, firstCloseAt],
          [third, firstCloseAt + 2000],
          [second, bid.endsAt],
        ]),
      )
      const raised = accepted(
        await engine.placeBid({
          auctionId: second,
          bidderId: 'paddle-1',
          amount: '11.00',
          max: '90.00',
        }),
      )
      expect(raised).toMatchObject({ result: 'max_raised', extended: false, endsAt: bid.endsAt })
      expect((await closing()).get(second)).toBe(bid.endsAt)
      const lots = await lotsOf(engine, sale.id)
      expect(lots.map((lot) => lot.endsAt)).toEqual([firstCloseAt, bid.endsAt, firstCloseAt + 2000])
    } finally {
      await log.close()
    }
    ok(await engine.cancelSale(sale.id, owner)) // no scheduler here, but leave nothing due
  })
})

describe('a lot added before the start', () => {
  it('a scheduled sale still takes lots; they open with it', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner, {
      startsAt: (await engine.serverTime()) + 600_000,
    })
    ok(await engine.addLot(sale.id, lotInput('1'), owner))
    expect((await lotsOf(engine, sale.id))[0]).toMatchObject({
      status: 'scheduled',
      lotStatus: 'waiting',
    })
    ok(await engine.startSale(sale.id, owner))
    expect((await lotsOf(engine, sale.id))[0]).toMatchObject({ status: 'active' })
  })
})
