// Section: the live sale room. From a clerk's action (floor key, fair warning, hammer, the
// offer of the next lot) or a bidder's online bid to its event at a second clerk console and
// at the room display, through the web mode's relay. The web server runs in this process
// against the bench's Redis; the room (bench/live-room-consoles.ts) runs in another: console
// A runs a live sale of `liveLots` lots at a fast room's pace (a lot every 30 s, about 10
// bids a lot, some in bursts), time-compressed to a lot every `liveLotMs`.
import { fork } from 'node:child_process'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { LiveConsolesConfig, LiveConsolesReport } from '../live-room-consoles'
import type { BenchContext } from '../lib/context'
import { createDraftSale, startSale } from '../lib/fixtures'
import { REAL_LOT_MS } from '../lib/live-plan'
import type { ActionKind } from '../lib/live-tally'
import { Samples, round, type LatencySummary } from '../lib/stats'
import { startBenchWebServer } from '../lib/web-server'

export interface LiveHeard {
  /** Accepted actions whose event this console got. */
  heard: number
  missing: number
  /** Extra copies of an event (must be 0). */
  duplicates: number
  /** Call start at A (or C) → the event here. */
  latency: LatencySummary
}

export interface LiveActionRow {
  kind: ActionKind
  /** Who started it: A (the clerk) or C (the bidder's tab). */
  from: 'A' | 'C'
  actions: number
  accepted: number
  rejectedByCode: Record<string, number>
  /** Call start → its answer at the console that made it. */
  call: LatencySummary
  /** The second clerk console. */
  atB: LiveHeard
  /** The room display. */
  atD: LiveHeard
}

export interface LiveRoom {
  lots: number
  lotMs: number
  /** How much faster than the real room (a lot every 30 s) the sale ran. */
  compression: number
  bidsPerLot: number
  /** 'display link' (the display-only token) or 'plain session' (no profile). */
  display: string
  displayNote: string
  rows: LiveActionRow[]
  bids: number
  bursts: number
  burstBids: number
  /** Bids sent just as the hammer fell, and their answers by code. */
  lateBids: number
  lateRejectedByCode: Record<string, number>
  /** Events no action explains, per receiver (must be 0). */
  unexplained: Record<string, number>
  /** `sale:snapshot` resyncs per receiver (none expected). */
  snapshots: Record<string, number>
  pushes: Record<string, number>
  seconds: number
  maxLagMs: number
  serverCpuPct: number
  serverStallMs: number
  consolesCpuPct: number
}

const CONSOLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'live-room-consoles.ts')

type Message =
  { type: 'ready' } | { type: 'measuring' } | { type: 'done'; report: LiveConsolesReport }

const summary = (values: readonly number[]): LatencySummary => {
  const samples = new Samples()
  samples.addAll(values)
  return samples.summary()
}

function rowsOf(report: LiveConsolesReport): LiveActionRow[] {
  return report.kinds
    .filter((k) => k.actions > 0)
    .map((k) => {
      const heard = (name: string): LiveHeard => {
        const at = k.receivers[name] ?? { latencies: [], missing: 0, duplicates: 0 }
        return {
          heard: at.latencies.length,
          missing: at.missing,
          duplicates: at.duplicates,
          latency: summary(at.latencies),
        }
      }
      return {
        kind: k.kind,
        from: k.kind === 'online' ? 'C' : 'A',
        actions: k.actions,
        accepted: k.accepted,
        rejectedByCode: k.rejectedByCode,
        call: summary(k.callLatencies),
        atB: heard('B'),
        atD: heard('D'),
      }
    })
}

/** A live sale of `lots` lots, open, nothing offered yet; its lot ids in catalogue order. */
async function openLiveSale(
  ctx: BenchContext,
  lots: number,
): Promise<{ saleId: string; lotIds: string[] }> {
  const sale = await createDraftSale(
    ctx.engine,
    lots,
    { mode: 'live', durationMs: null },
    'Bench live sale',
  )
  await startSale(ctx.engine, sale.saleId)
  return sale
}

export async function liveRoom(ctx: BenchContext): Promise<LiveRoom> {
  const { liveLots, liveLotMs, liveBidsPerLot, livePassEvery } = ctx.sizes
  const sale = await openLiveSale(ctx, liveLots)
  const web = await startBenchWebServer(ctx.url, ctx.log)
  const config: LiveConsolesConfig = {
    socketUrl: web.socketUrl,
    redisUrl: ctx.url,
    saleId: sale.saleId,
    lotIds: sale.lotIds,
    lotMs: liveLotMs,
    bidsPerLot: liveBidsPerLot,
    passEvery: livePassEvery,
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
    const done = new Promise<LiveConsolesReport>((resolve, reject) => {
      child.on('message', (message: Message) => {
        if (message.type === 'ready') return onReady()
        if (message.type === 'done') return resolve(message.report)
        cpuStart = process.cpuUsage()
        started = performance.now()
        stalls.enable()
      })
      child.on('exit', (code) => reject(new Error(`live room consoles exited with ${code}`)))
    })
    done.catch(() => undefined)
    await Promise.race([ready, done])
    child.send('go')
    const report = await done
    stalls.disable()
    const cpu = process.cpuUsage(cpuStart)
    const elapsedMs = performance.now() - started

    const rows = rowsOf(report)
    const bids = rows
      .filter((r) => r.kind === 'floor' || r.kind === 'online')
      .reduce((sum, r) => sum + r.actions, 0)
    const result: LiveRoom = {
      lots: sale.lotIds.length,
      lotMs: liveLotMs,
      compression: round(REAL_LOT_MS / liveLotMs, 1),
      bidsPerLot: liveBidsPerLot,
      display: report.display,
      displayNote: report.displayNote,
      rows,
      bids,
      bursts: report.bursts,
      burstBids: report.burstBids,
      lateBids: report.lateBids,
      lateRejectedByCode: report.lateRejectedByCode,
      unexplained: report.unexplained,
      snapshots: report.snapshots,
      pushes: report.pushes,
      seconds: round(report.elapsedMs / 1000, 1),
      maxLagMs: round(report.maxLagMs),
      serverCpuPct: Math.round((cpu.user + cpu.system) / 10 / elapsedMs),
      serverStallMs: round(stalls.max / 1e6),
      consolesCpuPct: report.cpuPct,
    }
    const line = (kind: ActionKind): string => {
      const row = rows.find((r) => r.kind === kind)
      return row ? `${kind} p99 B ${row.atB.latency.p99Ms} D ${row.atD.latency.p99Ms} ms` : ''
    }
    ctx.log(
      `live room, ${result.lots} lots at ${result.compression}× (${report.display}): ` +
        `${(['floor', 'online', 'hammer'] as const).map(line).join(', ')}; ` +
        `server ${result.serverCpuPct}%, consoles ${result.consolesCpuPct}%`,
    )
    return result
  } finally {
    // Stop the consoles if still running (a failure here), by their own PID.
    if (child.exitCode === null) child.kill('SIGKILL')
    await web.close()
  }
}
