// The clerk's commands on the lot on the block before the hammer: the asking price for the
// next bid (ask), the floor bid at the asking price, and fair warning, each with its error
// codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, openEngine, person, rejected } from './fixtures'
import { clerk, entriesOf, liveSale, logOf, lotNow, offer, onBlock } from './live-fixtures'
import { ok } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const bid = (lotId: string, bidderId: string, amount: string, max?: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, ...(max ? { max } : {}) })

describe('ask', () => {
  it('sets the asking price for the next bid only; the next accepted bid clears it', async () => {
    const { sale, lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    // A split: half an increment.
    const asked = ok(await engine.askLot(lot.id, '10.50', clerk)).lot
    expect(asked).toMatchObject({ askingPrice: 1050, askOverride: 1050, currentPrice: 1000 })
    expect(await lotNow(engine, lot.id)).toMatchObject({ askingPrice: 1050, askOverride: 1050 })
    const floor = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-2' }, clerk))
    expect(await lotNow(engine, lot.id)).toMatchObject({
      currentPrice: 1050,
      askingPrice: 1150,
      askOverride: null,
    })
    // The bid's own answer tells the clerk the next asking price: the usual step again.
    expect(floor).toMatchObject({ result: 'leading', price: 1050, askingPrice: 1150 })
    const log = (await logOf(engine, sale.id)).find((entry) => entry.action === 'ask')
    expect(log).toMatchObject({
      operator: clerk.id,
      lotId: lot.id,
      priceBefore: 1000,
      priceAfter: 1000,
      leaderBefore: 'paddle-1',
      leaderAfter: 'paddle-1',
      detail: { askingBefore: 1100, asking: 1050 },
    })
  })

  it('an ask above the usual step makes a lower typed bid BID_TOO_LOW at the ask', async () => {
    const { lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    ok(await engine.askLot(lot.id, '15.00', clerk))
    expect(rejected(await bid(lot.id, 'paddle-2', '11.00'))).toMatchObject({
      code: 'BID_TOO_LOW',
      minimumBid: 1500,
    })
    // A refused bid does not clear it; a later ask replaces it.
    expect(await lotNow(engine, lot.id)).toMatchObject({ askOverride: 1500 })
    ok(await engine.askLot(lot.id, '12.00', clerk))
    expect(await lotNow(engine, lot.id)).toMatchObject({ askingPrice: 1200 })
  })

  it('a proxy answer clears it too', async () => {
    const { lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00', '30.00'))
    ok(await engine.askLot(lot.id, '10.50', clerk))
    const floor = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-2' }, clerk))
    expect(floor).toMatchObject({ result: 'outbid', price: 1150, leaderId: 'paddle-1' })
    expect(await lotNow(engine, lot.id)).toMatchObject({ askOverride: null, askingPrice: 1250 })
  })

  it('must be above the current price (INVALID_AMOUNT); only on the block; staff or seller', async () => {
    const { lot, lots, seller } = await onBlock(engine, '1', ['2'])
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    for (const amount of ['10.00', '9.00', '0', '-1', '10.001', 'abc']) {
      expect(rejected(await engine.askLot(lot.id, amount, clerk)), amount).toMatchObject({
        code: 'INVALID_AMOUNT',
        field: 'amount',
      })
    }
    const waiting = (lots[1] as (typeof lots)[1]).id
    expect(rejected(await engine.askLot(waiting, '12.00', clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
    })
    expect(rejected(await engine.askLot(lot.id, '12.00', person('stranger'))).code).toBe(
      'NOT_SELLER',
    )
    ok(await engine.askLot(lot.id, '12.00', seller))
    expect(await lotNow(engine, lot.id)).toMatchObject({ askOverride: 1200 })
  })
})

describe('floor bid', () => {
  it('bids the asking price for the paddle, source floor, entered by the clerk', async () => {
    const { sale, lot } = await onBlock(engine)
    const first = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-3' }, clerk))
    expect(first).toMatchObject({ result: 'leading', price: 1000, leaderId: 'paddle-3', bidId: 1 })
    const second = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-4' }, clerk))
    expect(second).toMatchObject({ result: 'leading', price: 1100, leaderId: 'paddle-4' })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-3', 1000, 'manual', 'leading', 'floor'],
      ['paddle-4', 1100, 'manual', 'leading', 'floor'],
    ])
    const bids = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'bid')
    expect(
      bids.map((entry) => [entry.operator, entry.detail?.bidder, entry.detail?.source]),
    ).toEqual([
      [clerk.id, 'paddle-3', 'floor'],
      [clerk.id, 'paddle-4', 'floor'],
    ])
  })

  it('without a paddle the bidder is the anonymous floor', async () => {
    const { lot } = await onBlock(engine)
    accepted(await engine.floorBid(lot.id, {}, clerk))
    expect(await lotNow(engine, lot.id)).toMatchObject({ leaderId: 'floor', currentPrice: 1000 })
    expect(await entriesOf(engine, lot.id)).toEqual([['floor', 1000, 'manual', 'leading', 'floor']])
  })

  it('two anonymous floor bids in a row are two bidders: the second raises the price', async () => {
    const { lot } = await onBlock(engine)
    expect(accepted(await engine.floorBid(lot.id, {}, clerk))).toMatchObject({
      result: 'leading',
      price: 1000,
      leaderId: 'floor',
    })
    expect(accepted(await engine.floorBid(lot.id, {}, clerk))).toMatchObject({
      result: 'leading',
      price: 1100,
      leaderId: 'floor',
      bidCount: 2,
    })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['floor', 1000, 'manual', 'leading', 'floor'],
      ['floor', 1100, 'manual', 'leading', 'floor'],
    ])
  })

  it('follows every bid rule: the leader, proxies, and a stale typed amount elsewhere', async () => {
    const { lot, seller } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00', '20.00'))
    // The same paddle that leads: it does not raise a maximum, so it is ALREADY_LEADING.
    expect(rejected(await engine.floorBid(lot.id, { paddle: 'paddle-1' }, clerk)).code).toBe(
      'ALREADY_LEADING',
    )
    expect(rejected(await engine.floorBid(lot.id, { paddle: seller.id }, clerk)).code).toBe(
      'SELLER_CANNOT_BID',
    )
    const floor = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-2' }, clerk))
    expect(floor).toMatchObject({ result: 'outbid', price: 1200, leaderId: 'paddle-1' })
    // An online bidder who saw 11.00 as the asking price: stale.
    expect(rejected(await bid(lot.id, 'paddle-5', '11.00'))).toMatchObject({
      code: 'BID_TOO_LOW',
      minimumBid: 1300,
    })
  })

  it('a retried request id answers the same bid, placed once', async () => {
    const { lot } = await onBlock(engine)
    const first = accepted(
      await engine.floorBid(lot.id, { paddle: 'paddle-1', requestId: 'f-1' }, clerk),
    )
    const again = await engine.floorBid(lot.id, { paddle: 'paddle-1', requestId: 'f-1' }, clerk)
    expect(again).toEqual({ ...first, duplicate: true })
    expect(await lotNow(engine, lot.id)).toMatchObject({ bidCount: 1, currentPrice: 1000 })
  })

  it('only staff or the seller enter floor bids; unknown lots are AUCTION_NOT_FOUND', async () => {
    const { sale, lot, seller } = await onBlock(engine)
    expect(rejected(await engine.floorBid(lot.id, {}, person('stranger'))).code).toBe('NOT_SELLER')
    accepted(await engine.floorBid(lot.id, { paddle: 'paddle-1' }, seller))
    expect(rejected(await engine.floorBid(`${sale.id}.99`, {}, clerk)).code).toBe(
      'AUCTION_NOT_FOUND',
    )
  })
})

describe('fair warning', () => {
  it('sets the warning without touching the price; any accepted bid clears it', async () => {
    const { sale, lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-1', '10.00', '15.00'))
    const before = await lotNow(engine, lot.id)
    const warned = ok(await engine.warnLot(lot.id, clerk)).lot
    expect(warned).toMatchObject({
      warning: true,
      currentPrice: before.currentPrice,
      askingPrice: before.askingPrice,
      leaderId: 'paddle-1',
      bidCount: before.bidCount,
    })
    // A rejected bid leaves it.
    expect(rejected(await bid(lot.id, 'paddle-2', '10.00')).code).toBe('BID_TOO_LOW')
    expect(await lotNow(engine, lot.id)).toMatchObject({ warning: true })
    // Raising one's own maximum is an accepted bid too.
    accepted(await bid(lot.id, 'paddle-1', '11.00', '25.00'))
    expect(await lotNow(engine, lot.id)).toMatchObject({ warning: false, currentPrice: 1000 })
    ok(await engine.warnLot(lot.id, clerk))
    accepted(await bid(lot.id, 'paddle-2', '11.00'))
    expect(await lotNow(engine, lot.id)).toMatchObject({ warning: false, currentPrice: 1200 })
    const log = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'warning')
    expect(log).toMatchObject([
      { operator: clerk.id, lotId: lot.id, priceBefore: 1000, priceAfter: 1000 },
      { operator: clerk.id, lotId: lot.id, priceBefore: 1000, priceAfter: 1000 },
    ])
  })

  it('only on the block', async () => {
    const { lots, sale } = await liveSale(engine, ['1'])
    const lot = lots[0] as (typeof lots)[0]
    expect(rejected(await engine.warnLot(lot.id, clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
      status: 'scheduled',
    })
    await offer(engine, sale.id)
    ok(await engine.passLot(lot.id, clerk))
    expect(rejected(await engine.warnLot(lot.id, clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
      status: 'ended',
    })
  })
})
