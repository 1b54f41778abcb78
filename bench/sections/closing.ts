// Section 4: many auctions ending within the same few seconds, closed by the app's Scheduler
// (several at once, like several consoles). Lateness is the auction_ended event's `at` minus
// the auction's endsAt, both from the Redis server clock; every auction must get exactly one
// auction_ended on the list channel.
import { performance } from 'node:perf_hooks'
import { AuctionEngine, Scheduler, connectRedis, openEventFeed } from '../../src/main/engine'
import { AUCTION_LIST_CHANNEL } from '../../src/shared/domain'
import type { BenchContext } from '../lib/context'
import { createAuctions } from '../lib/fixtures'
import { Samples, sleep, type LatencySummary } from '../lib/stats'

export interface ClosingAccuracy {
  auctions: number
  windowMs: number
  schedulers: number
  /** Auctions with at least one auction_ended. */
  ended: number
  /** auction_ended events beyond the first for the same auction (must be 0). */
  duplicates: number
  /** Auctions without auction_ended (must be 0). */
  missing: number
  exactlyOnce: boolean
  lateness: LatencySummary
}

export async function closingAccuracy(ctx: BenchContext): Promise<ClosingAccuracy> {
  const {
    closingAuctions: count,
    closingWindowMs: windowMs,
    schedulers: schedulerCount,
  } = ctx.sizes
  const endedCount = new Map<string, number>()
  const lateness = new Samples()
  const feed = await openEventFeed({ url: ctx.url }, (event) => {
    if (event.type !== 'auction_ended' || event.endsAt === null) return
    const seen = endedCount.get(event.auctionId)
    if (seen === undefined) return // not one of ours
    endedCount.set(event.auctionId, seen + 1)
    if (seen === 0) lateness.add(event.at - event.endsAt)
  })
  await feed.watchChannel(AUCTION_LIST_CHANNEL)

  const clients = await Promise.all(
    Array.from({ length: schedulerCount }, (_, i) =>
      connectRedis({ url: ctx.url, connectionName: `auction-bench:scheduler-${i}` }),
    ),
  )
  const schedulers = clients.map((client) => new Scheduler(new AuctionEngine(client)))
  try {
    schedulers.forEach((s) => s.start())
    // Every auction must be created before the window opens: time a probe batch first.
    const probe = Math.min(200, count)
    const probeStart = performance.now()
    await createAuctions(ctx.engine, probe)
    const perCreateMs = (performance.now() - probeStart) / probe
    const windowStart = (await ctx.engine.serverTime()) + 1000 + Math.ceil(perCreateMs * count * 2)
    const ids = await createAuctions(ctx.engine, count, (i) => ({
      durationMs: null,
      endsAt: windowStart + Math.floor((i * windowMs) / count),
    }))
    for (const id of ids) endedCount.set(id, 0)

    const deadline = windowStart + windowMs + 3000
    while ((await ctx.engine.serverTime()) < deadline) {
      if (lateness.count >= count) break
      await sleep(100)
    }
    await sleep(300) // a late duplicate would arrive now
  } finally {
    await Promise.all(schedulers.map((s) => s.stop()))
    await Promise.all(clients.map((c) => c.quit()))
    await feed.close()
  }

  const counts = [...endedCount.values()]
  const result: ClosingAccuracy = {
    auctions: count,
    windowMs,
    schedulers: schedulerCount,
    ended: counts.filter((n) => n > 0).length,
    duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    missing: counts.filter((n) => n === 0).length,
    exactlyOnce: counts.every((n) => n === 1),
    lateness: lateness.summary(),
  }
  ctx.log(
    `closing ${count} in ${windowMs / 1000} s: p50 ${result.lateness.p50Ms} ms, ` +
      `p99 ${result.lateness.p99Ms} ms, max ${result.lateness.maxMs} ms, ` +
      `exactly once: ${result.exactlyOnce}`,
  )
  return result
}
