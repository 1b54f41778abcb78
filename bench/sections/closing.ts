// Section 5: many lots of timed sales closing within the same few seconds, closed by the
// app's Scheduler (several at once, like several consoles). Each sale's lots close in
// catalogue order, one every `window ÷ lots per sale`; the sales' first closes are
// staggered so that, together, one lot is due every `window ÷ lots`. Lateness is the
// auction_ended event's `at` minus the lot's endsAt, both from the Redis server clock; every
// lot must get exactly one auction_ended on its sale's channel.
import { performance } from 'node:perf_hooks'
import { AuctionEngine, Scheduler, connectRedis, openEventFeed } from '../../src/main/engine'
import { isLotEvent } from '../../src/shared/domain'
import type { BenchContext } from '../lib/context'
import {
  BENCH_ACTOR,
  createDraftSale,
  inParallel,
  startSale,
  type BenchSale,
} from '../lib/fixtures'
import { Samples, sleep, type LatencySummary } from '../lib/stats'

export interface ClosingAccuracy {
  lots: number
  sales: number
  lotsPerSale: number
  /** Between two lots of one sale (the sale's closeIntervalSeconds × 1000). */
  closeIntervalMs: number
  /** Between the first closes of two sales that follow each other. */
  staggerMs: number
  windowMs: number
  schedulers: number
  /** Lots with at least one auction_ended. */
  ended: number
  /** auction_ended events beyond the first for the same lot (must be 0). */
  duplicates: number
  /** Lots without auction_ended (must be 0). */
  missing: number
  exactlyOnce: boolean
  /** Sales that announced sale_closed once their last lot had closed. */
  salesClosed: number
  lateness: LatencySummary
}

const CREATE_CONCURRENCY = 8
const ATTEMPTS = 3

interface Plan {
  sales: number
  lotsPerSale: number
  staggerMs: number
  closeIntervalMs: number
}

/**
 * Creates the sales as drafts (with their lots), then opens them all, before the window
 * opens. How long that takes depends on the machine's load: a probe sale is timed first,
 * and when the drafts took so long that opening them could run into the window, they are
 * cancelled and the section starts over with twice the margin.
 */
async function openSales(
  ctx: BenchContext,
  plan: Plan,
  watch: { add(sale: BenchSale): Promise<void>; drop(sale: BenchSale): void },
): Promise<{ sales: BenchSale[]; windowStart: number }> {
  const probeStart = performance.now()
  const probe = await createDraftSale(ctx.engine, plan.lotsPerSale, {}, 'Probe sale')
  const draftMs = performance.now() - probeStart
  await startSale(ctx.engine, probe.saleId) // far from closing; not counted
  const startMs = performance.now() - probeStart - draftMs
  for (let attempt = 1; ; attempt++) {
    // As if one at a time: running several at once leaves a margin.
    const margin = 1000 + Math.ceil((draftMs + startMs) * plan.sales * 2 ** (attempt - 1))
    const windowStart = (await ctx.engine.serverTime()) + margin
    const drafts = await inParallel(plan.sales, CREATE_CONCURRENCY, async (index) => {
      const sale = await createDraftSale(
        ctx.engine,
        plan.lotsPerSale,
        {
          durationMs: null,
          firstCloseAt: windowStart + index * plan.staggerMs,
          closeIntervalSeconds: plan.closeIntervalMs / 1000,
        },
        `Closing sale ${index + 1}`,
      )
      await watch.add(sale)
      return sale
    })
    const left = windowStart - (await ctx.engine.serverTime())
    if (left > 500 + 2 * startMs * plan.sales) {
      await inParallel(drafts.length, CREATE_CONCURRENCY, (i) =>
        startSale(ctx.engine, (drafts[i] as BenchSale).saleId),
      )
      const late = (await ctx.engine.serverTime()) - windowStart
      if (late >= 0) ctx.log(`closing: the sales opened ${late} ms into the window`)
      return { sales: drafts, windowStart }
    }
    if (attempt === ATTEMPTS) throw new Error('closing: the machine is too busy to open the sales')
    ctx.log(`closing: ${left} ms left to open the sales; once more with a wider margin`)
    await inParallel(drafts.length, CREATE_CONCURRENCY, async (i) => {
      const sale = drafts[i] as BenchSale
      watch.drop(sale)
      await ctx.engine.cancelSale(sale.saleId, BENCH_ACTOR)
    })
  }
}

export async function closingAccuracy(ctx: BenchContext): Promise<ClosingAccuracy> {
  const { closingLots, closingSales: sales, closingWindowMs: windowMs } = ctx.sizes
  const lotsPerSale = Math.floor(closingLots / sales)
  const lots = lotsPerSale * sales
  // Whole milliseconds: closeIntervalSeconds takes millisecond precision.
  const closeIntervalMs = Math.floor(windowMs / lotsPerSale)
  const staggerMs = Math.floor(windowMs / lots)

  const endedCount = new Map<string, number>()
  const closedSales = new Set<string>()
  const lateness = new Samples()
  const feed = await openEventFeed(
    { url: ctx.url },
    () => undefined,
    (event) => {
      if (!isLotEvent(event)) {
        if (event.type === 'sale_closed') closedSales.add(event.saleId)
        return
      }
      if (event.type !== 'auction_ended' || event.endsAt === null) return
      const seen = endedCount.get(event.auctionId)
      if (seen === undefined) return // not one of ours
      endedCount.set(event.auctionId, seen + 1)
      if (seen === 0) lateness.add(event.at - event.endsAt)
    },
  )

  const clients = await Promise.all(
    Array.from({ length: ctx.sizes.schedulers }, (_, i) =>
      connectRedis({ url: ctx.url, connectionName: `auction-bench:scheduler-${i}` }),
    ),
  )
  const schedulers = clients.map((client) => new Scheduler(new AuctionEngine(client)))
  let created: BenchSale[] | undefined
  try {
    schedulers.forEach((s) => s.start())
    const plan = { sales, lotsPerSale, staggerMs, closeIntervalMs }
    const opened = await openSales(ctx, plan, {
      add: async (sale) => {
        for (const lotId of sale.lotIds) endedCount.set(lotId, 0)
        await feed.watchSale(sale.saleId)
      },
      drop: (sale) => sale.lotIds.forEach((lotId) => endedCount.delete(lotId)),
    })
    created = opened.sales
    const { windowStart } = opened

    const deadline = windowStart + windowMs + 3000
    while ((await ctx.engine.serverTime()) < deadline) {
      if (lateness.count >= lots && closedSales.size >= sales) break
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
    lots,
    sales,
    lotsPerSale,
    closeIntervalMs,
    staggerMs,
    windowMs,
    schedulers: ctx.sizes.schedulers,
    ended: counts.filter((n) => n > 0).length,
    duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    missing: counts.filter((n) => n === 0).length,
    exactlyOnce: counts.length === lots && counts.every((n) => n === 1),
    salesClosed: (created ?? []).filter((sale) => closedSales.has(sale.saleId)).length,
    lateness: lateness.summary(),
  }
  ctx.log(
    `closing ${lots} lots in ${sales} sales within ${windowMs / 1000} s: ` +
      `p50 ${result.lateness.p50Ms} ms, p99 ${result.lateness.p99Ms} ms, ` +
      `max ${result.lateness.maxMs} ms, exactly once: ${result.exactlyOnce}`,
  )
  return result
}
