// Sections 1 and 2 together: at one concurrency, the bid workloads and the ceiling scripts
// take turns in short slices, several rounds, so a change in machine load during the run hits
// all of them alike and the ratios stay fair.
import type { BenchContext } from '../lib/context'
import { mergeRuns, runClosedLoop, type LoadResult, type Outcome } from '../lib/load'

export interface Contender {
  name: string
  call: () => Promise<Outcome>
}

/** Later slices only need the connection busy again; the JIT is warm after the first. */
const REWARM_MS = 200

export async function interleave(
  ctx: BenchContext,
  concurrency: number,
  contenders: readonly Contender[],
): Promise<Map<string, LoadResult>> {
  const { rounds, throughputMs, warmupMs } = ctx.sizes
  const slices = new Map<string, LoadResult[]>(contenders.map((c) => [c.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const contender of contenders) {
      const slice = await runClosedLoop({
        concurrency,
        warmupMs: round === 0 ? warmupMs : Math.min(REWARM_MS, warmupMs),
        durationMs: throughputMs / rounds,
        call: contender.call,
      })
      slices.get(contender.name)?.push(slice)
    }
  }
  const merged = new Map<string, LoadResult>()
  for (const [name, runs] of slices) {
    const result = mergeRuns(runs)
    merged.set(name, result)
    ctx.log(
      `${name} × ${concurrency}: ${result.acceptedPerSec}/s accepted, ${result.rejected} ` +
        `rejected, p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms`,
    )
  }
  return merged
}
