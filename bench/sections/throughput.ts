// Section 1: accepted bids per second and latency per placeBid call, on one hot auction and
// spread over many active auctions. The runs themselves are driven by ./compare.ts, side by
// side with the ceilings.
import { counterBids, placeBid, type BidSource } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { createAuctions } from '../lib/fixtures'
import type { LoadResult, Outcome } from '../lib/load'

export type Workload = 'hot' | 'spread'

export interface ThroughputRun extends LoadResult {
  workload: Workload
  auctions: number
}

/** Auctions with their bid counters; reused across runs so amounts keep rising. */
export interface BidFixture {
  ids: string[]
  bids: BidSource
}

export async function bidFixture(ctx: BenchContext, auctions: number): Promise<BidFixture> {
  return { ids: await createAuctions(ctx.engine, auctions), bids: counterBids(auctions) }
}

/** One placeBid to a random auction of the fixture, one cent above the last amount sent. */
export function bidCaller(ctx: BenchContext, fixture: BidFixture): () => Promise<Outcome> {
  const { ids, bids } = fixture
  const pick = ids.length === 1 ? () => 0 : () => Math.floor(Math.random() * ids.length)
  return () => {
    const index = pick()
    return placeBid(ctx.engine, ids[index] as string, bids.next(index))
  }
}
