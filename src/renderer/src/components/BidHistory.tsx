// Bid history, newest first, virtualized: only the rows on screen exist, so 50,000 bids
// scroll smoothly. Older pages load when the bottom comes into view.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { Auction, BidEntry } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { useConsole, useFeed } from '../context'
import { formatTime, maskBidder } from '../lib/format'
import { useLocalNow } from '../lib/ticker'
import { bidAt, isFresh } from '../store/bidList'

const ROW_HEIGHT = 30
const PREFETCH_ROWS = 40

const SOURCE: Record<BidEntry['source'], string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Online',
  absentee: 'Absentee',
}

export function BidHistory(props: { auction: Auction }) {
  const { auction } = props
  const feed = useFeed()
  const history = useConsole((state) => state.histories[auction.id])
  const now = useLocalNow()
  const scroller = useRef<HTMLDivElement>(null)
  const held = history?.count ?? 0
  const more = history !== undefined && !history.complete
  // TanStack Virtual is not memoizable by the React compiler; we do not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: held + (more ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const lastShown = items[items.length - 1]?.index ?? -1
  const canLoad = more && history?.loaded === true && !history.loading && !history.error
  useEffect(() => {
    if (canLoad && lastShown >= held - PREFETCH_ROWS) void feed.loadOlderBids(auction.id)
  }, [canLoad, lastShown, held, feed, auction.id])

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="history__header">
        <h2 id="history-title">Bid history</h2>
        <span className="muted">{auction.bidCount.toLocaleString()} bids</span>
      </header>
      <div
        className="history__table"
        role="table"
        aria-label="Bid history, newest first"
        aria-rowcount={auction.bidCount + 1}
      >
        <div className="history__row history__row--head" role="row" aria-rowindex={1}>
          <span role="columnheader">#</span>
          <span role="columnheader">Time</span>
          <span role="columnheader">Paddle</span>
          <span role="columnheader" className="num">
            Amount
          </span>
          <span role="columnheader">Type</span>
          <span role="columnheader">Source</span>
        </div>
        <div
          className="history__scroll"
          ref={scroller}
          tabIndex={0}
          aria-label="Bids"
          data-testid="bid-history"
        >
          <div
            className="history__space"
            style={{ height: virtualizer.getTotalSize() }}
            role="rowgroup"
          >
            {items.map((item) => {
              const bid = history ? bidAt(history, item.index) : undefined
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }
              if (!bid) {
                return (
                  <div
                    key="more"
                    className="history__row history__row--more"
                    style={style}
                    role="row"
                  >
                    <span role="cell">
                      {history?.error
                        ? `Could not load older bids: ${history.error}`
                        : 'Loading older bids…'}
                    </span>
                  </div>
                )
              }
              const fresh = history ? isFresh(history, bid.id, now) : false
              return (
                <div
                  key={bid.id}
                  className={`history__row ${fresh ? 'history__row--fresh' : ''} ${bid.outcome === 'leading' ? '' : 'history__row--outbid'}`}
                  style={style}
                  role="row"
                  aria-rowindex={auction.bidCount - bid.id + 2}
                  data-testid="bid-row"
                >
                  <span role="cell" className="muted">
                    {bid.id}
                  </span>
                  <span role="cell">{formatTime(bid.at)}</span>
                  <span role="cell">{maskBidder(bid.bidderId)}</span>
                  <span role="cell" className="num strong">
                    {formatMoney(bid.amount, auction.currency)}
                  </span>
                  <span role="cell">{bid.kind === 'auto' ? 'Proxy' : 'Bid'}</span>
                  <span role="cell">{bid.kind === 'auto' ? '—' : SOURCE[bid.source]}</span>
                </div>
              )
            })}
          </div>
        </div>
        {history && !history.loaded && history.loading ? (
          <p className="muted history__note">Loading…</p>
        ) : null}
        {history?.loaded && held === 0 ? <p className="muted history__note">No bids yet.</p> : null}
      </div>
    </section>
  )
}
