import type { AuctionStatus } from '../../../shared/domain'
import { STATUS_LABEL } from '../lib/format'

export function StatusBadge(props: { status: AuctionStatus }) {
  return (
    <span className={`status status--${props.status}`} data-testid="status">
      {STATUS_LABEL[props.status]}
    </span>
  )
}
