// Section 7: one hot lot of an open timed sale bid by 1, 2, 4 engine processes at once
// (several consoles), with the same total number of concurrent bidders split between them.
import { fork, type ChildProcess } from 'node:child_process'
import { setPriority } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lotKeys } from '../../src/main/engine'
import type { BenchContext } from '../lib/context'
import { createDraftSale, startSale } from '../lib/fixtures'
import { summarize, type LoadResult } from '../lib/load'
import { Samples } from '../lib/stats'
import type { WorkerConfig, WorkerReport } from '../worker'

export interface ScalingRun extends LoadResult {
  processes: number
  concurrencyPerProcess: number
  /** The lot afterwards: its bid count equals its history length (no lost update). */
  bidCount: number
  historyLength: number
  consistent: boolean
}

const WORKER_NICE = 10
const WORKER = join(dirname(fileURLToPath(import.meta.url)), '..', 'worker.ts')

type Message = { type: 'ready' } | { type: 'done'; report: WorkerReport }

function startWorker(config: WorkerConfig): {
  child: ChildProcess
  ready: Promise<void>
  done: Promise<WorkerReport>
} {
  const child = fork(WORKER, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  // Below Redis in CPU priority: on a machine with fewer cores than processes, an equal share
  // would starve the single-threaded Redis and measure the OS scheduler instead of the
  // engine. (Consoles run on other machines than Redis in production.)
  if (child.pid !== undefined) setPriority(child.pid, WORKER_NICE)
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on('message', (message: Message) => {
      if (message.type === 'ready') onReady()
      else resolve(message.report)
    })
    child.on('exit', (code) => reject(new Error(`bench worker exited with ${code}`)))
  })
  done.catch(() => undefined)
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done }
}

export async function scaling(ctx: BenchContext, processes: number): Promise<ScalingRun> {
  const sale = await createDraftSale(ctx.engine, ctx.sizes.lotsPerSale, {}, 'Scaling sale')
  await startSale(ctx.engine, sale.saleId)
  const auctionId = sale.lotIds[0] as string
  const perProcess = Math.max(1, Math.round(ctx.sizes.scalingConcurrency / processes))
  const epochMs = Date.now()
  const workers = Array.from({ length: processes }, (_, processIndex) =>
    startWorker({
      url: ctx.url,
      auctionId,
      concurrency: perProcess,
      warmupMs: ctx.sizes.warmupMs,
      durationMs: ctx.sizes.throughputMs,
      processIndex,
      processes,
      epochMs,
    }),
  )
  try {
    await Promise.all(workers.map((w) => w.ready))
    for (const w of workers) w.child.send('go')
    const reports = await Promise.all(workers.map((w) => w.done))
    const samples = new Samples()
    const rejectedByCode: Record<string, number> = {}
    let accepted = 0
    for (const report of reports) {
      samples.addAll(report.latencies)
      accepted += report.accepted
      for (const [code, n] of Object.entries(report.rejectedByCode)) {
        rejectedByCode[code] = (rejectedByCode[code] ?? 0) + n
      }
    }
    const result = summarize(
      perProcess * processes,
      ctx.sizes.throughputMs,
      samples,
      accepted,
      rejectedByCode,
    )
    const auction = await ctx.engine.getAuction(auctionId)
    const bidCount = auction.ok ? auction.auction.bidCount : -1
    const historyLength = await ctx.redis.llen(lotKeys(auctionId).bids)
    ctx.log(
      `scaling ${processes} process(es) × ${perProcess}: ${result.acceptedPerSec}/s accepted, ` +
        `${result.rejected} rejected, p99 ${result.latency.p99Ms} ms`,
    )
    return {
      ...result,
      processes,
      concurrencyPerProcess: perProcess,
      bidCount,
      historyLength,
      consistent: bidCount === historyLength,
    }
  } finally {
    // Stop any worker still running (a failure elsewhere), by its own PID.
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL')
  }
}
