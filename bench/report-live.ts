// The live room section's tables and target, for ./report.ts: per action, call start at
// the console that made it → its event at the second clerk console (B) and at the room
// display (D); and what the simulated sale did.
import type { Target } from './report'
import type { TableSpec } from './report-contention'
import type { LiveActionRow, LiveRoom } from './sections/live-room'

/** The clerk's actions the target is about, and how soon the room display must show them. */
const TARGET_KINDS = ['floor', 'hammer'] as const
const DISPLAY_P99_MS = 50

const LABEL: Record<LiveActionRow['kind'], string> = {
  offer: 'offer (next lot)',
  floor: 'floor key',
  online: 'online bid',
  warn: 'fair warning',
  hammer: 'hammer',
  pass: 'pass',
}

const codes = (byCode: Record<string, number>): string =>
  Object.entries(byCode)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ') || '0'

export function liveTables(live: LiveRoom): TableSpec[] {
  const rejected = live.rows.reduce((sum, r) => sum + r.actions - r.accepted, 0)
  return [
    {
      title:
        `Live sale room (a live sale of ${live.lots} lots, a lot every ${live.lotMs} ms: ` +
        `a fast room's 30 s ÷ ${live.compression}; call start at A or C → the event at clerk ` +
        `console B and at the room display D, through the relay; D: ${live.display})`,
      header: [
        'action',
        'from',
        'actions',
        'accepted',
        'rejected',
        'B p50 ms',
        'p99',
        'max',
        'D p50 ms',
        'p99',
        'max',
        'heard B',
        'D',
        'missing',
        'dup',
        'call p50 ms',
        'p99',
      ],
      rows: live.rows.map((r) => [
        LABEL[r.kind],
        r.from,
        r.actions,
        r.accepted,
        codes(r.rejectedByCode),
        r.atB.latency.p50Ms,
        r.atB.latency.p99Ms,
        r.atB.latency.maxMs,
        r.atD.latency.p50Ms,
        r.atD.latency.p99Ms,
        r.atD.latency.maxMs,
        r.atB.heard,
        r.atD.heard,
        r.atB.missing + r.atD.missing,
        r.atB.duplicates + r.atD.duplicates,
        r.call.p50Ms,
        r.call.p99Ms,
      ]),
    },
    {
      title:
        `Live sale room, the run (late bids: sent by C as the hammer fell; ` +
        `room display: ${live.display}, ${live.displayNote})`,
      header: [
        'lots',
        'lot ms',
        'faster than real',
        'bids',
        'bursts',
        'bids in bursts',
        'rejected',
        'late bids',
        'answered',
        'unexplained',
        'resyncs',
        's',
        'lag ms',
        'server CPU',
        'consoles CPU',
        'stall ms',
      ],
      rows: [
        [
          live.lots,
          live.lotMs,
          `${live.compression}×`,
          live.bids,
          live.bursts,
          live.burstBids,
          rejected,
          live.lateBids,
          codes(live.lateRejectedByCode),
          (live.unexplained.B ?? 0) + (live.unexplained.D ?? 0),
          (live.snapshots.B ?? 0) + (live.snapshots.D ?? 0),
          live.seconds,
          live.maxLagMs,
          `${live.serverCpuPct}%`,
          `${live.consolesCpuPct}%`,
          live.serverStallMs,
        ],
      ],
    },
  ]
}

/**
 * The clerk's floor key and hammer on the room display within 50 ms at p99, and every
 * action of the run heard exactly once at B and at D.
 */
export function liveTarget(live: LiveRoom): Target {
  const p99 = TARGET_KINDS.map((kind) => ({
    kind,
    ms: live.rows.find((r) => r.kind === kind)?.atD.latency.p99Ms ?? Infinity,
  }))
  const missing = live.rows.reduce((sum, r) => sum + r.atB.missing + r.atD.missing, 0)
  // An event no action explains is a copy under another key (a second fair warning).
  const duplicates =
    live.rows.reduce((sum, r) => sum + r.atB.duplicates + r.atD.duplicates, 0) +
    Object.values(live.unexplained).reduce((sum, n) => sum + n, 0)
  return {
    name: `live room, ${live.lots} lots at ${live.compression}× pace: clerk action → room display`,
    target: `floor key and hammer p99 < ${DISPLAY_P99_MS} ms, each event once at B and D`,
    value:
      `${p99.map((p) => `${LABEL[p.kind]} ${p.ms} ms`).join(', ')}; ` +
      `${missing} missing, ${duplicates} duplicates`,
    met: p99.every((p) => p.ms < DISPLAY_P99_MS) && missing === 0 && duplicates === 0,
  }
}
