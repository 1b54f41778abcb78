// One engine process of the scaling section: its own Node process, Redis connection and
// AuctionEngine, bidding on the shared hot lot. Started by bench/sections/scaling.ts
// with a JSON config as argv[2]; talks to the parent over the IPC channel.
import { AuctionEngine, connectRedis } from '../src/main/engine'
import { clockBids, placeBid } from './lib/bids'
import { runClosedLoop } from './lib/load'

export interface WorkerConfig {
  url: string
  /** The hot lot (a lot id is an auction id). */
  auctionId: string
  concurrency: number
  warmupMs: number
  durationMs: number
  processIndex: number
  processes: number
  /** Wall-clock origin of the bid amounts, shared by all processes. */
  epochMs: number
}

export interface WorkerReport {
  accepted: number
  rejectedByCode: Record<string, number>
  latencies: number[]
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig
  const redis = await connectRedis({ url: config.url, connectionName: 'auction-bench:worker' })
  const engine = new AuctionEngine(redis)
  const bids = clockBids(config.epochMs, config.processIndex, config.processes)
  process.send?.({ type: 'ready' })
  await new Promise<void>((resolve) => process.once('message', () => resolve()))
  const result = await runClosedLoop({
    concurrency: config.concurrency,
    warmupMs: config.warmupMs,
    durationMs: config.durationMs,
    call: () => placeBid(engine, config.auctionId, bids.next(0)),
  })
  const report: WorkerReport = {
    accepted: result.accepted,
    rejectedByCode: result.rejectedByCode,
    latencies: result.samples.raw().map((ms) => Math.round(ms * 1000) / 1000),
  }
  await redis.quit()
  process.send?.({ type: 'done', report }, () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
