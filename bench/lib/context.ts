// What every benchmark section gets: the Redis it runs against, one engine on one client
// (built by the app's own connectRedis), the previous engine's bid path on the same client
// (bench/fixtures/legacy), the sizes of this run, and a logger.
import type { Redis } from 'ioredis'
import { AuctionEngine, connectRedisServer } from '../../src/main/engine'
import { LegacyEngine } from '../fixtures/legacy/engine'

export interface Sizes {
  concurrencies: number[]
  warmupMs: number
  /** Measured time per workload and concurrency, split over `rounds` interleaved slices. */
  throughputMs: number
  rounds: number
  /** Pipelined bids per batch, and batches per engine, for the Redis cost of one bid. */
  scriptCostBids: number
  scriptCostRounds: number
  /** Lots per timed sale wherever lots are put in sales (the hot lot's sale too). */
  lotsPerSale: number
  /** Lots of the spread workload (in sales of `lotsPerSale`), and old-engine auctions. */
  spreadLots: number
  eventRate: number
  eventMs: number
  /** Bids/s offered through the web mode's relay, round-robin over `relayLots` lots (in
   * sales of `lotsPerSale`), measured for `relayMs` after a warm-up ramping up to the rate. */
  relayRate: number
  relayLots: number
  relayMs: number
  relayWarmupMs: number
  /** The live room: a live sale of `liveLots` lots, one offered every `liveLotMs` (the real
   * room's 30 s, time-compressed), about `liveBidsPerLot` bids each; every `livePassEvery`th
   * lot gets no bid and passes. */
  liveLots: number
  liveLotMs: number
  liveBidsPerLot: number
  livePassEvery: number
  /** Lots closing, in `closingSales` timed sales of equal size, within the window. */
  closingLots: number
  closingSales: number
  closingWindowMs: number
  schedulers: number
  /** The same bids over many lots, then over a few hot ones (request-id hashes grow). */
  memoryLots: number[]
  /** Standalone auctions (a sale of one lot each) for the memory section's last row. */
  memoryStandalone: number
  memoryBids: number
  scalingProcesses: number[]
  scalingConcurrency: number
  /** Clients racing on one hot lot, and measured time per engine and client count (split
   * over `rounds` interleaved slices). */
  contentionClients: number[]
  contentionMs: number
  /** Rejected bids per batch, and batches per kind, for a rejected bid's Redis time. */
  rejectedBids: number
  rejectedRounds: number
}

export const FULL: Sizes = {
  concurrencies: [1, 8, 64],
  warmupMs: 1000,
  throughputMs: 6000,
  // Short slices, many rounds: a change in the machine's speed (it comes and goes over
  // seconds here) falls on every contender alike.
  rounds: 18,
  scriptCostBids: 20_000,
  scriptCostRounds: 7,
  lotsPerSale: 100,
  spreadLots: 1000,
  eventRate: 1000,
  eventMs: 10_000,
  relayRate: 5000,
  relayLots: 100,
  relayMs: 10_000,
  relayWarmupMs: 2000,
  // 100× a fast room: a lot every 300 ms instead of 30 s, so 200 lots take a minute.
  liveLots: 200,
  liveLotMs: 300,
  liveBidsPerLot: 10,
  livePassEvery: 25,
  closingLots: 10_000,
  closingSales: 100,
  closingWindowMs: 10_000,
  schedulers: 2,
  memoryLots: [1000, 10],
  memoryStandalone: 1000,
  memoryBids: 100_000,
  scalingProcesses: [1, 2, 4],
  scalingConcurrency: 64,
  contentionClients: [1, 8, 32, 64],
  contentionMs: 3000,
  rejectedBids: 20_000,
  rejectedRounds: 5,
}

export const QUICK: Sizes = {
  ...FULL,
  warmupMs: 200,
  throughputMs: 1000,
  rounds: 2,
  scriptCostBids: 5000,
  scriptCostRounds: 3,
  eventMs: 2000,
  relayMs: 2000,
  relayWarmupMs: 1000,
  liveLots: 40,
  closingLots: 1000,
  closingSales: 10,
  closingWindowMs: 2000,
  memoryBids: 10_000,
  memoryLots: [100, 1],
  memoryStandalone: 100,
  scalingProcesses: [1, 2],
  contentionMs: 300,
  rejectedBids: 2000,
  rejectedRounds: 3,
}

export interface BenchContext {
  url: string
  redis: Redis
  engine: AuctionEngine
  /** The previous engine's bid path on the same client (bench/fixtures/legacy). */
  legacy: LegacyEngine
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
  const redis = await connectRedisServer({ url, connectionName: 'auction-bench' })
  return {
    url,
    redis,
    engine: new AuctionEngine(redis),
    legacy: new LegacyEngine(redis),
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
