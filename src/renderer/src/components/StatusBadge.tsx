import type { AuctionStatus } from '../../../shared/domain'
import { STATUS_LABEL } from '../lib/format'

/** `stale`: the console is not live, so this is only the last status heard. */
export function StatusBadge(props: { status: AuctionStatus; stale?: boolean }) {
  return (
    <span
      className={`status status--${props.status}${props.stale ? ' status--stale' : ''}`}
      data-testid="status"
    >
      {props.stale ? `Last known: ${STATUS_LABEL[props.status]}` : STATUS_LABEL[props.status]}
    </span>
  )
}
