// Bid history, newest first, windowed: only the rows on screen exist, so 50,000 bids
// scroll smoothly and a burst of live bids re-renders only the rows that are new.
// Older pages load when the bottom comes into view.
import { memo, useDeferredValue, useEffect, useRef } from 'react'
import { useConsole, useFeed } from '../context'
import { useFullPaddles } from '../hooks/usePaddleNames'
import { useRowWindow } from '../hooks/useRowWindow'
import { plural } from '../lib/format'
import { useLocalNow } from '../lib/ticker'
import { bidAt, isFresh, newestId } from '../store/bidList'
import { BidRow, ROW_HEIGHT } from './BidRow'

const PREFETCH_ROWS = 40
const OVERSCAN = 12

/** "N bids": follows every event (the rows below may trail by a frame). */
function BidCount(props: { auctionId: string }) {
  const bidCount = useConsole((state) => state.auctions[props.auctionId]?.bidCount ?? 0)
  return <span className="muted">{plural(bidCount, 'bid')}</span>
}

export const BidHistory = memo(function BidHistory(props: {
  auctionId: string
  currency: string
  sellerId: string
}) {
  const { auctionId, currency } = props
  const fullNames = useFullPaddles(props.sellerId)
  const feed = useFeed()
  // Rows follow the store in a background render of their own: the event that moves the
  // price renders the board at once, the new rows right after, in a separate task.
  const history = useDeferredValue(useConsole((state) => state.histories[auctionId]))
  const now = useLocalNow()
  const scroller = useRef<HTMLDivElement>(null)
  const held = history?.count ?? 0
  const more = history !== undefined && !history.complete
  const rows = useRowWindow(scroller, held + (more ? 1 : 0), ROW_HEIGHT, OVERSCAN)
  // Ids are positions (1..bidCount): the newest id held is the number of bids.
  const bidCount = history ? newestId(history) : 0
  const canLoad = more && history?.loaded === true && !history.loading && !history.error
  useEffect(() => {
    if (canLoad && rows.end > held - PREFETCH_ROWS) void feed.loadOlderBids(auctionId)
  }, [canLoad, rows.end, held, feed, auctionId])

  const shown = []
  for (let index = rows.start; index < rows.end; index++) {
    const bid = history ? bidAt(history, index) : undefined
    if (bid) {
      shown.push(
        <BidRow
          key={bid.id}
          bid={bid}
          currency={currency}
          fullNames={fullNames}
          index={index}
          fresh={history ? isFresh(history, bid.id, now) : false}
          rowIndex={bidCount - bid.id + 2}
        />,
      )
    } else {
      shown.push(
        <div
          key="more"
          className="history__row history__row--more"
          style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
          role="row"
        >
          <span role="cell">
            {history?.error ? `Could not load older bids: ${history.error}` : 'Loading older bids…'}
          </span>
        </div>,
      )
    }
  }

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="history__header">
        <h2 id="history-title">Bid history</h2>
        <BidCount auctionId={auctionId} />
      </header>
      <div
        className="history__table"
        role="table"
        aria-label="Bid history, newest first"
        aria-rowcount={bidCount + 1}
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
          <div className="history__space" style={{ height: rows.totalHeight }} role="rowgroup">
            {shown}
          </div>
        </div>
        {history && !history.loaded && history.loading ? (
          <p className="muted history__note">Loading…</p>
        ) : null}
        {history?.loaded && held === 0 ? <p className="muted history__note">No bids yet.</p> : null}
      </div>
    </section>
  )
})
