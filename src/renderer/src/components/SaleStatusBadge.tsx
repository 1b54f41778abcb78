import type { SaleMode, SaleStatus } from '../../../shared/domain'
import { MODE_LABEL, SALE_STATUS_LABEL } from '../lib/saleFormat'

/** A sale's status in the colours of the auction statuses it corresponds to. */
const TONE: Record<SaleStatus, string> = {
  draft: 'draft',
  scheduled: 'scheduled',
  open: 'active',
  closed: 'ended',
  cancelled: 'cancelled',
}

export function SaleStatusBadge(props: { status: SaleStatus }) {
  return (
    <span className={`status status--${TONE[props.status]}`} data-testid="sale-status">
      {SALE_STATUS_LABEL[props.status]}
    </span>
  )
}

export function ModeBadge(props: { mode: SaleMode }) {
  return (
    <span className="badge badge--neutral" data-testid="sale-mode">
      {MODE_LABEL[props.mode]}
    </span>
  )
}
