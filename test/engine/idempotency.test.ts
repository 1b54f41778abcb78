// Idempotency by requestId: a retry answers the first result with duplicate: true and
// changes nothing; a rejected bid is not remembered, so its requestId stays usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import {
  accepted,
  bidderId,
  eventLog,
  liveAuction,
  openEngine,
  rejected,
  snapshot,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('idempotency', () => {
  it('a retry answers the first result with duplicate: true and changes nothing', async () => {
    const lot = await liveAuction(engine)
    const [alice, bob] = [bidderId('alice'), bidderId('bob')]
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, max: 3000 }))
    const first = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: 1100, requestId: 'once' }),
    )
    expect(first).toMatchObject({ result: 'outbid', bidId: 2, duplicate: false })
    const before = await snapshot(engine, lot.id)
    const log = await eventLog({ auctions: [lot.id] })
    try {
      const again = await engine.placeBid({
        auctionId: lot.id,
        requestId: 'once',
        bidderId: bob,
        amount: 1100,
      })
      expect(again).toEqual({ ...first, duplicate: true })
      // Bound to its bid: another bid or bidder under it learns nothing (request-id.test.ts).
      for (const reuse of [
        { bidderId: bob, amount: 9000, max: 20000 },
        { bidderId: alice, amount: '1' },
      ]) {
        const answer = await engine.placeBid({ auctionId: lot.id, requestId: 'once', ...reuse })
        expect(rejected(answer).code).toBe('REQUEST_ID_REUSED')
      }
      expect(await snapshot(engine, lot.id)).toEqual(before)
      // A later real bid is the next event: the retries published nothing.
      accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: 9000 }))
      const next = await log.waitFor((e) => e.type === 'bid_placed')
      expect(log.events).toHaveLength(1)
      const seq = (before as { auction: { auction: { seq: number } } }).auction.auction.seq
      expect(next.seq).toBe(seq + 1)
    } finally {
      await log.close()
    }
  })

  it('a max_raised is answered again as such', async () => {
    const lot = await liveAuction(engine)
    const alice = bidderId('alice')
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000 }))
    const raise = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: alice,
        amount: 1100,
        max: 5000,
        requestId: 'r',
      }),
    )
    const again = await engine.placeBid({
      auctionId: lot.id,
      bidderId: alice,
      amount: 1100,
      max: 5000,
      requestId: 'r',
    })
    expect(again).toEqual({ ...raise, duplicate: true })
    expect(raise).toMatchObject({ result: 'max_raised', bidId: null })
  })

  it('a rejected bid records nothing, so the same requestId may succeed later', async () => {
    const lot = await liveAuction(engine)
    const alice = bidderId('alice')
    const before = await snapshot(engine, lot.id)
    const low = await engine.placeBid({
      auctionId: lot.id,
      bidderId: alice,
      amount: 999,
      requestId: 'x',
    })
    expect(rejected(low).code).toBe('BID_TOO_LOW')
    const seller = await engine.placeBid({
      auctionId: lot.id,
      bidderId: lot.sellerId,
      amount: 1000,
      requestId: 'x',
    })
    expect(rejected(seller).code).toBe('SELLER_CANNOT_BID')
    expect(await snapshot(engine, lot.id)).toEqual(before)
    const ok = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, requestId: 'x' }),
    )
    expect(ok).toMatchObject({ duplicate: false, bidId: 1 })
    const again = await engine.placeBid({
      auctionId: lot.id,
      bidderId: alice,
      amount: 1000,
      requestId: 'x',
    })
    expect(again).toEqual({ ...ok, duplicate: true })
  })

  it('requestIds belong to one auction', async () => {
    const [one, two] = [await liveAuction(engine), await liveAuction(engine)]
    const alice = bidderId('alice')
    const a = accepted(
      await engine.placeBid({
        auctionId: one.id,
        bidderId: alice,
        amount: 1000,
        requestId: 'same',
      }),
    )
    const b = accepted(
      await engine.placeBid({
        auctionId: two.id,
        bidderId: alice,
        amount: 1000,
        requestId: 'same',
      }),
    )
    expect([a.duplicate, b.duplicate]).toEqual([false, false])
  })

  it('concurrent retries of one requestId are accepted exactly once', async () => {
    const lot = await liveAuction(engine)
    const alice = bidderId('alice')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, requestId: 'burst' }),
      ),
    )
    const results = answers.map(accepted)
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.bidId))).toEqual(new Set([1]))
    const history = await engine.history(lot.id)
    expect(history.ok && history.total).toBe(1)
  })
})
