// Price over time from the bids held: each leading entry is the price from then on.
import type { BidEntry } from '../../../shared/domain'

export interface PricePoint {
  at: number
  price: number
}

/** Oldest first, at most `limit` points (later points win within a bucket). */
export function pricePoints(newestFirst: readonly BidEntry[], limit = 400): PricePoint[] {
  const points: PricePoint[] = []
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const bid = newestFirst[i] as BidEntry
    if (bid.outcome !== 'leading') continue
    const last = points[points.length - 1]
    if (last && last.at === bid.at) last.price = bid.amount
    else points.push({ at: bid.at, price: bid.amount })
  }
  if (points.length <= limit) return points
  const step = points.length / limit
  const sampled: PricePoint[] = []
  for (let i = 1; i <= limit; i++)
    sampled.push(points[Math.min(points.length - 1, Math.ceil(i * step) - 1)] as PricePoint)
  return [points[0] as PricePoint, ...sampled]
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
  const range = high - low || 1
  const x = (at: number): number => ((at - first.at) / span) * width
  const y = (price: number): number => height - 4 - ((price - low) / range) * (height - 8)
  let path = `M0 ${y(first.price).toFixed(1)}`
  for (const point of points.slice(1)) {
    path += ` H${x(point.at).toFixed(1)} V${y(point.price).toFixed(1)}`
  }
  return `${path} H${width}`
}
