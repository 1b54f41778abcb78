// A lot's last column: time left while it runs (on the server clock, as in the room), or
// what became of it.
import type { Lot } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { bidderName } from '../lib/format'
import { Countdown } from './Countdown'

export function LotOutcome(props: { lot: Lot; fullNames: boolean }) {
  const { lot } = props
  switch (lot.lotStatus) {
    case 'sold': {
      const winner = lot.result?.winnerId ?? lot.leaderId
      const name = bidderName(winner, props.fullNames)
      const price = formatMoney(lot.result?.finalPrice ?? lot.currentPrice, lot.currency)
      return (
        <span className="outcome--good" data-testid="lot-outcome">
          Sold to {name} at {price}
        </span>
      )
    }
    case 'passed':
      // Passed with bids: the highest one did not reach the reserve.
      return (
        <span className="muted" data-testid="lot-outcome">
          {lot.bidCount > 0
            ? `Passed — highest bid ${formatMoney(lot.result?.finalPrice ?? lot.currentPrice, lot.currency)}`
            : 'Passed'}
        </span>
      )
    case 'withdrawn':
    case 'cancelled':
      return (
        <span className="muted" data-testid="lot-outcome">
          {lot.lotStatus === 'withdrawn' ? 'Withdrawn' : 'Cancelled'}
        </span>
      )
    case 'waiting':
      // Waiting in an open sale: not offered yet (live) or not started (timed).
      if (lot.status === 'active')
        return (
          <span className="muted" data-testid="lot-outcome">
            Waiting
          </span>
        )
      return <Countdown auction={lot} />
    default:
      return <Countdown auction={lot} />
  }
}
