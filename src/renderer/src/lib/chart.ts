// Price over time from the bids held: each leading entry is the price from then on.
import type { BidEntry } from '../../../shared/domain'

export interface PricePoint {
  at: number
  price: number
}

/**
 * Price points, oldest first, from a history log (oldest first, `count` entries): at most
 * about `limit` points, sampled evenly, so 50,000 bids cost no more than 400 per render.
 * The price after any bid is the amount of the latest leading entry at or before it.
 */
export function pricePoints(log: readonly BidEntry[], count: number, limit = 400): PricePoint[] {
  const points: PricePoint[] = []
  if (count === 0) return points
  const step = Math.max(1, (count - 1) / limit)
  for (let position = 0; ; position += step) {
    const index = Math.min(count - 1, Math.round(position))
    let leading = index
    while (leading > 0 && (log[leading] as BidEntry).outcome !== 'leading') leading--
    const at = (log[index] as BidEntry).at
    const price = (log[leading] as BidEntry).amount
    const last = points[points.length - 1]
    if (last && last.at === at) last.price = price
    else points.push({ at, price })
    if (index === count - 1) break
  }
  return points
}

/** An SVG step path in a width × height box; times and prices scaled to fit. */
export function stepPath(points: readonly PricePoint[], width: number, height: number): string {
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) return ''
  const low = Math.min(...points.map((p) => p.price))
  const high = Math.max(...points.map((p) => p.price))
  // The last price holds to the right edge: keep 8% of the width for it to show.
  const span = (last.at - first.at || 1) / 0.92
  const range = high - low
  const x = (at: number): number => ((at - first.at) / span) * width
  // A flat price sits in the middle, next to its one axis label.
  const y = (price: number): number =>
    range === 0 ? height / 2 : height - 4 - ((price - low) / range) * (height - 8)
  let path = `M0 ${y(first.price).toFixed(1)}`
  for (const point of points.slice(1)) {
    path += ` H${x(point.at).toFixed(1)} V${y(point.price).toFixed(1)}`
  }
  return `${path} H${width}`
}
