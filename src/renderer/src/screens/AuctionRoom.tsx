// The auction room: everything a clerk needs about one lot at a glance, the bid entry,
// the history and the price chart. Watching starts on entry and stops on leaving.
//
// Under a burst of bids only what moves re-renders: the board and the form follow every
// event; the history (memoized, windowed rows) follows its own slice of the store; the
// chart is sampled twice a second. History and chart mount one step after the room, as a
// deferred render, so opening a room is not one long task. Every action has its key
// (lib/shortcuts.ts), shown on its button.
import { useDeferredValue, useEffect } from 'react'
import { saleIdOf } from '../../../shared/domain'
import { AuctionActions } from '../components/AuctionActions'
import { BidForm } from '../components/BidForm'
import { BidHistory } from '../components/BidHistory'
import { Kbd, keyshortcut } from '../components/Kbd'
import { PriceChart } from '../components/PriceChart'
import { RoomBoard } from '../components/RoomBoard'
import { RoomMissing } from '../components/RoomMissing'
import { StarButton } from '../components/StarButton'
import { StatusBadge } from '../components/StatusBadge'
import { useConsole, useFeed } from '../context'
import { useShortcuts } from '../hooks/useShortcuts'
import { useStale } from '../hooks/useStale'
import type { Route } from '../store'

export function AuctionRoom(props: { auctionId: string }) {
  const { auctionId } = props
  const feed = useFeed()
  const auction = useConsole((state) => state.auctions[auctionId])
  const refused = useConsole((state) => state.refused[auctionId])
  const viewers = useConsole((state) => state.viewers[auctionId])
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const openHistory = useConsole((state) => state.openHistory)
  const closeHistory = useConsole((state) => state.closeHistory)
  const go = useConsole((state) => state.go)
  const toggleStar = useConsole((state) => state.toggleStar)
  const { stale } = useStale()
  // false on the first render, true in a background render right after it.
  const showDetail = useDeferredValue(true, false)

  useEffect(() => {
    const release = feed.watches.acquire(auctionId)
    openHistory(auctionId)
    void feed.loadNewestBids(auctionId)
    return () => {
      release()
      closeHistory(auctionId)
    }
  }, [auctionId, feed, openHistory, closeHistory])

  // A lot of a sale goes back to its sale; a single auction (its own sale) to its list.
  const saleId = saleIdOf(auctionId)
  const back: Route = saleId !== auctionId ? { screen: 'sale', saleId } : { screen: 'auctions' }
  useShortcuts({
    back: () => go(back),
    watch: auction ? () => toggleStar(auctionId) : undefined,
  })

  if (!auction) {
    if (refused) return <RoomMissing auctionId={auctionId} error={refused} />
    return (
      <main className="screen">
        <p className="empty">Loading auction…</p>
      </main>
    )
  }
  // Bids can be entered while an auction is live or about to be; not once it is over.
  const open = auction.status !== 'ended' && auction.status !== 'cancelled'
  return (
    <main className="screen room" aria-labelledby="room-title" data-testid="room">
      <header className="room__header">
        <button
          type="button"
          className="button button--quiet room__back"
          aria-keyshortcuts={keyshortcut('back')}
          onClick={() => go(back)}
        >
          {back.screen === 'sale'
            ? `← Sale${auction.number ? ` · lot ${auction.number}` : ''}`
            : '← Auctions'}{' '}
          <Kbd name="back" />
        </button>
        <div className="room__heading">
          <StarButton auctionId={auction.id} title={auction.title} shortcut />
          <h1 id="room-title" data-testid="room-title">
            {auction.title}
          </h1>
          <StatusBadge status={auction.status} stale={stale} />
          <span
            className="muted room__viewers"
            data-testid="viewers"
            aria-label={`${viewers ?? 0} consoles watching`}
          >
            {viewers ?? '–'} watching
          </span>
        </div>
        <AuctionActions auction={auction} shortcuts />
      </header>
      {auction.description ? <p className="room__description">{auction.description}</p> : null}
      <div className="room__body">
        <div className="room__main">
          <RoomBoard auction={auction} />
          {staff && open ? (
            <section className="panel">
              <BidForm auction={auction} />
            </section>
          ) : null}
          <section className="panel">
            {showDetail ? <PriceChart auctionId={auction.id} currency={auction.currency} /> : null}
          </section>
        </div>
        <div className="room__side panel">
          {showDetail ? (
            <BidHistory
              auctionId={auction.id}
              currency={auction.currency}
              sellerId={auction.sellerId}
            />
          ) : null}
        </div>
      </div>
    </main>
  )
}
