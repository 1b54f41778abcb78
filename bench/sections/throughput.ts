// Section 1: accepted bids per second and latency per placeBid call, on one hot auction and
// spread over many active auctions, at each concurrency.
import { counterBids, placeBid, type BidSource } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { createAuctions } from '../lib/fixtures'
import { runClosedLoop, type LoadResult } from '../lib/load'

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

/** One run; the hot workload gets a fresh auction, the spread one reuses `spread`. */
export async function bidThroughput(
  ctx: BenchContext,
  workload: Workload,
  concurrency: number,
  spread?: BidFixture,
): Promise<ThroughputRun> {
  const { ids, bids } =
    workload === 'hot' || !spread
      ? await bidFixture(ctx, workload === 'hot' ? 1 : ctx.sizes.spreadAuctions)
      : spread
  const pick = ids.length === 1 ? () => 0 : () => Math.floor(Math.random() * ids.length)
  const result = await runClosedLoop({
    concurrency,
    warmupMs: ctx.sizes.warmupMs,
    durationMs: ctx.sizes.throughputMs,
    call: () => {
      const index = pick()
      return placeBid(ctx.engine, ids[index] as string, bids.next(index))
    },
  })
  ctx.log(
    `bids ${workload} c=${concurrency}: ${result.acceptedPerSec}/s accepted, ` +
      `${result.rejected} rejected, p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms`,
  )
  return { ...result, workload, auctions: ids.length }
}
