// Section: event latency through the relay, as a second console sees it. The web mode's
// server runs in this process against the bench's Redis; two consoles in another process
// (bench/relay-consoles.ts) connect to it as browser tabs do: A places bids over its
// WebSocket, B watches the sales and timestamps each bid_placed it is pushed. Open loop
// over many lots: bids go out on a clock, round-robin over the lots, each one cent above
// the last amount sent to its lot from the other bidder, so each is accepted.
import { fork } from 'node:child_process'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { ConsolesConfig, ConsolesReport } from '../relay-consoles'
import type { BenchContext } from '../lib/context'
import { allLots, createOpenSales } from '../lib/fixtures'
import { Samples, round, type LatencySummary } from '../lib/stats'
import { startBenchWebServer } from '../lib/web-server'

export interface RelayLatency {
  lots: number
  sales: number
  offeredPerSec: number
  seconds: number
  sent: number
  accepted: number
  rejected: number
  /** bid_placed events of measured bids that reached console B. */
  received: number
  missing: number
  /** `sale:events` pushes B got: events per push shows the relay's batching. */
  pushes: number
  /** How far the sender fell behind its clock at worst (ms): the load was really offered. */
  maxSendLagMs: number
  /** bids:place sent at A → bid_placed at B. */
  latency: LatencySummary
  /** bids:place sent at A → its answer at A. */
  callLatency: LatencySummary
  /** bid_placed at B − the same bid's answer at A: the relay's share of the latency. */
  hopLatency: LatencySummary
  /** The web server's process (server, relay, engine) in the window, % of one core. */
  serverCpuPct: number
  /** Its longest event-loop stall in the window (ms): a busy machine shows here. */
  serverStallMs: number
  /** The consoles' process over the same time: a busy sender or watcher adds latency. */
  consolesCpuPct: number
}

const CONSOLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'relay-consoles.ts')

type Message = { type: 'ready' } | { type: 'measuring' } | { type: 'done'; report: ConsolesReport }

export async function relayLatency(ctx: BenchContext): Promise<RelayLatency> {
  const { relayRate: rate, relayLots, relayMs, relayWarmupMs, lotsPerSale } = ctx.sizes
  const sales = await createOpenSales(ctx.engine, relayLots, lotsPerSale)
  const lotIds = allLots(sales)
  const web = await startBenchWebServer(ctx.url, ctx.log)
  const config: ConsolesConfig = {
    socketUrl: web.socketUrl,
    redisUrl: ctx.url,
    saleIds: sales.map((s) => s.saleId),
    lotIds,
    rate,
    warmupMs: relayWarmupMs,
    durationMs: relayMs,
  }
  const child = fork(CONSOLES, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const stalls = monitorEventLoopDelay({ resolution: 1 })
  try {
    let onReady: () => void = () => undefined
    const ready = new Promise<void>((resolve) => (onReady = resolve))
    let cpuStart = process.cpuUsage()
    let started = performance.now()
    const done = new Promise<ConsolesReport>((resolve, reject) => {
      child.on('message', (message: Message) => {
        if (message.type === 'ready') return onReady()
        if (message.type === 'done') return resolve(message.report)
        cpuStart = process.cpuUsage()
        started = performance.now()
        stalls.enable()
      })
      child.on('exit', (code) => reject(new Error(`relay consoles exited with ${code}`)))
    })
    done.catch(() => undefined)
    await Promise.race([ready, done])
    child.send('go')
    const report = await done
    stalls.disable()
    const cpu = process.cpuUsage(cpuStart)
    const elapsedMs = performance.now() - started

    const events = new Samples()
    events.addAll(report.eventLatencies)
    const calls = new Samples()
    calls.addAll(report.callLatencies)
    const hops = new Samples()
    hops.addAll(report.hopLatencies)
    const result: RelayLatency = {
      lots: lotIds.length,
      sales: sales.length,
      offeredPerSec: rate,
      seconds: relayMs / 1000,
      sent: report.sent,
      accepted: report.accepted,
      rejected: report.rejected,
      received: events.count,
      missing: report.accepted - events.count,
      pushes: report.pushes,
      maxSendLagMs: round(report.maxSendLagMs),
      latency: events.summary(),
      callLatency: calls.summary(),
      hopLatency: hops.summary(),
      serverCpuPct: Math.round((cpu.user + cpu.system) / 10 / elapsedMs),
      serverStallMs: round(stalls.max / 1e6),
      consolesCpuPct: report.cpuPct,
    }
    ctx.log(
      `relay events at ${rate}/s over ${lotIds.length} lots: p50 ${result.latency.p50Ms} ms, ` +
        `p99 ${result.latency.p99Ms} ms, max ${result.latency.maxMs} ms, ` +
        `${result.missing} missing, ${result.pushes} pushes, ` +
        `server ${result.serverCpuPct}%, consoles ${result.consolesCpuPct}%`,
    )
    return result
  } finally {
    // Stop the consoles if still running (a failure here), by their own PID.
    if (child.exitCode === null) child.kill('SIGKILL')
    await web.close()
  }
}
