// What every benchmark section gets: the Redis it runs against, one engine on one client
// (built by the app's own connectRedis), the sizes of this run, and a logger.
import type { Redis } from 'ioredis'
import { AuctionEngine, connectRedis } from '../../src/main/engine'

export interface Sizes {
  concurrencies: number[]
  warmupMs: number
  /** Measured time per workload and concurrency, split over `rounds` interleaved slices. */
  throughputMs: number
  rounds: number
  spreadAuctions: number
  eventRate: number
  eventMs: number
  closingAuctions: number
  closingWindowMs: number
  schedulers: number
  /** The same bids over many auctions, then over a few hot ones (request-id hashes grow). */
  memoryAuctions: number[]
  memoryBids: number
  scalingProcesses: number[]
  scalingConcurrency: number
}

export const FULL: Sizes = {
  concurrencies: [1, 8, 64],
  warmupMs: 1000,
  throughputMs: 6000,
  rounds: 3,
  spreadAuctions: 1000,
  eventRate: 1000,
  eventMs: 10_000,
  closingAuctions: 10_000,
  closingWindowMs: 10_000,
  schedulers: 2,
  memoryAuctions: [1000, 10],
  memoryBids: 100_000,
  scalingProcesses: [1, 2, 4],
  scalingConcurrency: 64,
}

export const QUICK: Sizes = {
  ...FULL,
  warmupMs: 200,
  throughputMs: 1000,
  rounds: 1,
  eventMs: 2000,
  closingAuctions: 1000,
  closingWindowMs: 2000,
  memoryBids: 10_000,
  memoryAuctions: [100, 1],
  scalingProcesses: [1, 2],
}

export interface BenchContext {
  url: string
  redis: Redis
  engine: AuctionEngine
  sizes: Sizes
  /** True when the Redis belongs to this run alone: sections may FLUSHALL and read INFO. */
  exclusive: boolean
  log: (line: string) => void
}

export async function openContext(
  url: string,
  sizes: Sizes,
  options: { exclusive: boolean; log?: (line: string) => void },
): Promise<BenchContext & { close(): Promise<void> }> {
  const redis = await connectRedis({ url, connectionName: 'auction-bench' })
  return {
    url,
    redis,
    engine: new AuctionEngine(redis),
    sizes,
    exclusive: options.exclusive,
    log: options.log ?? (() => undefined),
    close: async () => void (await redis.quit()),
  }
}

/** Starts a section from an empty database when the server is ours. */
export async function resetData(ctx: BenchContext): Promise<void> {
  if (ctx.exclusive) await ctx.redis.flushall()
}
