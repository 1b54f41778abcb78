// Price over time as a plain SVG step line (no chart library), from the bids held.
// Redrawn at most twice a second, as a transition: under a burst of bids the chart trails
// by up to half a second instead of costing every frame. "No bids yet" is said from the
// auction's own bid count (as the history's header), never from a sample that trails it.
import { memo, useCallback, useMemo } from 'react'
import { formatMoney } from '../../../shared/money'
import { useConsole } from '../context'
import { useSampled } from '../hooks/useSampled'
import { pricePoints, stepPath } from '../lib/chart'
import { formatTime } from '../lib/format'
import type { ConsoleState } from '../store'

const WIDTH = 600
const HEIGHT = 140
const REDRAW_MS = 500

export const PriceChart = memo(function PriceChart(props: { auctionId: string; currency: string }) {
  const { auctionId, currency } = props
  const select = useCallback((state: ConsoleState) => state.histories[auctionId], [auctionId])
  const history = useSampled(select, REDRAW_MS)
  const bidCount = useConsole((state) => state.auctions[auctionId]?.bidCount ?? 0)
  const points = useMemo(() => (history ? pricePoints(history.log, history.count) : []), [history])
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) {
    return (
      <figure className="chart chart--empty" aria-label="Price over time">
        <figcaption>Price over time</figcaption>
        <p className="muted">{bidCount === 0 ? 'No bids yet.' : 'Drawing…'}</p>
      </figure>
    )
  }
  let low = first.price
  let high = first.price
  for (const point of points) {
    low = Math.min(low, point.price)
    high = Math.max(high, point.price)
  }
  const money = (minor: number): string => formatMoney(minor, currency)
  const summary = `Price over time: from ${money(first.price)} at ${formatTime(first.at)} to ${money(last.price)} at ${formatTime(last.at)}`
  return (
    <figure className="chart">
      <figcaption>Price over time</figcaption>
      <div className="chart__body">
        <div
          className={`chart__axis${low === high ? ' chart__axis--flat' : ''}`}
          aria-hidden="true"
        >
          {/* One price (one bid, or bids that never moved it) is one label, not two. */}
          <span>{money(high)}</span>
          {low === high ? null : <span>{money(low)}</span>}
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
})
