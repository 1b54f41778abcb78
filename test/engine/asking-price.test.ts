// Asking price (starting price without a leader, else P + inc(P)) with a fixed increment
// and with an increment table, and the first bid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, auctionOf, bidderId, liveAuction, openEngine, rejected } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('first bid', () => {
  it('without a leader the asking price is the starting price and the bidder leads at A', async () => {
    const lot = await liveAuction(engine)
    expect(lot).toMatchObject({
      askingPrice: 1000,
      currentPrice: 1000,
      leaderId: null,
      bidCount: 0,
    })
    const alice = bidderId('alice')
    const bid = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '10.00' }),
    )
    expect(bid).toMatchObject({
      bidId: 1,
      result: 'leading',
      price: 1000,
      leaderId: alice,
      bidCount: 1,
      askingPrice: 1100,
      duplicate: false,
      extended: false,
    })
    const { bids } = (await engine.history(lot.id)) as { bids: unknown[] }
    expect(bids).toEqual([
      expect.objectContaining({
        id: 1,
        bidderId: alice,
        amount: 1000,
        kind: 'manual',
        outcome: 'leading',
        source: 'online',
      }),
    ])
  })

  it('a first bid above the starting price leads at its own amount, even with a maximum', async () => {
    const lot = await liveAuction(engine)
    const bid = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: bidderId(),
        amount: '25.00',
        max: '90.00',
      }),
    )
    expect(bid).toMatchObject({ price: 2500, bidCount: 1, maxAmount: 9000 })
    expect((await auctionOf(engine, lot.id)).askingPrice).toBe(2600)
  })

  it('keeps the source in the history', async () => {
    const lot = await liveAuction(engine)
    accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: bidderId(),
        amount: 1000,
        source: 'floor',
      }),
    )
    const history = await engine.history(lot.id)
    expect(history.ok && history.bids[0]?.source).toBe('floor')
  })
})

describe('asking price with a fixed increment', () => {
  it('is P + increment once there is a leader', async () => {
    const lot = await liveAuction(engine, { startingPrice: '5.00', increment: '0.25' })
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '5.00' }))
    const low = await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '5.24' })
    expect(rejected(low)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 525 })
    const bid = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '5.25' }),
    )
    expect(bid).toMatchObject({ price: 525, askingPrice: 550 })
  })
})

describe('asking price with an increment table', () => {
  const table = [
    { from: '0', increment: '1.00' },
    { from: '100.00', increment: '5.00' },
    { from: '500.00', increment: '10.00' },
  ]

  it('uses the band whose from is at or below the price', async () => {
    const lot = await liveAuction(engine, {
      startingPrice: '99.00',
      increment: undefined,
      incrementTable: table,
    })
    expect(lot.incrementTable).toEqual([
      { from: 0, increment: 100 },
      { from: 10000, increment: 500 },
      { from: 50000, increment: 1000 },
    ])
    expect(lot.increment).toBeUndefined()
    const steps: [string, number][] = [
      ['99.00', 10000], // 99.00 is in the first band: + 1.00
      ['100.00', 10500], // 100.00 opens the second band (inclusive): + 5.00
      ['499.99', 50499],
      ['504.99', 51499], // third band: + 10.00
    ]
    for (const [amount, asking] of steps) {
      const bid = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount }),
      )
      expect(bid.askingPrice).toBe(asking)
      expect((await auctionOf(engine, lot.id)).askingPrice).toBe(asking)
    }
    const low = await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '514.98' })
    expect(rejected(low)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 51499 })
  })
})

describe('a bid at the asking price (the floor key)', () => {
  it('lands at the asking price of the moment, where the same typed amount is stale', async () => {
    const lot = await liveAuction(engine)
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map(bidderId) as [string, string, string]
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '10.00' }))
    // Bob and Carol both saw 11.00 asked; Bob's 11.00 lands first.
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: '11.00' }))
    expect(
      rejected(await engine.placeBid({ auctionId: lot.id, bidderId: carol, amount: '11.00' })),
    ).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1200 })
    const floor = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: carol,
        amount: 'asking',
        source: 'floor',
      }),
    )
    expect(floor).toMatchObject({
      result: 'leading',
      price: 1200,
      leaderId: carol,
      askingPrice: 1300,
    })
    expect(await auctionOf(engine, lot.id)).toMatchObject({ currentPrice: 1200, leaderId: carol })
  })

  it('with a maximum it leads at the asking price and keeps the maximum; a maximum is never "asking"', async () => {
    const lot = await liveAuction(engine)
    const dana = bidderId('dana')
    const bid = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: dana, amount: 'asking', max: '50.00' }),
    )
    expect(bid).toMatchObject({ price: 1000, maxAmount: 5000 })
    expect(
      rejected(
        await engine.placeBid({
          auctionId: lot.id,
          bidderId: bidderId('eve'),
          amount: '20.00',
          max: 'asking',
        }),
      ),
    ).toMatchObject({ code: 'INVALID_AMOUNT', field: 'max' })
  })
})
