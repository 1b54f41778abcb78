// Shown in the room when the auction ends (also on the console that pressed End now):
// result, winner, the price, reserve and bids.
import { saleIdOf } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { useConsole } from '../context'
import { isStaffOrSeller } from '../lib/access'
import { bidderName, formatCount } from '../lib/format'
import { resultOf } from '../lib/result'
import { Dialog } from './Dialog'

export function EndDialog() {
  const auction = useConsole((state) =>
    state.endDialog ? state.auctions[state.endDialog] : undefined,
  )
  const full = useConsole((state) =>
    auction ? isStaffOrSeller(state.profile, auction.sellerId) : false,
  )
  const close = useConsole((state) => state.openEndDialog)
  const go = useConsole((state) => state.go)
  if (!auction) return null
  const result = resultOf(auction) ?? {
    winnerId: null,
    finalPrice: auction.currentPrice,
    reserveMet: auction.reserveMet,
  }
  const sold = result.winnerId !== null
  const saleId = saleIdOf(auction.id)
  const inSale = saleId !== auction.id
  return (
    <Dialog title="Auction ended" onClose={() => close(null)} testId="end-dialog">
      <p className="dialog__lead">{auction.title}</p>
      <dl className="facts">
        <dt>Result</dt>
        <dd data-testid="end-result">
          {sold ? 'Sold' : auction.bidCount === 0 ? 'No bids' : 'Not sold'}
        </dd>
        <dt>Winner</dt>
        <dd data-testid="end-winner">{sold ? bidderName(result.winnerId, full) : '—'}</dd>
        <dt>{sold || auction.bidCount === 0 ? 'Final price' : 'Highest bid'}</dt>
        <dd data-testid="end-price">{formatMoney(result.finalPrice, auction.currency)}</dd>
        <dt>Reserve</dt>
        <dd data-testid="end-reserve">
          {auction.hasReserve ? (result.reserveMet ? 'Met' : 'Not met') : 'No reserve'}
        </dd>
        <dt>Bids</dt>
        <dd>{formatCount(auction.bidCount)}</dd>
      </dl>
      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            close(null)
            go(inSale ? { screen: 'sale', saleId } : { screen: 'auctions' })
          }}
        >
          {inSale ? 'Back to the sale' : 'Back to auctions'}
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
