// Soft close: a bid that changes the price or the leader when fewer than S seconds remain
// moves endsAt to now + S (server clock), for that lot alone, and publishes auction_extended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { saleKeys } from '../../src/main/engine'
import { accepted, auctionOf, bidderId, eventLog, liveAuction, openEngine } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const S = 3600 // the longest soft close: with 60 s left, every price change extends

describe('soft close', () => {
  it('a price change inside the window sets endsAt = now + S and publishes auction_extended', async () => {
    const lot = await liveAuction(engine, { durationMs: 60_000, softCloseSeconds: S })
    const log = await eventLog({ auctions: [lot.id] })
    try {
      const before = await engine.serverTime()
      const bid = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '12.00' }),
      )
      const after = await engine.serverTime()
      expect(bid.extended).toBe(true)
      const endsAt = bid.endsAt as number
      expect(endsAt - S * 1000).toBeGreaterThanOrEqual(before)
      expect(endsAt - S * 1000).toBeLessThanOrEqual(after)
      expect((await auctionOf(engine, lot.id)).endsAt).toBe(endsAt)
      const extended = await log.waitFor((e) => e.type === 'auction_extended')
      const placed = await log.waitFor((e) => e.type === 'bid_placed')
      expect(extended).toMatchObject({ endsAt, previousEndsAt: lot.endsAt, seq: placed.seq + 1 })
      // The sale's closing index follows the new end, inside the same script.
      expect(await engine.redis.zscore(saleKeys(lot.saleId).closing, lot.id)).toBe(String(endsAt))
      // An outbid bid changes the price too, so it extends again.
      const outbid = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '13.00' }),
      )
      expect(outbid.extended).toBe(true)
    } finally {
      await log.close()
    }
  })

  it("the first bid extends (a new leader), raising one's own maximum does not", async () => {
    const lot = await liveAuction(engine, { durationMs: 60_000, softCloseSeconds: S })
    const log = await eventLog({ auctions: [lot.id] })
    try {
      const alice = bidderId('alice')
      // A first bid at the starting price leaves the price where it was, but it is a new
      // leader in the last seconds: it deserves an answer.
      const first = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000 }),
      )
      expect(first).toMatchObject({ extended: true, price: 1000 })
      expect(first.endsAt).toBeGreaterThan(lot.endsAt as number)
      // Raising one's own maximum changes neither the price nor the leader.
      const raise = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1100, max: 5000 }),
      )
      expect(raise).toMatchObject({ result: 'max_raised', extended: false, endsAt: first.endsAt })
      await log.waitFor((e) => e.type === 'max_raised')
      expect(log.events.map((e) => e.type)).toEqual([
        'bid_placed',
        'auction_extended',
        'max_raised',
      ])
    } finally {
      await log.close()
    }
  })

  it('no extension while more than S seconds remain, nor with S = 0', async () => {
    for (const softCloseSeconds of [60, 0]) {
      const lot = await liveAuction(engine, { durationMs: 3_600_000, softCloseSeconds })
      const bid = accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: 1500 }),
      )
      expect(bid).toMatchObject({ extended: false, endsAt: lot.endsAt })
    }
  })
})
