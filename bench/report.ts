// Turns suite results into the targets check, the stdout table and the JSON file.
import type { Machine } from './lib/machine'
import { percentile } from './lib/stats'
import { contentionTables, contentionTargets } from './report-contention'
import { liveTables, liveTarget } from './report-live'
import type { MemoryUse } from './sections/memory'
import type { ThroughputRun } from './sections/throughput'
import type { Ratio, SuiteResults } from './suite'

export interface Target {
  name: string
  target: string
  value: string
  met: boolean
}

export interface BenchReport extends SuiteResults {
  startedAt: string
  quick: boolean
  seconds: number
  machine: Machine
  targets: Target[]
}

export function checkTargets(results: SuiteResults): Target[] {
  const targets: Target[] = []
  const hot64 = results.ratios.find((r) => r.workload === 'hot' && r.concurrency === 64)
  if (hot64) {
    targets.push({
      name: 'hot lot, 64 bidders, vs return-1 ceiling',
      target: '≥ 50%',
      value: pct(hot64.vsReturnOne),
      met: hot64.vsReturnOne >= 0.5,
    })
  }
  if (results.ratios.length) {
    const sorted = [...results.ratios].sort((a, b) => a.vsOld - b.vsOld)
    const low = sorted[0] as Ratio
    const high = sorted[sorted.length - 1] as Ratio
    const at = (r: Ratio): string => `${WORKLOAD_SHORT[r.workload]} × ${r.concurrency}`
    targets.push({
      name: 'bids/s, this engine ÷ the previous one, same run',
      target: '≥ 100% for every workload and concurrency',
      value: `${pct(low.vsOld)} (${at(low)}) … ${pct(high.vsOld)} (${at(high)})`,
      met: low.vsOld >= 1,
    })
  }
  if (results.contention) targets.push(...contentionTargets(results.contention))
  if (results.events) {
    const { latency, missing } = results.events
    targets.push({
      name: `event latency p99 at ${results.events.offeredPerSec} bids/s`,
      target: '< 5 ms, none missing',
      value: `${latency.p99Ms} ms, ${missing} missing`,
      met: latency.p99Ms < 5 && missing === 0,
    })
  }
  if (results.relay) {
    const { latency, missing, offeredPerSec, lots } = results.relay
    targets.push({
      name: `relay event p99 at ${offeredPerSec} bids/s over ${lots} lots`,
      target: '< 2 ms, none missing',
      value: `${latency.p99Ms} ms, ${missing} missing`,
      met: latency.p99Ms < 2 && missing === 0,
    })
  }
  if (results.live) targets.push(liveTarget(results.live))
  if (results.closing) {
    const { lateness, exactlyOnce, lots, sales } = results.closing
    targets.push({
      name: `closing lateness, ${lots} lots in ${sales} timed sales`,
      target: 'p99 < 100 ms, max < 250 ms, one auction_ended each',
      value: `p99 ${lateness.p99Ms} ms, max ${lateness.maxMs} ms, exactly once: ${exactlyOnce}`,
      met: lateness.p99Ms < 100 && lateness.maxMs < 250 && exactlyOnce,
    })
  }
  if (results.memory.length) {
    const perBid = Math.max(...results.memory.map((m) => m.bytesPerBid ?? m.keyBytesPerBid))
    targets.push({
      name: 'Redis memory per stored bid (worst case)',
      target: '< 300 B',
      value: `${perBid} B`,
      met: perBid < 300,
    })
  }
  return targets
}

const WORKLOAD_SHORT: Record<Ratio['workload'], string> = {
  hot: 'hot lot',
  spread: 'spread',
  standalone: 'standalone',
}

/** A bid run's row label. */
function workloadLabel(run: ThroughputRun): string {
  if (run.engine === 'legacy') {
    return run.lots === 1 ? 'old engine: one auction' : `old engine: ${run.lots} auctions`
  }
  if (run.workload === 'standalone') return 'standalone auction'
  if (run.workload === 'hot') return 'hot lot of a sale'
  return `${run.lots} lots in ${run.sales} sales`
}

const pct = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`

function table(title: string, header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [`\n${title}`, line(header), ...cells.slice(1).map(line)].join('\n')
}

export function renderTables(report: BenchReport): string {
  const out: string[] = []
  const m = report.machine
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.ramGiB} GiB, Node ${m.node}, Redis ${m.redis}, ` +
      `load ${m.loadStart} → ${m.loadEnd ?? '?'}${report.quick ? ' (quick run)' : ''}`,
  )
  if (report.throughput.length) {
    const ratioOf = (run: ThroughputRun): Ratio | undefined =>
      run.engine === 'sales'
        ? report.ratios.find(
            (r) => r.workload === run.workload && r.concurrency === run.concurrency,
          )
        : undefined
    out.push(
      table(
        'Bid throughput (placeBid, one client; the old engine on the same client, same slices; ' +
          'script µs: Redis time per FCALL or EVALSHA, INFO commandstats)',
        [
          'workload',
          'bidders',
          'accepted/s',
          'rejected',
          'p50 ms',
          'p99 ms',
          'script µs',
          'vs return 1',
          'vs same calls',
          'vs old',
        ],
        report.throughput.map((run) => {
          const r = ratioOf(run)
          return [
            workloadLabel(run),
            run.concurrency,
            run.acceptedPerSec,
            run.rejected,
            run.latency.p50Ms,
            run.latency.p99Ms,
            run.redisUsPerCall ?? '-',
            r ? pct(r.vsReturnOne) : '',
            r ? pct(r.vsSameCalls) : '',
            r ? pct(r.vsOld) : '',
          ]
        }),
      ),
      table(
        'This engine ÷ the previous one (same load, same run; CPU µs per bid: Redis, Node)',
        [
          'workload',
          'bidders',
          'new/s',
          'old/s',
          'new ÷ old',
          'rounds: median',
          'min',
          'max',
          'Redis new',
          'old',
          'Node new',
          'old',
        ],
        report.ratios.map((r) => {
          const mine = report.throughput.find(
            (t) =>
              t.engine === 'sales' && t.workload === r.workload && t.concurrency === r.concurrency,
          )
          const theirs = report.throughput.find(
            (t) =>
              t.engine === 'legacy' &&
              t.workload === (r.workload === 'spread' ? 'spread' : 'hot') &&
              t.concurrency === r.concurrency,
          )
          const rounds = [...r.vsOldRounds].sort((a, b) => a - b)
          return [
            `${mine ? workloadLabel(mine) : r.workload} ÷ ${theirs?.lots ?? '?'} old`,
            r.concurrency,
            mine?.acceptedPerSec ?? '',
            theirs?.acceptedPerSec ?? '',
            pct(r.vsOld),
            pct(percentile(rounds, 0.5)),
            pct(rounds[0] ?? 0),
            pct(rounds[rounds.length - 1] ?? 0),
            mine?.redisCpuUs ?? '',
            theirs?.redisCpuUs ?? '',
            mine?.nodeCpuUs ?? '',
            theirs?.nodeCpuUs ?? '',
          ]
        }),
      ),
      ...(report.scriptCost
        ? [
            table(
              `Redis CPU per accepted bid (batches of ${report.scriptCost.bidsPerBatch} pipelined bids on one lot, new and old in turn)`,
              ['script', 'median µs', 'per batch'],
              [
                ['placeBid-2.lua', report.scriptCost.newUs, report.scriptCost.newRounds.join(' ')],
                [
                  'old place_bid.lua',
                  report.scriptCost.oldUs,
                  report.scriptCost.oldRounds.join(' '),
                ],
                ['new ÷ old', pct(report.scriptCost.ratio), ''],
              ],
            ),
          ]
        : []),
      table(
        'Ceiling (EVALSHA on the same client; script µs: Redis time per FCALL or EVALSHA, INFO commandstats)',
        [
          'script',
          'concurrency',
          'calls/s',
          'p50 ms',
          'p99 ms',
          'Redis µs',
          'Node µs',
          'script µs',
        ],
        report.ceiling.map((c) => [
          c.script === 'returnOne' ? 'return 1' : 'same calls, no logic',
          c.concurrency,
          c.callsPerSec,
          c.latency.p50Ms,
          c.latency.p99Ms,
          c.redisCpuUs,
          c.nodeCpuUs,
          c.redisUsPerCall ?? '-',
        ]),
      ),
    )
  }
  if (report.contention) {
    out.push(...contentionTables(report.contention).map((t) => table(t.title, t.header, t.rows)))
  }
  if (report.events) {
    const e = report.events
    out.push(
      table(
        "Event latency (placeBid call → the lot's feed on its sale channel)",
        ['offered/s', 'events', 'missing', 'p50 ms', 'p99 ms', 'max ms', 'call p99 ms'],
        [
          [
            e.offeredPerSec,
            e.received,
            e.missing,
            e.latency.p50Ms,
            e.latency.p99Ms,
            e.latency.maxMs,
            e.callLatency.p99Ms,
          ],
        ],
      ),
    )
  }
  if (report.relay) {
    const r = report.relay
    out.push(
      table(
        "Event latency through the relay (bids:place on console A's WebSocket → bid_placed in " +
          "console B's sale:events; the consoles in their own process, the web server in this " +
          "one; B − A: a bid's event at B minus its answer at A, the relay's share)",
        [
          'offered/s',
          'lots',
          'sent',
          'accepted',
          'events at B',
          'missing',
          'pushes',
          'p50 ms',
          'p99 ms',
          'max ms',
          'call p99 ms',
          'B − A p50 ms',
          'p99',
          'send lag ms',
          'server CPU',
          'consoles CPU',
          'stall ms',
        ],
        [
          [
            r.offeredPerSec,
            r.lots,
            r.sent,
            r.accepted,
            r.received,
            r.missing,
            r.pushes,
            r.latency.p50Ms,
            r.latency.p99Ms,
            r.latency.maxMs,
            r.callLatency.p99Ms,
            r.hopLatency.p50Ms,
            r.hopLatency.p99Ms,
            r.maxSendLagMs,
            `${r.serverCpuPct}%`,
            `${r.consolesCpuPct}%`,
            r.serverStallMs,
          ],
        ],
      ),
    )
  }
  if (report.live) {
    out.push(...liveTables(report.live).map((t) => table(t.title, t.header, t.rows)))
  }
  if (report.closing) {
    const c = report.closing
    out.push(
      table(
        'Closing accuracy (auction_ended at − lot endsAt, server clock)',
        [
          'lots',
          'sales',
          'interval ms',
          'window s',
          'schedulers',
          'ended',
          'duplicates',
          'missing',
          'sales closed',
          'p50 ms',
          'p99 ms',
          'max ms',
        ],
        [
          [
            c.lots,
            c.sales,
            c.closeIntervalMs,
            c.windowMs / 1000,
            c.schedulers,
            c.ended,
            c.duplicates,
            c.missing,
            c.salesClosed,
            c.lateness.p50Ms,
            c.lateness.p99Ms,
            c.lateness.maxMs,
          ],
        ],
      ),
    )
  }
  if (report.memory.length) {
    const perBid = (bytes: number, m: MemoryUse): number => Math.round(bytes / m.storedBids)
    out.push(
      table(
        'Memory (bytes)',
        [
          'lots',
          'in',
          'bids each',
          'per bid: used_memory',
          'keys',
          'history',
          'request ids',
          'bidder index',
          'per lot: used_memory',
          'keys',
        ],
        report.memory.map((m) => [
          m.lots,
          m.layout === 'standalone' ? 'standalone' : `${m.sales} sale${m.sales === 1 ? '' : 's'}`,
          m.bidsPerLot,
          m.bytesPerBid ?? '-',
          m.keyBytesPerBid,
          perBid(m.keys.bidHistories, m),
          perBid(m.keys.requestHashes, m),
          perBid(m.keys.bidderIndices, m),
          m.bytesPerLot ?? '-',
          m.keyBytesPerLot,
        ]),
      ),
    )
  }
  if (report.scaling.length) {
    out.push(
      table(
        'Scaling (one hot lot of a sale, engine processes)',
        [
          'processes',
          'bidders each',
          'accepted/s',
          'rejected/s',
          'calls/s',
          'p50 ms',
          'p99 ms',
          'bid count = history',
        ],
        report.scaling.map((s) => [
          s.processes,
          s.concurrencyPerProcess,
          s.acceptedPerSec,
          s.callsPerSec - s.acceptedPerSec,
          s.callsPerSec,
          s.latency.p50Ms,
          s.latency.p99Ms,
          s.consistent ? `yes (${s.historyLength})` : `NO (${s.bidCount} ≠ ${s.historyLength})`,
        ]),
      ),
    )
  }
  if (report.diagnostics.length) {
    out.push(
      table(
        'While it ran (stalls here mean a busy machine, not a slow engine)',
        [
          'section',
          's',
          'event-loop max ms',
          'event-loop p99 ms',
          'delayed fsyncs',
          'forks',
          'load',
        ],
        report.diagnostics.map((d) => [
          d.section,
          d.seconds,
          d.eventLoopDelayMaxMs,
          d.eventLoopDelayP99Ms,
          d.aofDelayedFsync,
          d.redisForks,
          d.load1m,
        ]),
      ),
    )
  }
  out.push(
    table(
      'Targets',
      ['target', 'wanted', 'measured', 'met'],
      report.targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : 'NO']),
    ),
  )
  return out.join('\n')
}

/** The JSON form: everything but the raw latency samples. */
export function toJson(report: BenchReport): string {
  return JSON.stringify(report, (key, value: unknown) => (key === 'samples' ? undefined : value), 2)
}
