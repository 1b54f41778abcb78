// How a sale and its lots end early: endSale (timed: every active lot closes now, sold or
// passed by its reserve; live: lots never offered pass), cancelSale (lots not yet over are
// cancelled, sold lots keep their result), and `auction end` / `auction cancel` on one lot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { saleKeys } from '../../src/main/engine'
import type { Actor, Lot } from '../../src/shared/domain'
import { accepted, openEngine, person, rejected, staff, uniqueId } from './fixtures'
import { lotInput, lotsOf, ok, refused, saleOf, saleWithLots } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
})
afterAll(() => close())

const seller = () => person(uniqueId('seller'))

/** An open timed sale: lot 1 (reserve 50.00) bid to 60.00, lot 2 (reserve 50.00) bid to
 * 20.00, lot 3 without bids. Closes start in an hour, so only the test ends them. */
async function openTimedSale(owner: Actor) {
  const sale = ok(
    await engine.createSale(
      { title: 'Timed', mode: 'timed', increment: '1.00', durationMs: 3_600_000 },
      owner,
    ),
  ).sale
  for (const [number, reserve] of [
    ['1', '50.00'],
    ['2', '50.00'],
    ['3', null],
  ] as const) {
    ok(await engine.addLot(sale.id, lotInput(number, { reservePrice: reserve }), owner))
  }
  ok(await engine.startSale(sale.id, owner))
  const [one, two, three] = (await lotsOf(engine, sale.id)) as [Lot, Lot, Lot]
  accepted(await engine.placeBid({ auctionId: one.id, bidderId: 'paddle-1', amount: '60.00' }))
  accepted(await engine.placeBid({ auctionId: two.id, bidderId: 'paddle-2', amount: '20.00' }))
  return { sale, one, two, three }
}

describe('endSale', () => {
  it('timed: every active lot closes now, sold when its reserve is met, else passed', async () => {
    const owner = seller()
    const { sale, one, two, three } = await openTimedSale(owner)
    const before = await engine.serverTime()
    const ended = ok(await engine.endSale(sale.id, owner)).sale
    expect(ended).toMatchObject({
      status: 'closed',
      lotCounts: { active: 0, sold: 1, passed: 2 },
    })
    expect(ended.closedAt).toBeGreaterThanOrEqual(before)
    const lots = await lotsOf(engine, sale.id)
    expect(lots.map((lot) => [lot.id, lot.lotStatus, lot.status, lot.result])).toEqual([
      [one.id, 'sold', 'ended', { winnerId: 'paddle-1', finalPrice: 6000, reserveMet: true }],
      [two.id, 'passed', 'ended', { winnerId: null, finalPrice: 2000, reserveMet: false }],
      [three.id, 'passed', 'ended', { winnerId: null, finalPrice: 1000, reserveMet: true }],
    ])
    // Closed now: the end moves up to the close, and nothing is left for the scheduler.
    for (const lot of lots) expect(lot.endsAt).toBe(ended.closedAt)
    expect(await engine.redis.zcard(saleKeys(sale.id).closing)).toBe(0)
    // Ending twice changes nothing.
    expect(ok(await engine.endSale(sale.id, staff())).sale).toEqual(ended)
  })

  it('live: the sale closes and lots never offered pass', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['1', '2'], { mode: 'live' })
    ok(await engine.startSale(sale.id, owner))
    const ended = ok(await engine.endSale(sale.id, owner)).sale
    expect(ended).toMatchObject({ status: 'closed', lotCounts: { waiting: 0, passed: 2 } })
    for (const lot of await lotsOf(engine, sale.id)) {
      expect(lot).toMatchObject({
        lotStatus: 'passed',
        status: 'ended',
        bidCount: 0,
        result: { winnerId: null, finalPrice: 1000 },
      })
    }
  })

  it('refuses a sale that is not open, and a stranger', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['1'])
    expect(refused(await engine.endSale(sale.id, owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'draft',
    })
    ok(await engine.startSale(sale.id, owner))
    expect(refused(await engine.endSale(sale.id, seller())).code).toBe('NOT_SELLER')
  })
})

describe('cancelSale', () => {
  it('cancels the lots not yet over; a sold lot keeps its result', async () => {
    const owner = seller()
    const { sale, one, two, three } = await openTimedSale(owner)
    ok(await engine.endAuction(one.id, owner))
    const cancelled = ok(await engine.cancelSale(sale.id, owner)).sale
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      lotCounts: { active: 0, sold: 1, cancelled: 2 },
    })
    const lots = await lotsOf(engine, sale.id)
    expect(lots.map((lot) => [lot.id, lot.lotStatus, lot.status])).toEqual([
      [one.id, 'sold', 'ended'],
      [two.id, 'cancelled', 'cancelled'],
      [three.id, 'cancelled', 'cancelled'],
    ])
    expect(lots[0]?.result).toEqual({ winnerId: 'paddle-1', finalPrice: 6000, reserveMet: true })
    expect(lots[1]?.result).toBeUndefined()
    expect(await engine.redis.zcard(saleKeys(sale.id).closing)).toBe(0)
    const bid = await engine.placeBid({ auctionId: two.id, bidderId: 'paddle-3', amount: '30.00' })
    expect(rejected(bid)).toMatchObject({ code: 'AUCTION_NOT_ACTIVE', status: 'cancelled' })
    // Cancelling twice changes nothing.
    expect(ok(await engine.cancelSale(sale.id, owner)).sale).toEqual(cancelled)
  })

  it('cancels waiting lots of a live sale and of a draft; refuses a closed sale', async () => {
    const owner = seller()
    const live = await saleWithLots(engine, owner, ['1', '2'], { mode: 'live' })
    ok(await engine.startSale(live.sale.id, owner))
    expect(ok(await engine.cancelSale(live.sale.id, owner)).sale.lotCounts).toMatchObject({
      waiting: 0,
      cancelled: 2,
    })
    const draft = await saleWithLots(engine, owner, ['1'])
    expect(ok(await engine.cancelSale(draft.sale.id, staff())).sale).toMatchObject({
      status: 'cancelled',
      lotCounts: { waiting: 0, cancelled: 1 },
    })
    const closed = await saleWithLots(engine, owner, ['1'], { mode: 'live' })
    ok(await engine.startSale(closed.sale.id, owner))
    ok(await engine.endSale(closed.sale.id, owner))
    expect(refused(await engine.cancelSale(closed.sale.id, owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'closed',
    })
  })
})

describe('a lot of a sale as an auction', () => {
  it('auction end closes that lot alone; ending twice changes nothing', async () => {
    const owner = seller()
    const { sale, one, two } = await openTimedSale(owner)
    const ended = ok(await engine.endAuction(one.id, owner)).auction
    expect(ended).toMatchObject({
      id: one.id,
      saleId: sale.id,
      status: 'ended',
      lotStatus: 'sold',
      result: { winnerId: 'paddle-1', finalPrice: 6000 },
    })
    expect(ok(await engine.endAuction(one.id, staff())).auction).toEqual(ended)
    expect(await engine.redis.zscore(saleKeys(sale.id).closing, one.id)).toBeNull()
    expect(await saleOf(engine, sale.id)).toMatchObject({
      status: 'open',
      lotCounts: { active: 2, sold: 1 },
    })
    expect((await lotsOf(engine, sale.id))[1]).toMatchObject({ id: two.id, status: 'active' })
    expect(refused(await engine.endAuction(two.id, seller())).code).toBe('NOT_SELLER')
  })

  it('auction cancel withdraws that lot; a lot opens only with its sale', async () => {
    const owner = seller()
    const { sale, two } = await openTimedSale(owner)
    const withdrawn = ok(await engine.cancelAuction(two.id, owner)).auction
    expect(withdrawn).toMatchObject({ status: 'cancelled', lotStatus: 'withdrawn' })
    expect(await engine.redis.zscore(saleKeys(sale.id).closing, two.id)).toBeNull()
    const bid = await engine.placeBid({ auctionId: two.id, bidderId: 'paddle-3', amount: '30.00' })
    expect(rejected(bid).code).toBe('AUCTION_NOT_ACTIVE')
    expect(refused(await engine.startAuction(two.id, owner)).code).toBe('INVALID_STATUS')
    expect((await saleOf(engine, sale.id)).lotCounts).toMatchObject({ active: 2, withdrawn: 1 })
  })

  it('a timed sale closes with its last lot', async () => {
    const owner = seller()
    const { sale, one, two, three } = await openTimedSale(owner)
    ok(await engine.endAuction(one.id, owner))
    ok(await engine.cancelAuction(two.id, owner))
    expect((await saleOf(engine, sale.id)).status).toBe('open')
    ok(await engine.endAuction(three.id, owner))
    expect(await saleOf(engine, sale.id)).toMatchObject({
      status: 'closed',
      lotCounts: { active: 0, sold: 1, withdrawn: 1, passed: 1 },
    })
  })

  it('a withdrawn lot of a draft sale stays out of the start', async () => {
    const owner = seller()
    const { sale, lots } = await saleWithLots(engine, owner, ['1', '2'])
    ok(await engine.cancelAuction((lots[0] as Lot).id, owner))
    ok(await engine.startSale(sale.id, owner))
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.lotStatus)).toEqual([
      'withdrawn',
      'active',
    ])
  })
})
