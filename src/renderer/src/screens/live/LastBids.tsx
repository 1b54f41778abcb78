// The lot's last bids, newest first: paddle in full, amount, source; an internet bid that
// just arrived flashes; a retracted one is struck through with its reason.
import type { BidEntry } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { useConsole } from '../../context'
import { formatTime } from '../../lib/format'
import { bidderLabel, lastBids, SOURCE_LABEL } from '../../lib/liveLot'
import { arrivedLive } from '../../store/bidList'

const SHOWN = 8

export function LastBids(props: { lotId: string; currency: string }) {
  const history = useConsole((state) => state.histories[props.lotId])
  const bids = lastBids(history, SHOWN)
  return (
    <section className="panel lastbids" aria-label="Last bids">
      <h3 className="panel__title">Last bids</h3>
      {bids.length === 0 ? <p className="muted">No bids yet.</p> : null}
      <ol className="lastbids__list" data-testid="last-bids">
        {bids.map((bid: BidEntry) => {
          // An internet bid that arrived live flashes once, as its row mounts.
          const flash =
            bid.source === 'online' && history !== undefined && arrivedLive(history, bid.id)
          return (
            <li
              key={bid.id}
              className={`lastbids__row${bid.retracted ? ' lastbids__row--retracted' : ''}${flash ? ' lastbids__row--online' : ''}`}
              data-testid="last-bid"
            >
              <span className="muted">{formatTime(bid.at)}</span>
              <span className="strong">{bidderLabel(bid.bidderId)}</span>
              <span className="num strong">{formatMoney(bid.amount, props.currency)}</span>
              <span>
                {SOURCE_LABEL[bid.source]}
                {bid.kind === 'auto' ? ' · auto' : ''}
              </span>
              {bid.retracted ? (
                <span className="lastbids__why">Undone: {bid.retracted.reason}</span>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
