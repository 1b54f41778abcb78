// The bid checks run in a fixed order and the first failing one decides (issue 2,
// "Checks run in this order").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { auctionKeys } from '../../src/main/engine'
import {
  accepted,
  auctionOf,
  bidderId,
  liveAuction,
  openEngine,
  privateRedis,
  rejected,
  snapshot,
  staff,
  uniqueId,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('bid check order', () => {
  it('a seen requestId answers the first result even once the auction is gone', async () => {
    const lot = await liveAuction(engine)
    const bidder = bidderId()
    const first = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: bidder,
        amount: '10.00',
        requestId: 'r1',
      }),
    )
    // Simulates an auction record that disappeared: the requestId check still comes first.
    await engine.redis.del(auctionKeys(lot.id).auction)
    const again = await engine.placeBid({
      auctionId: lot.id,
      bidderId: bidder,
      amount: '10.00',
      requestId: 'r1',
    })
    expect(again).toEqual({ ...first, duplicate: true })
    const reused = await engine.placeBid({
      auctionId: lot.id,
      bidderId: bidder,
      amount: 'garbage',
      requestId: 'r1',
    })
    expect(rejected(reused).code).toBe('REQUEST_ID_REUSED')
    const other = await engine.placeBid({
      auctionId: lot.id,
      bidderId: bidder,
      amount: '12.00',
      requestId: 'r2',
    })
    expect(rejected(other).code).toBe('AUCTION_NOT_FOUND')
  })

  it('a seen requestId wins over a malformed amount and over a closed auction', async () => {
    // Bound to its bid: another amount under it is REQUEST_ID_REUSED, the same bid the answer.
    const lot = await liveAuction(engine)
    const bidder = bidderId()
    const first = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: bidder, amount: 1000, requestId: 'q' }),
    )
    const garbage = await engine.placeBid({
      auctionId: lot.id,
      bidderId: bidder,
      amount: '-1',
      requestId: 'q',
    })
    expect(rejected(garbage).code).toBe('REQUEST_ID_REUSED')
    await engine.endAuction(lot.id, staff())
    const late = await engine.placeBid({
      auctionId: lot.id,
      bidderId: bidder,
      amount: 1000,
      requestId: 'q',
    })
    expect(late).toEqual({ ...first, duplicate: true })
  })

  it('an unknown auction is reported before a malformed amount', async () => {
    const answer = await engine.placeBid({
      auctionId: uniqueId('missing'),
      bidderId: bidderId(),
      amount: 'NaN',
    })
    expect(rejected(answer).code).toBe('AUCTION_NOT_FOUND')
  })

  it('INVALID_AMOUNT comes before MAX_BELOW_AMOUNT, which comes before AUCTION_NOT_ACTIVE', async () => {
    const draft = await liveAuction(engine, { start: false })
    const bidder = bidderId()
    const badAmount = await engine.placeBid({
      auctionId: draft.id,
      bidderId: bidder,
      amount: '1e3',
      max: '5.00',
    })
    expect(rejected(badAmount)).toMatchObject({ code: 'INVALID_AMOUNT', field: 'amount' })
    const badMax = await engine.placeBid({
      auctionId: draft.id,
      bidderId: bidder,
      amount: '20.00',
      max: '1.001',
    })
    expect(rejected(badMax)).toMatchObject({ code: 'INVALID_AMOUNT', field: 'max' })
    const below = await engine.placeBid({
      auctionId: draft.id,
      bidderId: bidder,
      amount: '20.00',
      max: '19.99',
    })
    expect(rejected(below).code).toBe('MAX_BELOW_AMOUNT')
    const inactive = await engine.placeBid({
      auctionId: draft.id,
      bidderId: bidder,
      amount: '20.00',
      max: '30.00',
    })
    expect(rejected(inactive)).toMatchObject({ code: 'AUCTION_NOT_ACTIVE', status: 'draft' })
  })

  it('AUCTION_NOT_ACTIVE for every status but active, even for the seller', async () => {
    const bidder = bidderId()
    const draft = await liveAuction(engine, { start: false })
    const scheduled = await liveAuction(engine, {
      start: false,
      startsAt: (await engine.serverTime()) + 3_600_000,
    })
    expect(scheduled.status).toBe('scheduled')
    const ended = await liveAuction(engine)
    await engine.endAuction(ended.id, staff())
    const cancelled = await liveAuction(engine)
    await engine.cancelAuction(cancelled.id, staff())
    for (const lot of [draft, scheduled, ended, cancelled]) {
      const status = (await auctionOf(engine, lot.id)).status
      for (const who of [bidder, lot.sellerId]) {
        const answer = await engine.placeBid({ auctionId: lot.id, bidderId: who, amount: '10.00' })
        expect(rejected(answer)).toMatchObject({ code: 'AUCTION_NOT_ACTIVE', status })
      }
    }
  })

  it('SELLER_CANNOT_BID comes before BID_TOO_LOW', async () => {
    const lot = await liveAuction(engine)
    const low = await engine.placeBid({ auctionId: lot.id, bidderId: lot.sellerId, amount: '0.01' })
    expect(rejected(low).code).toBe('SELLER_CANNOT_BID')
    const fine = await engine.placeBid({ auctionId: lot.id, bidderId: lot.sellerId, amount: '50' })
    expect(rejected(fine).code).toBe('SELLER_CANNOT_BID')
  })

  it('BID_TOO_LOW names the asking price, and comes before the leader rules', async () => {
    const lot = await liveAuction(engine)
    const [alice, bob] = [bidderId('alice'), bidderId('bob')]
    const first = await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '9.99' })
    expect(rejected(first)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1000 })
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '10.00' }))
    const second = await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: '10.99' })
    expect(rejected(second)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1100 })
    // The leader below the asking price: BID_TOO_LOW, not ALREADY_LEADING.
    const leaderLow = await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '10.50' })
    expect(rejected(leaderLow)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1100 })
  })

  it('ALREADY_LEADING when the leader bids without raising the maximum', async () => {
    const lot = await liveAuction(engine)
    const alice = bidderId('alice')
    accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: '10.00', max: '30.00' }),
    )
    const before = await snapshot(engine, lot.id)
    for (const max of [undefined, '20.00', '30.00']) {
      const again = await engine.placeBid({
        auctionId: lot.id,
        bidderId: alice,
        amount: '11.00',
        max,
      })
      expect(rejected(again).code).toBe('ALREADY_LEADING')
    }
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })
})

describe('AUCTION_ENDED (own Redis: no scheduler may close the auction first)', () => {
  it('an active auction past endsAt rejects every bid until it is closed', async () => {
    const own = await privateRedis()
    try {
      const lot = await liveAuction(own.engine, { durationMs: 300 })
      expect(lot.status).toBe('active')
      await expect
        .poll(async () => (await own.engine.serverTime()) > (lot.endsAt as number), {
          timeout: 10_000,
          interval: 50,
        })
        .toBe(true)
      const before = await snapshot(own.engine, lot.id)
      const bidder = bidderId()
      // After MAX_BELOW_AMOUNT, before SELLER_CANNOT_BID and BID_TOO_LOW.
      const below = await own.engine.placeBid({
        auctionId: lot.id,
        bidderId: bidder,
        amount: '20.00',
        max: '10.00',
      })
      expect(rejected(below).code).toBe('MAX_BELOW_AMOUNT')
      for (const input of [
        { bidderId: bidder, amount: '10.00' },
        { bidderId: lot.sellerId, amount: '10.00' },
        { bidderId: bidder, amount: '0.01' },
      ]) {
        const answer = await own.engine.placeBid({ auctionId: lot.id, ...input })
        expect(rejected(answer).code).toBe('AUCTION_ENDED')
      }
      expect(await snapshot(own.engine, lot.id)).toEqual(before)
      expect((await auctionOf(own.engine, lot.id)).status).toBe('active')
      await own.engine.endAuction(lot.id, staff())
      const after = await own.engine.placeBid({ auctionId: lot.id, bidderId: bidder, amount: '10' })
      expect(rejected(after)).toMatchObject({ code: 'AUCTION_NOT_ACTIVE', status: 'ended' })
    } finally {
      await own.close()
    }
  })
})
