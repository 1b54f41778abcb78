// The absentee book of a live sale: while a lot waits to be offered it takes only absentee
// bids with a maximum, into its book; when the lot is offered the book executes (the highest
// maximum leads one increment above the second, capped at its own maximum; alone at the
// starting price; the earlier on a tie; the reserve jump applies), and from then on the
// leading absentee bids for its bidder by the normal proxy rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, openEngine, person, rejected } from './fixtures'
import {
  absentee,
  booked,
  clerk,
  entriesOf,
  historyOf,
  liveSale,
  logOf,
  lotNow,
  offer,
} from './live-fixtures'
import { ok } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** A live sale with one lot (start 10.00, increment 1.00 unless given), open. */
async function oneLot(overrides: Parameters<typeof liveSale>[1][0] = '1') {
  const { sale, lots, seller } = await liveSale(engine, [overrides])
  return { sale, lot: lots[0] as (typeof lots)[0], seller }
}

describe('the book while the lot waits', () => {
  it('records an absentee bid with a maximum in the book, not as a bid', async () => {
    const { sale, lot } = await oneLot()
    const answer = booked(await absentee(engine, lot.id, 'paddle-5', '40.00', { amount: '12.00' }))
    expect(answer).toMatchObject({ bidId: null, maxAmount: 4000, duplicate: false })
    // The amount may equal the maximum.
    booked(await absentee(engine, lot.id, 'paddle-6', '25.00'))
    expect(await lotNow(engine, lot.id)).toMatchObject({
      lotStatus: 'waiting',
      book: 2,
      bidCount: 0,
      leaderId: null,
      currentPrice: 1000,
      askingPrice: 1000,
      onBlock: false,
    })
    expect(await historyOf(engine, lot.id)).toEqual([])
    expect(ok(await engine.lotBook(lot.id, clerk)).entries).toEqual([
      { bidderId: 'paddle-5', max: 4000, at: expect.any(Number) },
      { bidderId: 'paddle-6', max: 2500, at: expect.any(Number) },
    ])
    // A bidder's maximum is their secret: a stranger sees who, not how much.
    expect(ok(await engine.lotBook(lot.id, person('paddle-9'))).entries).toEqual([
      { bidderId: 'paddle-5', max: null, at: expect.any(Number) },
      { bidderId: 'paddle-6', max: null, at: expect.any(Number) },
    ])
    const log = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'book')
    expect(log.map((entry) => [entry.operator, entry.lotId, entry.detail])).toEqual([
      ['paddle-5', lot.id, { bidder: 'paddle-5', amount: 1200, max: 4000 }],
      ['paddle-6', lot.id, { bidder: 'paddle-6', amount: 2500, max: 2500 }],
    ])
  })

  it('refuses any other bid with LOT_NOT_OPEN: another source, or no maximum', async () => {
    const { lot } = await oneLot()
    for (const source of ['floor', 'online', 'phone'] as const) {
      const bid = await engine.placeBid({
        auctionId: lot.id,
        bidderId: 'paddle-1',
        amount: '10.00',
        max: '20.00',
        source,
      })
      expect(rejected(bid).code, source).toBe('LOT_NOT_OPEN')
    }
    const noMax = await engine.placeBid({
      auctionId: lot.id,
      bidderId: 'paddle-1',
      amount: '10.00',
      source: 'absentee',
    })
    expect(rejected(noMax).code).toBe('LOT_NOT_OPEN')
    const atAsking = await engine.placeBid({
      auctionId: lot.id,
      bidderId: 'paddle-1',
      amount: 'asking',
      source: 'absentee',
    })
    expect(rejected(atAsking).code).toBe('LOT_NOT_OPEN')
    expect(rejected(await engine.floorBid(lot.id, { paddle: 'paddle-1' }, clerk)).code).toBe(
      'LOT_NOT_OPEN',
    )
    expect(await lotNow(engine, lot.id)).toMatchObject({ book: 0, bidCount: 0 })
  })

  it('a maximum below the starting price is BID_TOO_LOW; at the starting price it is booked', async () => {
    const { lot } = await oneLot({ number: '1', startingPrice: '20.00' })
    expect(rejected(await absentee(engine, lot.id, 'paddle-1', '19.99'))).toMatchObject({
      code: 'BID_TOO_LOW',
      minimumBid: 2000,
    })
    booked(await absentee(engine, lot.id, 'paddle-1', '20.00'))
    expect(
      rejected(await absentee(engine, lot.id, 'paddle-2', '30.00', { amount: '31.00' })).code,
    ).toBe('MAX_BELOW_AMOUNT')
  })

  it("a bidder's second entry replaces the first only with a higher maximum", async () => {
    const { lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    for (const max of ['30.00', '29.00']) {
      expect(rejected(await absentee(engine, lot.id, 'paddle-1', max))).toMatchObject({
        code: 'BID_TOO_LOW',
        minimumBid: 3001,
      })
    }
    booked(await absentee(engine, lot.id, 'paddle-1', '35.00'))
    expect(await lotNow(engine, lot.id)).toMatchObject({ book: 1 })
    expect(ok(await engine.lotBook(lot.id, clerk)).entries).toEqual([
      { bidderId: 'paddle-1', max: 3500, at: expect.any(Number) },
    ])
  })

  it('the seller cannot book; a retried request id answers the same, once', async () => {
    const { lot, seller } = await oneLot()
    expect(rejected(await absentee(engine, lot.id, seller.id, '30.00')).code).toBe(
      'SELLER_CANNOT_BID',
    )
    const first = booked(await absentee(engine, lot.id, 'paddle-1', '30.00', { requestId: 'r-1' }))
    const again = await absentee(engine, lot.id, 'paddle-1', '30.00', { requestId: 'r-1' })
    expect(again).toEqual({ ...first, duplicate: true })
    expect(await lotNow(engine, lot.id)).toMatchObject({ book: 1 })
  })
})

describe('the book executes when the lot is offered', () => {
  it('0 entries: nothing happens; the lot opens at its starting price without a leader', async () => {
    const { sale, lot } = await oneLot()
    const offered = await offer(engine, sale.id)
    expect(offered).toMatchObject({
      id: lot.id,
      currentPrice: 1000,
      askingPrice: 1000,
      leaderId: null,
      bidCount: 0,
      book: 0,
    })
    expect(await historyOf(engine, lot.id)).toEqual([])
    expect((await logOf(engine, sale.id)).map((entry) => entry.action)).toEqual([
      'create',
      'lot_add',
      'start',
      'offer',
    ])
    expect(rejected(await engine.retractBid(lot.id, 'nothing', clerk)).code).toBe(
      'NOTHING_TO_RETRACT',
    )
  })

  it('1 entry: it leads at the starting price, whatever its maximum', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '50.00', { amount: '20.00' }))
    expect(await offer(engine, sale.id)).toMatchObject({
      currentPrice: 1000,
      askingPrice: 1100,
      leaderId: 'paddle-1',
      bidCount: 1,
    })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-1', 1000, 'auto', 'leading', 'absentee'],
    ])
  })

  it('2 entries: the higher leads one increment above the other maximum', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    expect(await offer(engine, sale.id)).toMatchObject({
      currentPrice: 3100,
      leaderId: 'paddle-2',
      bidCount: 2,
    })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-1', 3000, 'auto', 'outbid', 'absentee'],
      ['paddle-2', 3100, 'auto', 'leading', 'absentee'],
    ])
  })

  it('3 entries: every other book bid at its maximum, lowest first, then the leader', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '20.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '45.00'))
    booked(await absentee(engine, lot.id, 'paddle-3', '30.00'))
    expect(await offer(engine, sale.id)).toMatchObject({
      currentPrice: 3100,
      askingPrice: 3200,
      leaderId: 'paddle-2',
      bidCount: 3,
    })
    const history = await historyOf(engine, lot.id)
    expect(history.map((b) => [b.id, b.bidderId, b.amount, b.kind, b.outcome, b.source])).toEqual([
      [1, 'paddle-1', 2000, 'auto', 'outbid', 'absentee'],
      [2, 'paddle-3', 3000, 'auto', 'outbid', 'absentee'],
      [3, 'paddle-2', 3100, 'auto', 'leading', 'absentee'],
    ])
    // One execution: one time and one seq for all of it.
    expect(new Set(history.map((b) => `${b.at}/${b.seq}`)).size).toBe(1)
  })

  it('capped at the leader’s own maximum when the second is within an increment', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '30.50'))
    expect(await offer(engine, sale.id)).toMatchObject({
      currentPrice: 3050,
      leaderId: 'paddle-2',
    })
  })

  it('the increment is the band the second maximum falls in', async () => {
    const { sale, lot } = await oneLot({
      number: '1',
      incrementTable: [
        { from: '0', increment: '1.00' },
        { from: '20.00', increment: '5.00' },
      ],
    })
    booked(await absentee(engine, lot.id, 'paddle-1', '22.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    expect(await offer(engine, sale.id)).toMatchObject({ currentPrice: 2700, leaderId: 'paddle-2' })
  })

  it('ties: equal maximums go to the earlier entry, at that maximum', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '40.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '40.00'))
    expect(await offer(engine, sale.id)).toMatchObject({ currentPrice: 4000, leaderId: 'paddle-1' })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-2', 4000, 'auto', 'outbid', 'absentee'],
      ['paddle-1', 4000, 'auto', 'leading', 'absentee'],
    ])
  })

  it('ties: a raised entry is a new entry, later than a maximum it only equals', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '40.00'))
    booked(await absentee(engine, lot.id, 'paddle-1', '40.00'))
    expect(await offer(engine, sale.id)).toMatchObject({ currentPrice: 4000, leaderId: 'paddle-2' })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-1', 4000, 'auto', 'outbid', 'absentee'],
      ['paddle-2', 4000, 'auto', 'leading', 'absentee'],
    ])
  })

  it('reserve: a leading maximum at or above the reserve takes the price to the reserve', async () => {
    const cases: { maxima: string[]; price: number; leader: string; met: boolean }[] = [
      { maxima: ['30.00'], price: 2500, leader: 'p-1', met: true },
      { maxima: ['25.00'], price: 2500, leader: 'p-1', met: true },
      { maxima: ['12.00', '40.00'], price: 2500, leader: 'p-2', met: true },
      // One increment above the second is above the reserve already: no jump.
      { maxima: ['28.00', '40.00'], price: 2900, leader: 'p-2', met: true },
      // The leading maximum is below the reserve: no jump, reserve not met.
      { maxima: ['12.00', '20.00'], price: 1300, leader: 'p-2', met: false },
      { maxima: ['24.99'], price: 1000, leader: 'p-1', met: false },
    ]
    for (const { maxima, price, leader, met } of cases) {
      const { sale, lot } = await oneLot({ number: '1', reservePrice: '25.00' })
      for (const [i, max] of maxima.entries()) {
        booked(await absentee(engine, lot.id, `p-${i + 1}`, max))
      }
      const offered = await offer(engine, sale.id)
      expect(
        [offered.currentPrice, offered.leaderId, offered.reserveMet],
        maxima.join(' '),
      ).toEqual([price, leader, met])
      // The leader's entry is at the price: one entry, however the price was reached.
      expect((await entriesOf(engine, lot.id)).at(-1)).toEqual([
        leader,
        price,
        'auto',
        'leading',
        'absentee',
      ])
      expect(await entriesOf(engine, lot.id)).toHaveLength(maxima.length)
    }
  })

  it('records the execution in the audit log, after the offer', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    await offer(engine, sale.id)
    const log = await logOf(engine, sale.id)
    expect(log.slice(-2)).toMatchObject([
      {
        action: 'offer',
        operator: clerk.id,
        lotId: lot.id,
        priceBefore: 1000,
        priceAfter: 1000,
        leaderBefore: null,
        leaderAfter: null,
      },
      {
        action: 'book_executed',
        operator: clerk.id,
        lotId: lot.id,
        priceBefore: 1000,
        priceAfter: 3100,
        leaderBefore: null,
        leaderAfter: 'paddle-2',
        detail: { entries: 2, max: 5000 },
      },
    ])
  })
})

describe('after the execution', () => {
  it('the leading absentee bids up to its maximum against every other bid', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    await offer(engine, sale.id)
    // A floor bid at the asking price (32.00): the absentee answers at once.
    const floor = accepted(await engine.floorBid(lot.id, { paddle: 'paddle-8' }, clerk))
    expect(floor).toMatchObject({ result: 'outbid', price: 3300, leaderId: 'paddle-2' })
    // An online maximum equal to the absentee's: the earlier maximum keeps the lead.
    const equal = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: 'paddle-9',
        amount: '40.00',
        max: '50.00',
      }),
    )
    expect(equal).toMatchObject({ result: 'outbid', price: 5000, leaderId: 'paddle-2' })
    const above = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: 'paddle-9', amount: '51.00' }),
    )
    expect(above).toMatchObject({ result: 'leading', price: 5100, leaderId: 'paddle-9' })
    expect((await entriesOf(engine, lot.id)).slice(2)).toEqual([
      ['paddle-8', 3200, 'manual', 'outbid', 'floor'],
      ['paddle-2', 3300, 'auto', 'leading', 'absentee'],
      ['paddle-9', 5000, 'manual', 'outbid', 'online'],
      ['paddle-2', 5000, 'auto', 'leading', 'absentee'],
      ['paddle-9', 5100, 'manual', 'leading', 'online'],
    ])
  })

  it('a lot offered again after a pass does not execute its book twice', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    await offer(engine, sale.id)
    ok(await engine.passLot(lot.id, clerk))
    const again = await offer(engine, sale.id, lot.id)
    expect(again).toMatchObject({ lotStatus: 'active', bidCount: 2, currentPrice: 3100 })
    expect(await historyOf(engine, lot.id)).toHaveLength(2)
    const actions = (await logOf(engine, sale.id)).map((entry) => entry.action)
    expect(actions.filter((action) => action === 'book_executed')).toHaveLength(1)
  })

  it('a book bid on a lot already sold is LOT_CLOSED', async () => {
    const { sale, lot } = await oneLot()
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    await offer(engine, sale.id)
    ok(await engine.hammerLot(lot.id, {}, clerk))
    expect(rejected(await absentee(engine, lot.id, 'paddle-2', '60.00')).code).toBe('LOT_CLOSED')
  })
})
