// The lot on the block, large: number, title, estimate, the reserve (staff and the seller),
// the current bid and the asking price, the leader in full with the source of their bid,
// and the room's state (fair warning, sold, passed).
import type { BidSource, Lot } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { ReserveBadge } from '../../components/ReserveBadge'
import { estimateWords, phaseOf, PHASE_LABEL, type LotPhase } from '../../lib/liveWords'
import { leaderName, SOURCE_LABEL } from '../../lib/liveLot'

function priceLabel(phase: LotPhase, bids: number): string {
  if (phase === 'sold') return 'Hammer price'
  if (bids === 0) return 'Starting at'
  return phase === 'passed' ? 'Highest bid' : 'Current bid'
}

export function BlockPanel(props: {
  lot: Lot
  source: BidSource | null
  /** The id of an internet bid that just arrived (its flash), or null. */
  internetBid: number | null
  /** Paddle → the bidder's name from the sale's register. */
  names?: ReadonlyMap<string, string>
}) {
  const { lot, source } = props
  const money = (minor: number): string => formatMoney(minor, lot.currency)
  const phase = phaseOf(lot)
  const estimate = estimateWords(lot)
  const open = phase === 'open' || phase === 'warning'
  const winner = lot.result?.winnerId ?? null
  return (
    <section
      className={`panel block block--${phase}`}
      aria-label="Lot on the block"
      data-testid="block"
    >
      <div className="block__head">
        <span className="block__number" data-testid="block-number">
          Lot {lot.number}
        </span>
        {props.internetBid !== null ? (
          <span key={props.internetBid} className="block__internet" data-testid="internet-flash">
            Internet bid
          </span>
        ) : null}
        <span className={`block__phase block__phase--${phase}`} data-testid="block-phase">
          {PHASE_LABEL[phase]}
        </span>
      </div>
      <h2 className="block__title" data-testid="block-title">
        {lot.title}
      </h2>
      <p className="block__facts muted">
        {estimate ? <span>Estimate {estimate}</span> : <span>No estimate</span>}
        <span>
          <ReserveBadge auction={lot} />
          {lot.reservePrice !== null ? (
            <span data-testid="block-reserve"> Reserve {money(lot.reservePrice)}</span>
          ) : null}
        </span>
        {lot.book > 0 ? <span>{lot.book} in the book</span> : null}
      </p>
      <div className="block__prices">
        <div>
          <span className="block__label">{priceLabel(phase, lot.bidCount)}</span>
          <span className="block__amount" data-testid="block-price" aria-live="polite">
            {money(lot.bidCount > 0 ? lot.currentPrice : lot.startingPrice)}
          </span>
        </div>
        {open ? (
          <div>
            <span className="block__label">
              Asking{lot.askOverride !== null ? ' (clerk’s ask)' : ''}
            </span>
            <span className="block__amount block__amount--ask" data-testid="block-asking">
              {money(lot.askingPrice)}
            </span>
          </div>
        ) : null}
      </div>
      <p className="block__leader" data-testid="block-leader">
        {phase === 'sold' ? (
          <>
            Sold to <strong>{leaderName(winner)}</strong>
            {winner && props.names?.get(winner) ? ` (${props.names.get(winner)})` : ''} for{' '}
            <strong>{money(lot.result?.finalPrice ?? lot.currentPrice)}</strong>
            {lot.result?.belowReserve ? ' (below the reserve)' : ''}
          </>
        ) : phase === 'passed' ? (
          lot.bidCount > 0 ? (
            `Passed at ${money(lot.currentPrice)}`
          ) : (
            'Passed without a bid'
          )
        ) : lot.leaderId ? (
          <>
            Leader <strong>{leaderName(lot.leaderId)}</strong>
            {props.names?.get(lot.leaderId) ? (
              <span className="block__name"> {props.names.get(lot.leaderId)}</span>
            ) : null}
            {source ? <span className="block__source"> · {SOURCE_LABEL[source]}</span> : null}
          </>
        ) : (
          'No bid yet'
        )}
      </p>
    </section>
  )
}
