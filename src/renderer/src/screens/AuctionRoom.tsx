// The auction room: everything a clerk needs about one lot at a glance, the bid entry,
// the history and the price chart. Watching starts on entry and stops on leaving.
import { useEffect } from 'react'
import { formatMoney } from '../../../shared/money'
import { AuctionActions } from '../components/AuctionActions'
import { BidForm } from '../components/BidForm'
import { BidHistory } from '../components/BidHistory'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { Countdown } from '../components/Countdown'
import { PriceChart } from '../components/PriceChart'
import { ReserveBadge } from '../components/ReserveBadge'
import { StarButton } from '../components/StarButton'
import { StatusBadge } from '../components/StatusBadge'
import { useConsole, useFeed } from '../context'
import { formatDateTime, maskBidder, paddleName } from '../lib/format'

export function AuctionRoom(props: { auctionId: string }) {
  const { auctionId } = props
  const feed = useFeed()
  const auction = useConsole((state) => state.auctions[auctionId])
  const viewers = useConsole((state) => state.viewers[auctionId])
  const profile = useConsole((state) => state.profile)
  const openHistory = useConsole((state) => state.openHistory)
  const closeHistory = useConsole((state) => state.closeHistory)
  const go = useConsole((state) => state.go)

  useEffect(() => {
    const release = feed.watches.acquire(auctionId)
    openHistory(auctionId)
    void feed.loadNewestBids(auctionId)
    return () => {
      release()
      closeHistory(auctionId)
    }
  }, [auctionId, feed, openHistory, closeHistory])

  if (!auction) {
    return (
      <main className="screen">
        <p className="empty">Loading auction…</p>
      </main>
    )
  }
  const staff = profile?.role === 'staff'
  const money = (minor: number): string => formatMoney(minor, auction.currency)
  // Bids can be entered while an auction is live or about to be; not once it is over.
  const open = auction.status !== 'ended' && auction.status !== 'cancelled'
  const priceLabel =
    auction.status === 'ended' && auction.bidCount > 0
      ? 'Final price'
      : auction.bidCount > 0
        ? 'Current price'
        : 'Starting price'
  return (
    <main className="screen room" aria-labelledby="room-title" data-testid="room">
      <div className="room__top">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => go({ screen: 'list' })}
        >
          ← Auctions
        </button>
        <div className="room__meta">
          <span
            className="muted"
            data-testid="viewers"
            aria-label={`${viewers ?? 0} consoles watching`}
          >
            {viewers ?? '–'} watching
          </span>
          <ConnectionBadge />
        </div>
      </div>
      <header className="room__header">
        <div className="room__heading">
          <StarButton auctionId={auction.id} title={auction.title} />
          <h1 id="room-title" data-testid="room-title">
            {auction.title}
          </h1>
          <StatusBadge status={auction.status} />
        </div>
        <AuctionActions auction={auction} />
      </header>
      {auction.description ? <p className="room__description">{auction.description}</p> : null}
      <div className="room__body">
        <div className="room__main">
          <section className="panel board" aria-label="Current state">
            <div className="board__price">
              <span className="board__label">{priceLabel}</span>
              <span className="board__amount" data-testid="price" aria-live="polite">
                {money(auction.bidCount > 0 ? auction.currentPrice : auction.startingPrice)}
              </span>
              {open ? (
                <span className="board__sub">
                  Asking <strong data-testid="asking">{money(auction.askingPrice)}</strong>
                </span>
              ) : null}
            </div>
            <dl className="board__facts">
              <div>
                <dt>Bids</dt>
                <dd data-testid="bid-count">{auction.bidCount}</dd>
              </div>
              <div>
                <dt>{auction.status === 'ended' ? 'Top bidder' : 'Leader'}</dt>
                <dd data-testid="leader">{maskBidder(auction.leaderId)}</dd>
              </div>
              <div>
                <dt>Reserve</dt>
                <dd>
                  <ReserveBadge auction={auction} />
                  {auction.reservePrice !== null ? (
                    <span className="muted"> {money(auction.reservePrice)}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{auction.status === 'scheduled' ? 'Starts' : 'Time left'}</dt>
                <dd>
                  <Countdown auction={auction} size="large" />
                </dd>
              </div>
              <div>
                <dt>Ends</dt>
                <dd>{formatDateTime(auction.endsAt)}</dd>
              </div>
              <div>
                <dt>Soft close</dt>
                <dd>{auction.softCloseSeconds > 0 ? `${auction.softCloseSeconds} s` : 'Off'}</dd>
              </div>
            </dl>
            {auction.status === 'ended' && auction.result ? (
              <p className="board__result" data-testid="room-result">
                {auction.result.winnerId
                  ? `Sold to ${paddleName(auction.result.winnerId)} for ${money(auction.result.finalPrice)}`
                  : `Not sold (${auction.bidCount === 0 ? 'no bids' : 'reserve not met'})`}
              </p>
            ) : null}
          </section>
          {staff && open ? (
            <section className="panel">
              <BidForm auction={auction} />
            </section>
          ) : null}
          <section className="panel">
            <PriceChart auction={auction} />
          </section>
        </div>
        <div className="room__side panel">
          <BidHistory auction={auction} />
        </div>
      </div>
    </main>
  )
}
