// Retract (undo): staff take back the most recent accepted bid (or book execution) of the lot
// on the block, with a reason. The lot returns exactly to its state before it: price, leader,
// the leader's secret maximum (seen through what the next bid does), asking price, bid count,
// fair warning and ask. The history keeps the entries, marked retracted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { BidAccepted } from '../../src/shared/domain'
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
  onBlock,
  withoutSeq,
} from './live-fixtures'
import { ok } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const bid = (lotId: string, bidderId: string, amount: string, max?: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, ...(max ? { max } : {}) })

/** A bid answer without what names its lot and its place in the history. */
const outcome = ({ bidId: _id, auctionId: _lot, ...rest }: BidAccepted) => rest

/**
 * The proxy exchange both lots go through: A leads with a maximum of 30.00, B is outbid at
 * 15.00 (A answers 16.00), then the clerk asks 16.50 and gives fair warning.
 */
async function exchange(lotId: string): Promise<void> {
  accepted(await bid(lotId, 'paddle-a', '10.00', '30.00'))
  expect(accepted(await bid(lotId, 'paddle-b', '15.00'))).toMatchObject({
    result: 'outbid',
    price: 1600,
  })
  ok(await engine.askLot(lotId, '16.50', clerk))
  ok(await engine.warnLot(lotId, clerk))
}

describe('retract after a proxy exchange', () => {
  it('restores the exact prior state, and the next bid behaves as if the bid never happened', async () => {
    const { sale, lot } = await onBlock(engine)
    // The twin goes through the same exchange without the bid that is retracted.
    const twin = await onBlock(engine)
    await exchange(lot.id)
    await exchange(twin.lot.id)
    const before = await lotNow(engine, lot.id)
    expect(before).toMatchObject({
      currentPrice: 1600,
      leaderId: 'paddle-a',
      askingPrice: 1650,
      askOverride: 1650,
      warning: true,
      bidCount: 3,
    })

    // C takes the lead over A's maximum: A's maximum shows in the history (30.00).
    const c = accepted(await bid(lot.id, 'paddle-c', '16.50', '40.00'))
    expect(c).toMatchObject({ result: 'leading', price: 3100, leaderId: 'paddle-c' })
    expect(await lotNow(engine, lot.id)).toMatchObject({
      warning: false,
      askOverride: null,
      bidCount: 5,
    })

    const retracted = ok(await engine.retractBid(lot.id, 'wrong paddle', clerk)).lot
    expect(withoutSeq(retracted)).toEqual(withoutSeq(before))
    expect(withoutSeq(await lotNow(engine, lot.id))).toEqual(withoutSeq(before))
    expect(retracted.seq).toBeGreaterThan(before.seq)

    // The history keeps C's bid and A's answer, marked retracted.
    const history = await historyOf(engine, lot.id)
    expect(history.map((b) => [b.id, b.bidderId, b.amount, b.retracted?.reason ?? null])).toEqual([
      [1, 'paddle-a', 1000, null],
      [2, 'paddle-b', 1500, null],
      [3, 'paddle-a', 1600, null],
      [4, 'paddle-a', 3000, 'wrong paddle'],
      [5, 'paddle-c', 3100, 'wrong paddle'],
    ])
    const mark = history[4]?.retracted
    expect(mark).toEqual({ reason: 'wrong paddle', by: clerk.id, at: expect.any(Number) })
    expect(mark?.at).toBeGreaterThanOrEqual(history[4]?.at as number)

    // D bids 20.00 up to 25.00: A's maximum (30.00) answers, as on the twin.
    const d = accepted(await bid(lot.id, 'paddle-d', '20.00', '25.00'))
    const twinD = accepted(await bid(twin.lot.id, 'paddle-d', '20.00', '25.00'))
    expect(d).toMatchObject({ result: 'outbid', price: 2600, leaderId: 'paddle-a', bidCount: 5 })
    expect(outcome(d)).toEqual(outcome(twinD))
    // The twin's next bid too: A's maximum, not C's 40.00, is what holds the lead.
    const e = accepted(await bid(lot.id, 'paddle-e', '31.00'))
    const twinE = accepted(await bid(twin.lot.id, 'paddle-e', '31.00'))
    expect(e).toMatchObject({ result: 'leading', price: 3100, leaderId: 'paddle-e' })
    expect(outcome(e)).toEqual(outcome(twinE))
    expect(withoutSeq(await lotNow(engine, lot.id))).toEqual({
      ...withoutSeq(await lotNow(engine, twin.lot.id)),
      id: lot.id,
      saleId: sale.id,
      startsAt: lot.startsAt,
      createdAt: lot.createdAt,
      sellerId: lot.sellerId,
      consignor: lot.consignor,
    })
    const live = (await historyOf(engine, lot.id)).filter((b) => !b.retracted)
    expect(live.map((b) => [b.bidderId, b.amount, b.kind, b.outcome])).toEqual(
      (await historyOf(engine, twin.lot.id)).map((b) => [b.bidderId, b.amount, b.kind, b.outcome]),
    )
  })

  it('walks back one bid at a time, then NOTHING_TO_RETRACT; the lot takes bids again', async () => {
    const { sale, lot } = await onBlock(engine)
    const fresh = withoutSeq(await lotNow(engine, lot.id))
    accepted(await bid(lot.id, 'paddle-a', '10.00', '30.00'))
    const afterA = withoutSeq(await lotNow(engine, lot.id))
    accepted(await bid(lot.id, 'paddle-b', '15.00'))
    ok(await engine.warnLot(lot.id, clerk))
    const afterB = withoutSeq(await lotNow(engine, lot.id))
    expect(accepted(await bid(lot.id, 'paddle-c', '20.00', '50.00'))).toMatchObject({
      result: 'leading',
      price: 3100,
    })
    const afterC = withoutSeq(await lotNow(engine, lot.id))
    // The leader raises its own maximum: an accepted bid without a history entry.
    expect(accepted(await bid(lot.id, 'paddle-c', '32.00', '60.00')).result).toBe('max_raised')

    const steps: [string, typeof fresh][] = [
      ['raise', afterC],
      ['c', afterB],
      ['b', afterA],
      ['a', fresh],
    ]
    for (const [reason, state] of steps) {
      ok(await engine.retractBid(lot.id, reason, clerk))
      expect(withoutSeq(await lotNow(engine, lot.id)), `after retracting ${reason}`).toEqual(state)
    }
    expect(afterB).toMatchObject({ warning: true, currentPrice: 1600, leaderId: 'paddle-a' })
    expect(rejected(await engine.retractBid(lot.id, 'nothing left', clerk)).code).toBe(
      'NOTHING_TO_RETRACT',
    )
    expect(fresh).toMatchObject({
      currentPrice: 1000,
      askingPrice: 1000,
      leaderId: null,
      bidCount: 0,
    })
    expect(accepted(await bid(lot.id, 'paddle-z', '10.00'))).toMatchObject({
      result: 'leading',
      price: 1000,
      bidCount: 1,
    })
    const retracts = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'retract')
    expect(
      retracts.map((entry) => [
        entry.reason,
        entry.priceBefore,
        entry.priceAfter,
        entry.leaderAfter,
      ]),
    ).toEqual([
      ['raise', 3100, 3100, 'paddle-c'],
      ['c', 3100, 1600, 'paddle-a'],
      ['b', 1600, 1000, 'paddle-a'],
      ['a', 1000, 1000, null],
    ])
  })

  it('retracting a raised maximum restores the old one: a bid between them takes the lead', async () => {
    const { sale, lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-a', '10.00', '20.00'))
    expect(accepted(await bid(lot.id, 'paddle-a', '11.00', '40.00')).result).toBe('max_raised')
    ok(await engine.retractBid(lot.id, 'raised by mistake', clerk))
    const answer = accepted(await bid(lot.id, 'paddle-b', '25.00'))
    expect(answer).toMatchObject({ result: 'leading', price: 2500, leaderId: 'paddle-b' })
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-a', 1000, 'manual', 'leading', 'online'],
      ['paddle-a', 2000, 'auto', 'outbid', 'online'],
      ['paddle-b', 2500, 'manual', 'leading', 'online'],
    ])
    const entry = (await logOf(engine, sale.id)).find((e) => e.action === 'retract')
    expect(entry).toMatchObject({
      reason: 'raised by mistake',
      priceBefore: 1000,
      priceAfter: 1000,
      leaderBefore: 'paddle-a',
      leaderAfter: 'paddle-a',
      detail: { bidIds: [] },
    })
  })

  it('a retracted reserve jump goes back below the reserve', async () => {
    const { lot } = await onBlock(engine, { number: '1', reservePrice: '25.00' })
    accepted(await bid(lot.id, 'paddle-a', '10.00'))
    const before = await lotNow(engine, lot.id)
    expect(accepted(await bid(lot.id, 'paddle-b', '11.00', '40.00'))).toMatchObject({
      price: 2500,
      reserveMet: true,
    })
    ok(await engine.retractBid(lot.id, 'not their paddle', clerk))
    expect(withoutSeq(await lotNow(engine, lot.id))).toEqual(withoutSeq(before))
    expect((await historyOf(engine, lot.id)).map((b) => [b.amount, !!b.retracted])).toEqual([
      [1000, false],
      [1100, true],
      [2500, true],
    ])
  })

  it('retracts a book execution: the lot is back at its start, the book still there', async () => {
    const { sale, lots } = await liveSale(engine, ['1'])
    const lot = lots[0] as (typeof lots)[0]
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '50.00'))
    const offered = await offer(engine, sale.id)
    expect(offered).toMatchObject({ currentPrice: 3100, leaderId: 'paddle-2' })
    const back = ok(await engine.retractBid(lot.id, 'book entered on the wrong lot', clerk)).lot
    expect(back).toMatchObject({
      currentPrice: 1000,
      askingPrice: 1000,
      leaderId: null,
      bidCount: 0,
      book: 2,
      onBlock: true,
    })
    expect((await historyOf(engine, lot.id)).every((b) => b.retracted)).toBe(true)
    // Nobody's maximum stands for them any more: a floor bid at 10.00 leads.
    expect(accepted(await engine.floorBid(lot.id, { paddle: 'paddle-9' }, clerk))).toMatchObject({
      result: 'leading',
      price: 1000,
      leaderId: 'paddle-9',
    })
  })

  it('keeps a reason with any character, trimmed; an empty one is INVALID_INPUT', async () => {
    const { lot } = await onBlock(engine)
    accepted(await bid(lot.id, 'paddle-a', '10.00'))
    for (const reason of ['', '   ', 'x'.repeat(201)]) {
      expect(rejected(await engine.retractBid(lot.id, reason, clerk))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'reason',
      })
    }
    ok(await engine.retractBid(lot.id, '  paddle 12|21 misheard — "sorry"  ', clerk))
    expect((await historyOf(engine, lot.id))[0]?.retracted).toMatchObject({
      reason: 'paddle 12|21 misheard — "sorry"',
      by: clerk.id,
    })
  })

  it('only staff or the seller, only on the lot on the block', async () => {
    const { sale, lots, seller } = await liveSale(engine, ['1', '2'])
    const [first, second] = lots as [(typeof lots)[0], (typeof lots)[0]]
    await offer(engine, sale.id)
    accepted(await bid(first.id, 'paddle-a', '10.00'))
    accepted(await bid(first.id, 'paddle-b', '11.00'))
    expect(rejected(await engine.retractBid(first.id, 'why', person('stranger'))).code).toBe(
      'NOT_SELLER',
    )
    expect(rejected(await engine.retractBid(second.id, 'why', clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
    })
    ok(await engine.retractBid(first.id, 'the seller saw it', seller))
    ok(await engine.hammerLot(first.id, {}, clerk))
    expect(rejected(await engine.retractBid(first.id, 'too late', clerk))).toMatchObject({
      code: 'LOT_NOT_OPEN',
      status: 'ended',
    })
    expect(await lotNow(engine, first.id)).toMatchObject({
      lotStatus: 'sold',
      result: { winnerId: 'paddle-a', finalPrice: 1000 },
    })
  })
})
