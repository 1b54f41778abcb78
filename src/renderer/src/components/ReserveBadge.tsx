import type { Auction } from '../../../shared/domain'

export function ReserveBadge(props: { auction: Auction }) {
  const { auction } = props
  if (!auction.hasReserve) return <span className="badge badge--neutral">No reserve</span>
  return auction.reserveMet ? (
    <span className="badge badge--good" data-testid="reserve">
      Reserve met
    </span>
  ) : (
    <span className="badge badge--warn" data-testid="reserve">
      Reserve not met
    </span>
  )
}
