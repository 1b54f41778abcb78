// The end of a lot on the block: the hammer (sold to the leader at the current price, the
// reserve, a floor leader's paddle) and the pass, each with its error codes; and that no bid
// is taken once the hammer has fallen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, liveAuction, openEngine, person, rejected, uniqueId } from './fixtures'
import { clerk, historyOf, logOf, lotNow, onBlock } from './live-fixtures'
import { ok, saleOf, saleWithLots } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const bid = (lotId: string, bidderId: string, amount: string, max?: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, ...(max ? { max } : {}) })

describe('hammer', () => {
  it('sells to the leader at the current price, at the server time of the hammer', async () => {
    const { sale, lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00', '30.00'))
    accepted(await bid(lot.id, 'paddle-2', '14.00'))
    ok(await engine.warnLot(lot.id, clerk))
    const before = await engine.serverTime()
    const sold = ok(await engine.hammerLot(lot.id, {}, clerk)).lot
    const after = await engine.serverTime()
    const hammerAt = sold.hammerAt as number
    expect(hammerAt).toBeGreaterThanOrEqual(before)
    expect(hammerAt).toBeLessThanOrEqual(after)
    expect(sold).toMatchObject({
      lotStatus: 'sold',
      status: 'ended',
      onBlock: false,
      warning: false,
      currentPrice: 1500,
      leaderId: 'paddle-1',
      result: { winnerId: 'paddle-1', finalPrice: 1500, reserveMet: true, hammerAt },
    })
    expect(sold.result).not.toHaveProperty('belowReserve')
    expect(await saleOf(engine, sale.id)).toMatchObject({
      onBlockLotId: null,
      lotCounts: { sold: 1, active: 0 },
    })
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'hammer',
      operator: clerk.id,
      lotId: lot.id,
      at: hammerAt,
      priceBefore: 1500,
      priceAfter: 1500,
      leaderBefore: 'paddle-1',
      leaderAfter: 'paddle-1',
      detail: { result: { winnerId: 'paddle-1', finalPrice: 1500, reserveMet: true, hammerAt } },
    })
  })

  it('any bid after the hammer is LOT_CLOSED, whatever its source', async () => {
    const { lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    ok(await engine.hammerLot(lot.id, {}, clerk))
    expect(rejected(await bid(lot.id, 'paddle-2', '50.00')).code).toBe('LOT_CLOSED')
    expect(rejected(await bid(lot.id, 'paddle-2', 'asking')).code).toBe('LOT_CLOSED')
    expect(rejected(await engine.floorBid(lot.id, { paddle: 'paddle-3' }, clerk)).code).toBe(
      'LOT_CLOSED',
    )
    expect(await historyOf(engine, lot.id)).toHaveLength(1)
  })

  it('no bids: NO_BIDS', async () => {
    const { lot } = await onBlock(engine)
    expect(rejected(await engine.hammerLot(lot.id, {}, clerk)).code).toBe('NO_BIDS')
    expect(await lotNow(engine, lot.id)).toMatchObject({ lotStatus: 'active' })
  })

  it('below the reserve: RESERVE_NOT_MET, unless sold below it on purpose, which is recorded', async () => {
    const { sale, lot } = await onBlock(engine, { number: '1', reservePrice: '25.00' })
    accepted(await bid(lot.id, 'paddle-1', '20.00'))
    expect(rejected(await engine.hammerLot(lot.id, {}, clerk))).toMatchObject({
      code: 'RESERVE_NOT_MET',
    })
    const sold = ok(await engine.hammerLot(lot.id, { belowReserve: true }, clerk)).lot
    expect(sold.result).toEqual({
      winnerId: 'paddle-1',
      finalPrice: 2000,
      reserveMet: false,
      hammerAt: sold.hammerAt,
      belowReserve: true,
    })
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'hammer',
      detail: { result: { reserveMet: false, belowReserve: true } },
    })
  })

  it('below-reserve on a lot whose reserve is met is an ordinary sale', async () => {
    const { lot } = await onBlock(engine, { number: '1', reservePrice: '25.00' })
    accepted(await bid(lot.id, 'paddle-1', '26.00'))
    const sold = ok(await engine.hammerLot(lot.id, { belowReserve: true }, clerk)).lot
    expect(sold.result).toEqual({
      winnerId: 'paddle-1',
      finalPrice: 2600,
      reserveMet: true,
      hammerAt: sold.hammerAt,
    })
  })

  it('a floor leader needs its paddle, which becomes the winner', async () => {
    const { sale, lot, seller } = await onBlock(engine)
    accepted(await engine.floorBid(lot.id, {}, clerk))
    expect(rejected(await engine.hammerLot(lot.id, {}, clerk))).toMatchObject({
      code: 'PADDLE_REQUIRED',
      field: 'paddle',
    })
    expect(rejected(await engine.hammerLot(lot.id, { paddle: 'floor' }, clerk)).code).toBe(
      'PADDLE_REQUIRED',
    )
    expect(rejected(await engine.hammerLot(lot.id, { paddle: seller.id }, clerk)).code).toBe(
      'SELLER_CANNOT_BID',
    )
    expect(await lotNow(engine, lot.id)).toMatchObject({ lotStatus: 'active', leaderId: 'floor' })
    const sold = ok(await engine.hammerLot(lot.id, { paddle: 'paddle-12' }, clerk)).lot
    expect(sold).toMatchObject({
      lotStatus: 'sold',
      leaderId: 'paddle-12',
      result: { winnerId: 'paddle-12', finalPrice: 1000, reserveMet: true },
    })
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'hammer',
      leaderBefore: 'floor',
      leaderAfter: 'paddle-12',
    })
  })

  it("a paddle that is not the leader's is INVALID_INPUT; the leader's own is fine", async () => {
    const { lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    expect(rejected(await engine.hammerLot(lot.id, { paddle: 'paddle-2' }, clerk))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'paddle',
    })
    const sold = ok(await engine.hammerLot(lot.id, { paddle: 'paddle-1' }, clerk)).lot
    expect(sold.result).toMatchObject({ winnerId: 'paddle-1' })
  })

  it('only the lot on the block, of a live sale, by staff or the seller', async () => {
    const { lot, lots } = await onBlock(engine, '1', ['2'])
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    const waiting = (lots[1] as (typeof lots)[1]).id
    expect(rejected(await engine.hammerLot(waiting, {}, clerk)).code).toBe('LOT_NOT_OPEN')
    expect(rejected(await engine.hammerLot(lot.id, {}, person('stranger'))).code).toBe('NOT_SELLER')
    ok(await engine.hammerLot(lot.id, {}, clerk))
    expect(rejected(await engine.hammerLot(lot.id, {}, clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
      status: 'ended',
    })
  })

  it("a timed sale's lot is NOT_LIVE_SALE for every clerk's command", async () => {
    const owner = person(uniqueId('seller'))
    const { sale, lots } = await saleWithLots(engine, owner, ['1'])
    ok(await engine.startSale(sale.id, owner))
    const timed = (lots[0] as (typeof lots)[0]).id
    accepted(await bid(timed, 'paddle-1', '10.00'))
    expect(rejected(await engine.hammerLot(timed, {}, clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.passLot(timed, clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.warnLot(timed, clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.askLot(timed, '20.00', clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.retractBid(timed, 'why', clerk)).code).toBe('NOT_LIVE_SALE')
    expect(await lotNow(engine, timed)).toMatchObject({ lotStatus: 'active', currentPrice: 1000 })
    ok(await engine.cancelSale(sale.id, owner))
  })

  it('a single auction (a timed sale of one lot, one id for both) is NOT_LIVE_SALE too', async () => {
    const single = await liveAuction(engine)
    accepted(await bid(single.id, 'paddle-1', '10.00'))
    expect(rejected(await engine.hammerLot(single.id, {}, clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.passLot(single.id, clerk)).code).toBe('NOT_LIVE_SALE')
    expect(rejected(await engine.offerLot(single.saleId, undefined, clerk)).code).toBe(
      'NOT_LIVE_SALE',
    )
  })
})

describe('pass', () => {
  it('ends the lot passed whatever its bids; bids after it are LOT_CLOSED', async () => {
    const { sale, lot } = await onBlock(engine, { number: '1', reservePrice: '12.00' })
    accepted(await bid(lot.id, 'paddle-1', '10.00', '40.00'))
    accepted(await bid(lot.id, 'paddle-2', '20.00'))
    const passed = ok(await engine.passLot(lot.id, clerk)).lot
    expect(passed).toMatchObject({
      lotStatus: 'passed',
      status: 'ended',
      onBlock: false,
      currentPrice: 2100,
      result: { winnerId: null, finalPrice: 2100, reserveMet: true, hammerAt: passed.hammerAt },
    })
    expect(passed.hammerAt).toEqual(expect.any(Number))
    expect(rejected(await bid(lot.id, 'paddle-3', '50.00')).code).toBe('LOT_CLOSED')
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'pass',
      operator: clerk.id,
      lotId: lot.id,
      priceBefore: 2100,
      priceAfter: 2100,
      leaderBefore: 'paddle-1',
    })
    expect(await saleOf(engine, sale.id)).toMatchObject({
      onBlockLotId: null,
      lotCounts: { passed: 1 },
    })
  })

  it('a lot without bids passes too; a waiting lot cannot be passed', async () => {
    const { lot, lots } = await onBlock(engine, '1', ['2'])
    const waiting = (lots[1] as (typeof lots)[1]).id
    expect(rejected(await engine.passLot(waiting, clerk)).code).toBe('LOT_NOT_OPEN')
    const passed = ok(await engine.passLot(lot.id, clerk)).lot
    expect(passed).toMatchObject({
      lotStatus: 'passed',
      result: { winnerId: null, finalPrice: 1000, reserveMet: true },
    })
  })

  it('ending the sale passes the lot on the block (no hammer fell), logged with the reason', async () => {
    const { sale, lot } = await onBlock(engine, '1', ['2'])
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    ok(await engine.endSale(sale.id, clerk))
    const ended = await lotNow(engine, lot.id)
    expect(ended).toMatchObject({
      lotStatus: 'passed',
      onBlock: false,
      result: { winnerId: null, finalPrice: 1000, hammerAt: expect.any(Number) },
    })
    const actions = (await logOf(engine, sale.id)).slice(-2)
    expect(actions.map((e) => [e.action, e.lotId, e.reason])).toEqual([
      ['pass', lot.id, 'the sale ended'],
      ['end', null, null],
    ])
  })

  it("keeps the clerk's reason in the log; an empty one is INVALID_INPUT and changes nothing", async () => {
    const { sale, lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    const before = await lotNow(engine, lot.id)
    expect(rejected(await engine.passLot(lot.id, clerk, '  '))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'reason',
    })
    expect(await lotNow(engine, lot.id)).toEqual(before)
    ok(await engine.passLot(lot.id, clerk, 'Bought in at 10.00'))
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'pass',
      lotId: lot.id,
      reason: 'Bought in at 10.00',
    })
  })
})
