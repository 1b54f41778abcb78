// Shown in the room when the auction ends: winner, final price, reserve.
import { formatMoney } from '../../../shared/money'
import { useConsole } from '../context'
import { paddleName } from '../lib/format'
import { Dialog } from './Dialog'

export function EndDialog() {
  const auction = useConsole((state) =>
    state.endDialog ? state.auctions[state.endDialog] : undefined,
  )
  const close = useConsole((state) => state.openEndDialog)
  const go = useConsole((state) => state.go)
  if (!auction) return null
  const result = auction.result ?? {
    winnerId: auction.reserveMet ? auction.leaderId : null,
    finalPrice: auction.currentPrice,
    reserveMet: auction.reserveMet,
  }
  const sold = result.winnerId !== null
  return (
    <Dialog title="Auction ended" onClose={() => close(null)} testId="end-dialog">
      <p className="dialog__lead">{auction.title}</p>
      <dl className="facts">
        <dt>Result</dt>
        <dd data-testid="end-result">
          {sold ? 'Sold' : auction.bidCount === 0 ? 'No bids' : 'Not sold'}
        </dd>
        <dt>Winner</dt>
        <dd data-testid="end-winner">{sold ? paddleName(result.winnerId) : '—'}</dd>
        <dt>Final price</dt>
        <dd data-testid="end-price">{formatMoney(result.finalPrice, auction.currency)}</dd>
        <dt>Reserve</dt>
        <dd data-testid="end-reserve">
          {auction.hasReserve ? (result.reserveMet ? 'Met' : 'Not met') : 'No reserve'}
        </dd>
        <dt>Bids</dt>
        <dd>{auction.bidCount}</dd>
      </dl>
      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            close(null)
            go({ screen: 'list' })
          }}
        >
          Back to auctions
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => close(null)}
          data-autofocus
        >
          Close
        </button>
      </div>
    </Dialog>
  )
}
