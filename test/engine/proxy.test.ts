// Proxy (maximum) bidding: the leader's secret maximum Lm defends the lead automatically;
// the history records the automatic bids; ties go to the earlier maximum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { BidEntry } from '../../src/shared/domain'
import { accepted, auctionOf, bidderId, liveAuction, openEngine, rejected } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** History oldest first, reduced to what the rules decide. */
async function entries(id: string) {
  const history = await engine.history(id, { limit: 1000 })
  if (!history.ok) throw new Error(history.error.code)
  return history.bids
    .slice()
    .reverse()
    .map((b: BidEntry) => [b.id, b.bidderId, b.amount, b.kind, b.outcome])
}

/** A live USD auction at 10.00 with increment 1.00, and two fresh bidders. */
async function setup(overrides = {}) {
  const lot = await liveAuction(engine, overrides)
  const bid = (bidder: string, amount: number, max?: number) =>
    engine.placeBid({ auctionId: lot.id, bidderId: bidder, amount, max })
  return { lot, bid, alice: bidderId('alice'), bob: bidderId('bob') }
}

describe('M > Lm: the new bidder takes the lead', () => {
  it('records the old leader’s automatic bid at Lm first when Lm > P', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 2000))
    const answer = accepted(await bid(bob, 1100, 3000))
    // max(A, min(M, Lm + inc(Lm))) = max(1100, min(3000, 2100))
    expect(answer).toMatchObject({
      result: 'leading',
      bidId: 3,
      price: 2100,
      leaderId: bob,
      bidCount: 3,
    })
    expect(await entries(lot.id)).toEqual([
      [1, alice, 1000, 'manual', 'leading'],
      [2, alice, 2000, 'auto', 'outbid'],
      [3, bob, 2100, 'manual', 'leading'],
    ])
  })

  it('records no automatic bid when Lm = P', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000))
    const answer = accepted(await bid(bob, 1100, 3000))
    expect(answer).toMatchObject({ bidId: 2, price: 1100, leaderId: bob, bidCount: 2 })
    expect(await entries(lot.id)).toEqual([
      [1, alice, 1000, 'manual', 'leading'],
      [2, bob, 1100, 'manual', 'leading'],
    ])
  })

  it('is capped by M, and never goes below A', async () => {
    const capped = await setup()
    accepted(await capped.bid(capped.alice, 1000, 2000))
    expect(accepted(await capped.bid(capped.bob, 2050, 2050)).price).toBe(2050)
    const high = await setup()
    accepted(await high.bid(high.alice, 1000, 2000))
    expect(accepted(await high.bid(high.bob, 5000)).price).toBe(5000)
    expect(await entries(high.lot.id)).toEqual([
      [1, high.alice, 1000, 'manual', 'leading'],
      [2, high.alice, 2000, 'auto', 'outbid'],
      [3, high.bob, 5000, 'manual', 'leading'],
    ])
  })

  it('uses the increment at Lm from the table', async () => {
    const { lot, bid, alice, bob } = await setup({
      increment: undefined,
      incrementTable: [
        { from: 0, increment: 100 },
        { from: 2000, increment: 500 },
      ],
    })
    accepted(await bid(alice, 1000, 2000))
    expect(accepted(await bid(bob, 1100, 9000)).price).toBe(2500)
    expect((await auctionOf(engine, lot.id)).leaderId).toBe(bob)
  })
})

describe('M ≤ Lm: the leader keeps the lead', () => {
  it('records the outbid entry at M, then the leader’s automatic bid at min(Lm, M + inc(M))', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 3000))
    const answer = accepted(await bid(bob, 1100, 1500))
    expect(answer).toMatchObject({
      result: 'outbid',
      bidId: 2,
      price: 1600,
      leaderId: alice,
      bidCount: 3,
    })
    expect(await entries(lot.id)).toEqual([
      [1, alice, 1000, 'manual', 'leading'],
      [2, bob, 1500, 'manual', 'outbid'],
      [3, alice, 1600, 'auto', 'leading'],
    ])
  })

  it('stops at Lm', async () => {
    const { bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 1550))
    expect(accepted(await bid(bob, 1100, 1500))).toMatchObject({ price: 1550, leaderId: alice })
  })

  it('a tie goes to the earlier maximum', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 2000))
    const answer = accepted(await bid(bob, 1100, 2000))
    expect(answer).toMatchObject({ result: 'outbid', price: 2000, leaderId: alice })
    expect(await entries(lot.id)).toEqual([
      [1, alice, 1000, 'manual', 'leading'],
      [2, bob, 2000, 'manual', 'outbid'],
      [3, alice, 2000, 'auto', 'leading'],
    ])
  })

  it('uses the increment at M from the table', async () => {
    const { bid, alice, bob } = await setup({
      increment: undefined,
      incrementTable: [
        { from: 0, increment: 100 },
        { from: 2000, increment: 500 },
      ],
    })
    accepted(await bid(alice, 1000, 5000))
    expect(accepted(await bid(bob, 1100, 1950)).price).toBe(2050)
    // Asking is now 2050 + inc(2050) = 2550; inc(2550) is 500.
    expect(accepted(await bid(bob, 2550, 2550)).price).toBe(3050)
  })
})

describe('the leader bids again', () => {
  it('a higher maximum raises it: max_raised, price and bid count unchanged, no entry', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 2000))
    const raise = accepted(await bid(alice, 1100, 3000))
    expect(raise).toMatchObject({
      result: 'max_raised',
      bidId: null,
      price: 1000,
      bidCount: 1,
      leaderId: alice,
      maxAmount: 3000,
    })
    expect(await entries(lot.id)).toHaveLength(1)
    // The raised maximum defends the lead.
    expect(accepted(await bid(bob, 1100, 2500))).toMatchObject({ leaderId: alice, price: 2600 })
  })

  it('a plain bid above the own maximum raises it (as on eBay)', async () => {
    const { lot, bid, alice, bob } = await setup()
    accepted(await bid(alice, 1000))
    expect(accepted(await bid(alice, 1500))).toMatchObject({ result: 'max_raised', price: 1000 })
    expect(accepted(await bid(bob, 1400))).toMatchObject({
      result: 'outbid',
      leaderId: alice,
      price: 1500,
    })
    expect((await auctionOf(engine, lot.id)).bidCount).toBe(3)
  })

  it('a bid at or below the own maximum is ALREADY_LEADING', async () => {
    const { bid, alice } = await setup()
    accepted(await bid(alice, 1000, 2000))
    expect(rejected(await bid(alice, 1100, 2000)).code).toBe('ALREADY_LEADING')
    expect(rejected(await bid(alice, 1500)).code).toBe('ALREADY_LEADING')
  })
})

describe('sources', () => {
  it('an automatic bid carries the source of the maximum it came from', async () => {
    const { lot, alice, bob } = await setup({ reservePrice: 2500 })
    const place = (bidder: string, amount: number, max: number, source: string) =>
      engine.placeBid({ auctionId: lot.id, bidderId: bidder, amount, max, source })
    // Alice's maximum comes online; Bob's floor and phone bids are outbid by it.
    accepted(await place(alice, 1000, 2000, 'online'))
    accepted(await place(bob, 1100, 1100, 'floor'))
    // Bob's phone maximum beats Alice's: her auto bid at her maximum stays online, and the
    // reserve jump is Bob's automatic bid, from his phone maximum.
    accepted(await place(bob, 2100, 3000, 'phone'))
    const history = await engine.history(lot.id, { limit: 100 })
    if (!history.ok) throw new Error(history.error.code)
    const sources = history.bids
      .slice()
      .reverse()
      .map((b) => [b.bidderId === alice ? 'alice' : 'bob', b.kind, b.amount, b.source])
    expect(sources).toEqual([
      ['alice', 'manual', 1000, 'online'],
      ['bob', 'manual', 1100, 'floor'],
      ['alice', 'auto', 1200, 'online'],
      ['alice', 'auto', 2000, 'online'],
      ['bob', 'manual', 2100, 'phone'],
      ['bob', 'auto', 2500, 'phone'],
    ])
  })
})
