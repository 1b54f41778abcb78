// Bid history read newest first, paged by bid id with `before`; listing tolerates stale
// index entries.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { indexKeys } from '../../src/main/engine'
import type { BidEntry } from '../../src/shared/domain'
import { accepted, bidderId, liveAuction, openEngine, rejected, staff, uniqueId } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

async function pages(id: string, limit: number): Promise<BidEntry[][]> {
  const out: BidEntry[][] = []
  let before: number | undefined
  for (;;) {
    const page = await engine.history(id, { limit, before })
    if (!page.ok) expect.fail(page.error.code)
    if (page.bids.length === 0) return out
    out.push(page.bids)
    before = page.bids[page.bids.length - 1]?.id
  }
}

describe('history', () => {
  it('newest first, paged with before, ids 1-based positions', async () => {
    const lot = await liveAuction(engine)
    const [alice, bob] = [bidderId('alice'), bidderId('bob')]
    const t0 = await engine.serverTime()
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, max: 2000 }))
    for (let amount = 1100; amount <= 1900; amount += 200) {
      accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount, source: 'phone' }))
    }
    const t1 = await engine.serverTime()
    const all = await engine.history(lot.id, { limit: 1000 })
    if (!all.ok) expect.fail(all.error.code)
    expect(all.total).toBe(11)
    expect(all.bids.map((b) => b.id)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    for (const bid of all.bids) {
      expect(bid.at).toBeGreaterThanOrEqual(t0)
      expect(bid.at).toBeLessThanOrEqual(t1)
    }
    expect(all.bids[0]).toMatchObject({
      bidderId: alice,
      amount: 2000,
      kind: 'auto',
      outcome: 'leading',
      // Alice's maximum came online: her automatic bids say so, whoever challenged it.
      source: 'online',
    })
    expect(all.bids[1]).toMatchObject({
      bidderId: bob,
      amount: 1900,
      kind: 'manual',
      outcome: 'outbid',
    })

    const paged = await pages(lot.id, 4)
    expect(paged.map((p) => p.map((b) => b.id))).toEqual([
      [11, 10, 9, 8],
      [7, 6, 5, 4],
      [3, 2, 1],
    ])
    expect(paged.flat()).toEqual(all.bids)

    const older = await engine.history(lot.id, { before: 3 })
    expect(older.ok && older.bids.map((b) => b.id)).toEqual([2, 1])
    const none = await engine.history(lot.id, { before: 1 })
    expect(none.ok && none.bids).toEqual([])
    const beyond = await engine.history(lot.id, { before: 500, limit: 2 })
    expect(beyond.ok && beyond.bids.map((b) => b.id)).toEqual([11, 10])
    const newest = await engine.history(lot.id, { limit: 1 })
    expect(newest.ok && newest.bids.map((b) => b.id)).toEqual([11])
  })

  it('an auction without bids has an empty history; an unknown one is AUCTION_NOT_FOUND', async () => {
    const lot = await liveAuction(engine)
    expect(await engine.history(lot.id)).toEqual({ ok: true, bids: [], total: 0 })
    expect(rejected(await engine.history(uniqueId('none'))).code).toBe('AUCTION_NOT_FOUND')
  })
})

describe('listing tolerates stale index entries', () => {
  it('skips ids whose auction is gone or whose status moved on', async () => {
    const sellerId = uniqueId('seller')
    const kept = await liveAuction(engine, { sellerId })
    const ended = await liveAuction(engine, { sellerId })
    await engine.endAuction(ended.id, staff())
    // Stale entries, as a crash between a script and its index writes would leave them.
    await engine.redis.zadd(indexKeys.bySeller(sellerId), Date.now() + 1e6, uniqueId('ghost'))
    const ghost = uniqueId('ghost')
    await engine.redis.zadd(
      indexKeys.byStatus('active'),
      Date.now() + 1e6,
      ended.id,
      Date.now() + 1e6,
      ghost,
    )
    onTestFinished(async () => {
      // The shared status index goes back to how the engine keeps it.
      await engine.redis.zrem(indexKeys.byStatus('active'), ended.id, ghost)
    })

    const bySeller = await engine.listAuctions({ sellerId })
    expect(bySeller.ok && bySeller.auctions.map((a) => a.id).sort()).toEqual(
      [kept.id, ended.id].sort(),
    )
    const active = await engine.listAuctions({ status: 'active', limit: 1000 })
    if (!active.ok) expect.fail(active.error.code)
    expect(active.auctions.every((a) => a.status === 'active')).toBe(true)
    expect(active.auctions.map((a) => a.id)).toContain(kept.id)
    expect(active.auctions.map((a) => a.id)).not.toContain(ended.id)
    const limited = await engine.listAuctions({ sellerId, limit: 1 })
    expect(limited.ok && limited.auctions).toHaveLength(1)
  })
})
