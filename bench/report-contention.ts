// The contention section's tables and targets, for ./report.ts: the hot lot raced by 1 … 64
// clients (new engine, old, and the new engine at asking), and a rejected bid's Redis time
// against `return 1`.
import type { Target } from './report'
import type { Contention, ContentionRun } from './sections/contention'
import type { BidMode } from './lib/race'

export interface TableSpec {
  title: string
  header: string[]
  rows: (string | number)[][]
}

/** The goals: 64 racing clients, 3× the old engine; a rejection ≤ 2× `return 1`. */
const HOT_CLIENTS = 64
const VS_OLD_WANTED = 3
const VS_RETURN_ONE_MAX = 2

const MODE_LABEL: Record<BidMode, string> = {
  amount: 'latest seen + 0.01',
  asking: 'at asking',
}

const runLabel = (run: ContentionRun): string =>
  `${run.engine === 'sales' ? 'new' : 'old'}: ${MODE_LABEL[run.mode]}`

const times = (ratio: number): string => `${ratio}×`

export function contentionTables(c: Contention): TableSpec[] {
  const vsOld = (run: ContentionRun): string => {
    const r = c.ratios.find((x) => x.mode === run.mode && x.clients === run.concurrency)
    return run.engine === 'sales' && r ? times(r.vsOld) : ''
  }
  const tables: TableSpec[] = [
    {
      title:
        'Hot lot under contention (each client bids the latest price it has seen + 0.01; ' +
        'new and old in the same slices; script µs: Redis time per FCALL or EVALSHA, INFO commandstats)',
      header: [
        'engine: bid',
        'clients',
        'accepted/s',
        'rejected/s',
        'calls/s',
        'p50 ms',
        'p99 ms',
        'script µs',
        'new ÷ old',
      ],
      rows: c.runs.map((run) => [
        runLabel(run),
        run.concurrency,
        run.acceptedPerSec,
        run.rejectedPerSec,
        run.callsPerSec,
        run.latency.p50Ms,
        run.latency.p99Ms,
        run.redisUsPerCall ?? '-',
        vsOld(run),
      ]),
    },
  ]
  const rejected = c.rejected
  if (rejected) {
    tables.push({
      title:
        `Rejected bid, Redis µs per call (usec_per_call of FCALL, new, or EVALSHA, old, over batches of ` +
        `${rejected.callsPerBatch} calls sent at once; median of the batches)`,
      header: ['call', 'engine', 'median µs', 'per batch', '÷ return 1 (same way)'],
      rows: [
        ['return 1', 'FCALL', rejected.returnOneUs, rejected.returnOneRounds.join(' '), ''],
        [
          'return 1',
          'EVALSHA',
          rejected.returnOneEvalshaUs,
          rejected.returnOneEvalshaRounds.join(' '),
          '',
        ],
        ...rejected.paths.map((p) => [
          p.kind,
          p.engine === 'sales' ? 'new' : 'old',
          p.us,
          p.rounds.join(' '),
          times(p.vsReturnOne),
        ]),
      ],
    })
  }
  return tables
}

export function contentionTargets(c: Contention): Target[] {
  const targets: Target[] = []
  for (const mode of ['amount', 'asking'] as const) {
    const name = `hot lot, ${HOT_CLIENTS} racing clients, new (${MODE_LABEL[mode]}) ÷ old accepted/s`
    const r = c.ratios.find((x) => x.mode === mode && x.clients === HOT_CLIENTS)
    const at = (engine: ContentionRun['engine']): number | undefined =>
      c.runs.find(
        (run) =>
          run.engine === engine &&
          run.concurrency === HOT_CLIENTS &&
          run.mode === (engine === 'sales' ? mode : 'amount'),
      )?.acceptedPerSec
    if (r) {
      targets.push({
        name,
        target: `≥ ${VS_OLD_WANTED}×`,
        value: `${times(r.vsOld)} (${at('sales') ?? '?'}/s vs ${at('legacy') ?? '?'}/s)`,
        met: r.vsOld >= VS_OLD_WANTED,
      })
    }
  }
  const mine = c.rejected?.paths.filter((p) => p.engine === 'sales') ?? []
  if (c.rejected && mine.length) {
    targets.push({
      name: 'rejected bid, Redis µs per call ÷ return 1',
      target: `≤ ${VS_RETURN_ONE_MAX}×`,
      value:
        mine.map((p) => `${p.kind} ${p.us} µs = ${times(p.vsReturnOne)}`).join(', ') +
        ` (return 1: ${c.rejected.returnOneUs} µs)`,
      met: mine.every((p) => p.vsReturnOne <= VS_RETURN_ONE_MAX),
    })
  }
  return targets
}
