// The sale report's chart, as geometry: one column per lot in catalogue order, its low–high
// estimate as a band and its hammer as a bar, on a money axis with round ticks. Pure: the
// component draws what this answers.
import type { SaleReport } from '../../../shared/results'

export type Verdict = 'above' | 'within' | 'below' | 'unsold' | 'open'

export interface LotColumn {
  lotId: string
  number: string
  /** Left edge and width of the column's slot. */
  x: number
  width: number
  /** The estimate band's top and bottom (null without an estimate). */
  band: { top: number; bottom: number } | null
  /** The hammer bar's top (sold lots only); the bar runs down to the axis. */
  hammerTop: number | null
  verdict: Verdict
}

export interface ChartGeometry {
  width: number
  height: number
  /** The plot area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number }
  ticks: { value: number; y: number }[]
  columns: LotColumn[]
}

/** 1, 2, 2.5, 5 × 10^n: a step that gives about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (max <= 0) return 1
  const raw = max / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)
  return step ?? 10 * power
}

export function verdictOf(lot: SaleReport['perLot'][number]): Verdict {
  if (lot.status === 'sold') {
    if (lot.estimateHigh !== null && lot.hammer > lot.estimateHigh) return 'above'
    if (lot.estimateLow !== null && lot.hammer < lot.estimateLow) return 'below'
    return 'within'
  }
  if (lot.status === 'waiting' || lot.status === 'active') return 'open'
  return 'unsold'
}

export function reportChart(
  perLot: SaleReport['perLot'],
  size: { width: number; height: number; left?: number; bottom?: number },
): ChartGeometry {
  const { width, height } = size
  const plot = {
    left: size.left ?? 72,
    top: 20,
    right: width - 8,
    bottom: height - (size.bottom ?? 28),
  }
  let max = 0
  for (const lot of perLot) {
    max = Math.max(max, lot.hammer, lot.estimateHigh ?? 0, lot.estimateLow ?? 0)
  }
  const step = niceStep(max)
  const top = Math.max(step, Math.ceil(max / step) * step)
  const y = (value: number): number => plot.bottom - (value / top) * (plot.bottom - plot.top)
  const ticks: ChartGeometry['ticks'] = []
  for (let value = 0; value <= top + step / 2; value += step) ticks.push({ value, y: y(value) })
  const slot = perLot.length > 0 ? (plot.right - plot.left) / perLot.length : 0
  const columns = perLot.map((lot, index): LotColumn => {
    const low = lot.estimateLow ?? lot.estimateHigh
    const high = lot.estimateHigh ?? lot.estimateLow
    return {
      lotId: lot.lotId,
      number: lot.number,
      x: plot.left + index * slot,
      width: slot,
      band: low !== null && high !== null ? { top: y(high), bottom: y(low) } : null,
      hammerTop: lot.status === 'sold' ? y(lot.hammer) : null,
      verdict: verdictOf(lot),
    }
  })
  return { width, height, plot, ticks, columns }
}

/** "72%" for 0.7234; "—" for null. */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`
}
