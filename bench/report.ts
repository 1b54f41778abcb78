// Turns suite results into the targets check, the stdout table and the JSON file.
import type { Machine } from './lib/machine'
import type { MemoryUse } from './sections/memory'
import type { SuiteResults } from './suite'

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
      name: 'hot auction, 64 bidders, vs return-1 ceiling',
      target: '≥ 50%',
      value: pct(hot64.vsReturnOne),
      met: hot64.vsReturnOne >= 0.5,
    })
  }
  if (results.events) {
    const { latency, missing } = results.events
    targets.push({
      name: `event latency p99 at ${results.events.offeredPerSec} bids/s`,
      target: '< 5 ms, none missing',
      value: `${latency.p99Ms} ms, ${missing} missing`,
      met: latency.p99Ms < 5 && missing === 0,
    })
  }
  if (results.closing) {
    const { lateness, exactlyOnce, auctions } = results.closing
    targets.push({
      name: `closing lateness, ${auctions} auctions`,
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
    out.push(
      table(
        'Bid throughput (AuctionEngine.placeBid, one client)',
        [
          'workload',
          'bidders',
          'accepted/s',
          'rejected',
          'p50 ms',
          'p99 ms',
          'vs return 1',
          'vs same calls',
        ],
        report.throughput.map((run) => {
          const r = report.ratios.find(
            (x) => x.workload === run.workload && x.concurrency === run.concurrency,
          )
          return [
            run.workload === 'hot' ? 'one hot auction' : `${run.auctions} auctions`,
            run.concurrency,
            run.acceptedPerSec,
            run.rejected,
            run.latency.p50Ms,
            run.latency.p99Ms,
            r ? pct(r.vsReturnOne) : '',
            r ? pct(r.vsSameCalls) : '',
          ]
        }),
      ),
      table(
        'Ceiling (EVALSHA on the same client)',
        ['script', 'concurrency', 'calls/s', 'p50 ms', 'p99 ms'],
        report.ceiling.map((c) => [
          c.script === 'returnOne' ? 'return 1' : 'same calls, no logic',
          c.concurrency,
          c.callsPerSec,
          c.latency.p50Ms,
          c.latency.p99Ms,
        ]),
      ),
    )
  }
  if (report.events) {
    const e = report.events
    out.push(
      table(
        'Event latency (placeBid call → subscriber)',
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
  if (report.closing) {
    const c = report.closing
    out.push(
      table(
        'Closing accuracy (event at − endsAt, server clock)',
        [
          'auctions',
          'window s',
          'schedulers',
          'ended',
          'duplicates',
          'missing',
          'p50 ms',
          'p99 ms',
          'max ms',
        ],
        [
          [
            c.auctions,
            c.windowMs / 1000,
            c.schedulers,
            c.ended,
            c.duplicates,
            c.missing,
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
          'auctions',
          'bids each',
          'per bid: used_memory',
          'keys',
          'history',
          'request ids',
          'bidder index',
          'per auction: used_memory',
          'keys',
        ],
        report.memory.map((m) => [
          m.auctions,
          m.bidsPerAuction,
          m.bytesPerBid ?? '-',
          m.keyBytesPerBid,
          perBid(m.keys.bidHistories, m),
          perBid(m.keys.requestHashes, m),
          perBid(m.keys.bidderIndices, m),
          m.bytesPerAuction ?? '-',
          m.keyBytesPerAuction,
        ]),
      ),
    )
  }
  if (report.scaling.length) {
    out.push(
      table(
        'Scaling (one hot auction, engine processes)',
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
