// The room's board: the price large, bids, leader, reserve, time left and the result.
// While the console is not live the board says so and dims: it is the last state heard.
import type { Auction } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { usePaddleNames } from '../hooks/usePaddleNames'
import { useRegisterNames } from '../hooks/useRegisterNames'
import { useStale } from '../hooks/useStale'
import { formatCount, formatDateTime } from '../lib/format'
import { endedUnsold, resultOf } from '../lib/result'
import { Countdown } from './Countdown'
import { ReserveBadge } from './ReserveBadge'
import { StaleNote } from './StaleNote'

function priceLabel(auction: Auction): string {
  if (auction.bidCount === 0) return 'Starting price'
  if (endedUnsold(auction) || auction.status === 'cancelled') return 'Highest bid'
  return auction.status === 'ended' ? 'Final price' : 'Current price'
}

export function RoomBoard(props: { auction: Auction }) {
  const { auction } = props
  const nameOf = usePaddleNames(auction.sellerId)
  // Staff and the seller: the bidder's name from the sale's register, beside the paddle.
  const names = useRegisterNames({ id: auction.saleId, sellerId: auction.sellerId })
  const registered = (bidderId: string | null): string =>
    bidderId && names.get(bidderId) ? ` (${names.get(bidderId)})` : ''
  const { stale, since } = useStale()
  const money = (minor: number): string => formatMoney(minor, auction.currency)
  const open = auction.status !== 'ended' && auction.status !== 'cancelled'
  const result = resultOf(auction)
  return (
    <section
      className={`panel board${stale ? ' board--stale' : ''}`}
      aria-label="Current state"
      data-testid="board"
    >
      {stale ? <StaleNote since={since} /> : null}
      <div className="board__price" data-testid="board-price">
        <span className="board__label">{priceLabel(auction)}</span>
        <span className="board__amount" data-testid="price" aria-live="polite">
          {money(auction.currentPrice)}
        </span>
        {open ? (
          <span className="board__sub">
            Asking <strong data-testid="asking">{money(auction.askingPrice)}</strong>
          </span>
        ) : auction.bidCount > 0 && priceLabel(auction) === 'Highest bid' ? (
          <span className="board__sub board__sub--unsold">
            — {auction.status === 'cancelled' ? 'cancelled' : 'not sold'}
          </span>
        ) : null}
      </div>
      <dl className="board__facts">
        <div>
          <dt>Bids</dt>
          <dd data-testid="bid-count">{formatCount(auction.bidCount)}</dd>
        </div>
        <div>
          <dt>{auction.status === 'ended' ? 'Top bidder' : 'Leader'}</dt>
          <dd data-testid="leader">
            {nameOf(auction.leaderId)}
            {registered(auction.leaderId)}
          </dd>
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
      {result ? (
        <p className="board__result" data-testid="room-result">
          {result.winnerId
            ? `Sold to ${nameOf(result.winnerId)}${registered(result.winnerId)} for ${money(result.finalPrice)}`
            : auction.bidCount === 0
              ? 'Not sold (no bids)'
              : `Highest bid ${money(result.finalPrice)} — not sold (reserve not met)`}
        </p>
      ) : null}
    </section>
  )
}
