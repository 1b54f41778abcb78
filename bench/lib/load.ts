// Closed-loop load: N concurrent callers, each sending its next call when the previous one
// answered. A warm-up runs first and is not counted; a call counts when it completes inside
// the measured window.
import { performance } from 'node:perf_hooks'
import { Samples, perSecond, type LatencySummary } from './stats'

/** What one call reports: accepted, or rejected with an error code. */
export type Outcome = { ok: true } | { ok: false; code: string }

export interface LoadOptions {
  concurrency: number
  warmupMs: number
  durationMs: number
  /** One call; `worker` is the caller's index (0 … concurrency-1). */
  call: (worker: number) => Promise<Outcome>
}

export interface LoadResult {
  concurrency: number
  seconds: number
  calls: number
  accepted: number
  rejected: number
  rejectedByCode: Record<string, number>
  callsPerSec: number
  acceptedPerSec: number
  latency: LatencySummary
  /** Raw latencies (ms), for merging across processes; dropped from the JSON output. */
  samples: Samples
}

export async function runClosedLoop(options: LoadOptions): Promise<LoadResult> {
  const samples = new Samples()
  const rejectedByCode: Record<string, number> = {}
  let accepted = 0
  const begin = performance.now() + options.warmupMs
  const end = begin + options.durationMs

  const caller = async (worker: number): Promise<void> => {
    while (performance.now() < end) {
      const sent = performance.now()
      const outcome = await options.call(worker)
      const done = performance.now()
      if (sent < begin || done > end) continue
      samples.add(done - sent)
      if (outcome.ok) accepted++
      else {
        rejectedByCode[outcome.code] = (rejectedByCode[outcome.code] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => caller(i)))
  return summarize(options.concurrency, options.durationMs, samples, accepted, rejectedByCode)
}

export function summarize(
  concurrency: number,
  durationMs: number,
  samples: Samples,
  accepted: number,
  rejectedByCode: Record<string, number>,
): LoadResult {
  const rejected = Object.values(rejectedByCode).reduce((a, b) => a + b, 0)
  return {
    concurrency,
    seconds: durationMs / 1000,
    calls: accepted + rejected,
    accepted,
    rejected,
    rejectedByCode,
    callsPerSec: perSecond(accepted + rejected, durationMs),
    acceptedPerSec: perSecond(accepted, durationMs),
    latency: samples.summary(),
    samples,
  }
}

/** Several runs of the same load as one: samples and counts added, durations summed. */
export function mergeRuns(runs: readonly LoadResult[]): LoadResult {
  const samples = new Samples()
  const rejectedByCode: Record<string, number> = {}
  let accepted = 0
  let durationMs = 0
  for (const run of runs) {
    samples.addAll(run.samples.raw())
    accepted += run.accepted
    durationMs += run.seconds * 1000
    for (const [code, n] of Object.entries(run.rejectedByCode)) {
      rejectedByCode[code] = (rejectedByCode[code] ?? 0) + n
    }
  }
  return summarize(runs[0]?.concurrency ?? 0, durationMs, samples, accepted, rejectedByCode)
}
