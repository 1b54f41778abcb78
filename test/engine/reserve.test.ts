// Reserve: once the leader's maximum reaches it, the price rises to it (an automatic entry
// for the leader); bidders only learn whether it is met, staff and the seller see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, auctionOf, bidderId, liveAuction, openEngine, person, staff } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

async function setup() {
  const lot = await liveAuction(engine, { reservePrice: '50.00' })
  const bid = (bidder: string, amount: number, max?: number) =>
    engine.placeBid({ auctionId: lot.id, bidderId: bidder, amount, max })
  const entries = async () => {
    const history = await engine.history(lot.id, { limit: 100 })
    if (!history.ok) throw new Error(history.error.code)
    return history.bids.reverse().map((b) => [b.bidderId, b.amount, b.kind, b.outcome])
  }
  return { lot, bid, entries, alice: bidderId('alice'), bob: bidderId('bob') }
}

describe('the price rises to the reserve', () => {
  it('not while the leader’s maximum is below it', async () => {
    const { lot, bid, alice } = await setup()
    expect(lot).toMatchObject({ hasReserve: true, reserveMet: false, reservePrice: 5000 })
    expect(accepted(await bid(alice, 1000, 4999))).toMatchObject({ price: 1000, reserveMet: false })
    expect(await auctionOf(engine, lot.id)).toMatchObject({ reserveMet: false, currentPrice: 1000 })
  })

  it('on a first bid whose maximum reaches it', async () => {
    const { lot, bid, entries, alice } = await setup()
    const answer = accepted(await bid(alice, 1000, 9000))
    expect(answer).toMatchObject({
      result: 'leading',
      bidId: 1,
      price: 5000,
      bidCount: 2,
      reserveMet: true,
    })
    expect(await entries()).toEqual([
      [alice, 1000, 'manual', 'leading'],
      [alice, 5000, 'auto', 'leading'],
    ])
    expect(await auctionOf(engine, lot.id)).toMatchObject({ reserveMet: true, askingPrice: 5100 })
  })

  it('after a proxy contest', async () => {
    const { bid, entries, alice, bob } = await setup()
    accepted(await bid(alice, 1000, 3000))
    const answer = accepted(await bid(bob, 1100, 6000))
    expect(answer).toMatchObject({
      bidId: 3,
      price: 5000,
      bidCount: 4,
      leaderId: bob,
      reserveMet: true,
    })
    expect(await entries()).toEqual([
      [alice, 1000, 'manual', 'leading'],
      [alice, 3000, 'auto', 'outbid'],
      [bob, 3100, 'manual', 'leading'],
      [bob, 5000, 'auto', 'leading'],
    ])
  })

  it('when the leader raises their maximum to it (max_raised with an automatic entry)', async () => {
    const { lot, bid, entries, alice } = await setup()
    accepted(await bid(alice, 1000, 2000))
    const raise = accepted(await bid(alice, 1100, 5000))
    expect(raise).toMatchObject({
      result: 'max_raised',
      bidId: null,
      price: 5000,
      bidCount: 2,
      reserveMet: true,
    })
    expect(await entries()).toEqual([
      [alice, 1000, 'manual', 'leading'],
      [alice, 5000, 'auto', 'leading'],
    ])
    expect((await auctionOf(engine, lot.id)).reserveMet).toBe(true)
  })

  it('a bid above the reserve needs no extra entry', async () => {
    const { bid, entries, alice } = await setup()
    expect(accepted(await bid(alice, 6000))).toMatchObject({
      price: 6000,
      bidCount: 1,
      reserveMet: true,
    })
    expect(await entries()).toHaveLength(1)
  })
})

describe('who sees the reserve amount', () => {
  it('the seller and staff see it; a bidder sees only whether it is met', async () => {
    const { lot, bid, alice } = await setup()
    const asBidder = await engine.getAuction(lot.id, person(alice))
    expect(asBidder.ok && asBidder.auction).toMatchObject({
      reservePrice: null,
      hasReserve: true,
      reserveMet: false,
    })
    const asSeller = await engine.getAuction(lot.id, person(lot.sellerId))
    expect(asSeller.ok && asSeller.auction.reservePrice).toBe(5000)
    const asStaff = await engine.getAuction(lot.id, staff())
    expect(asStaff.ok && asStaff.auction.reservePrice).toBe(5000)
    const listed = await engine.listAuctions({ sellerId: lot.sellerId, viewer: person(alice) })
    expect(listed.ok && listed.auctions.map((a) => a.reservePrice)).toEqual([null])
    accepted(await bid(alice, 6000))
    const met = await engine.getAuction(lot.id, person(alice))
    expect(met.ok && met.auction).toMatchObject({ reservePrice: null, reserveMet: true })
    // The JSON a bidder receives holds the amount nowhere.
    expect(JSON.stringify(asBidder)).not.toContain('5000')
  })
})
