// The room's board: the price large, bids, leader, reserve, time left and the result.
import type { Auction } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { formatDateTime, maskBidder, paddleName } from '../lib/format'
import { Countdown } from './Countdown'
import { ReserveBadge } from './ReserveBadge'

export function RoomBoard(props: { auction: Auction }) {
  const { auction } = props
  const money = (minor: number): string => formatMoney(minor, auction.currency)
  const open = auction.status !== 'ended' && auction.status !== 'cancelled'
  const priceLabel =
    auction.status === 'ended' && auction.bidCount > 0
      ? 'Final price'
      : auction.bidCount > 0
        ? 'Current price'
        : 'Starting price'
  return (
    <section className="panel board" aria-label="Current state">
      <div className="board__price">
        <span className="board__label">{priceLabel}</span>
        <span className="board__amount" data-testid="price" aria-live="polite">
          {money(auction.currentPrice)}
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
  )
}
