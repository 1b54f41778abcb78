// Latency samples and their percentiles. Samples are kept raw (a run holds at most a few
// million numbers), so percentiles are exact rather than bucketed.

export interface LatencySummary {
  count: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

export class Samples {
  private values: number[] = []

  add(ms: number): void {
    this.values.push(ms)
  }

  addAll(values: readonly number[]): void {
    for (const value of values) this.values.push(value)
  }

  get count(): number {
    return this.values.length
  }

  raw(): readonly number[] {
    return this.values
  }

  summary(): LatencySummary {
    const sorted = Float64Array.from(this.values).sort()
    return {
      count: sorted.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.length ? (sorted[sorted.length - 1] as number) : 0),
    }
  }
}

/** Nearest-rank percentile of sorted values; 0 for none. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank] as number
}

/** Three significant decimals is plenty for milliseconds and ratios. */
export const round = (value: number, digits = 3): number => {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

export const perSecond = (count: number, ms: number): number =>
  ms > 0 ? Math.round((count * 1000) / ms) : 0

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
