// Price over time as a plain SVG step line (no chart library), from the bids held.
import { useMemo } from 'react'
import type { Auction } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { useConsole } from '../context'
import { pricePoints, stepPath } from '../lib/chart'
import { formatTime } from '../lib/format'

const WIDTH = 600
const HEIGHT = 140

export function PriceChart(props: { auction: Auction }) {
  const { auction } = props
  const history = useConsole((state) => state.histories[auction.id])
  const points = useMemo(() => (history ? pricePoints(history.log, history.count) : []), [history])
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) {
    return (
      <figure className="chart chart--empty" aria-label="Price over time">
        <figcaption>Price over time</figcaption>
        <p className="muted">No bids yet.</p>
      </figure>
    )
  }
  const low = Math.min(...points.map((p) => p.price))
  const high = Math.max(...points.map((p) => p.price))
  const money = (minor: number): string => formatMoney(minor, auction.currency)
  const summary = `Price over time: from ${money(first.price)} at ${formatTime(first.at)} to ${money(last.price)} at ${formatTime(last.at)}`
  return (
    <figure className="chart">
      <figcaption>Price over time</figcaption>
      <div className="chart__body">
        <div className="chart__axis" aria-hidden="true">
          <span>{money(high)}</span>
          <span>{money(low)}</span>
        </div>
        <svg
          className="chart__svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary}
          data-testid="price-chart"
        >
          <line className="chart__grid" x1="0" x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
          <path className="chart__line" d={stepPath(points, WIDTH, HEIGHT)} />
        </svg>
      </div>
      <div className="chart__times" aria-hidden="true">
        <span>{formatTime(first.at)}</span>
        <span>{formatTime(last.at)}</span>
      </div>
    </figure>
  )
}
