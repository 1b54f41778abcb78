// Start, end and cancel a sale (each confirmed), for staff and the sale's seller.
import { useState } from 'react'
import type { Sale } from '../../../shared/domain'
import { useConsole } from '../context'
import { useSaleCommands } from '../hooks/useSaleCommands'
import type { SaleAction } from '../live/saleCommands'
import { ConfirmDialog } from './ConfirmDialog'

const CONFIRM: Record<
  SaleAction,
  { title: string; message: (sale: Sale) => string; label: string; danger: boolean }
> = {
  start: {
    title: 'Start sale?',
    message: (sale) =>
      sale.mode === 'timed'
        ? `"${sale.title}" opens now: its ${sale.lotCount} lots take bids and close one after another. Lots can no longer be added or edited.`
        : `"${sale.title}" opens now; its lots wait to be offered. Lots can no longer be added or edited.`,
    label: 'Start sale',
    danger: false,
  },
  end: {
    title: 'End sale now?',
    message: (sale) =>
      sale.mode === 'timed'
        ? `Every lot of "${sale.title}" still open closes now; leading bids win where the reserve is met. This cannot be undone.`
        : `"${sale.title}" closes now; lots never offered pass. This cannot be undone.`,
    label: 'End sale',
    danger: true,
  },
  cancel: {
    title: 'Cancel sale?',
    message: (sale) =>
      `"${sale.title}" is cancelled with all its lots: no winners, no further bids. This cannot be undone.`,
    label: 'Cancel sale',
    danger: true,
  },
}

export function SaleActions(props: { sale: Sale; compact?: boolean }) {
  const { sale } = props
  const commands = useSaleCommands()
  const profile = useConsole((state) => state.profile)
  const pushToast = useConsole((state) => state.pushToast)
  const [asking, setAsking] = useState<SaleAction | null>(null)
  const [busy, setBusy] = useState(false)
  if (profile?.role !== 'staff' && profile?.operatorId !== sale.sellerId) return null

  const run = async (action: SaleAction): Promise<void> => {
    setAsking(null)
    setBusy(true)
    const answer = await commands.act(action, sale.id)
    setBusy(false)
    if (!answer.ok)
      pushToast({
        tone: 'warning',
        text: `Could not ${action} "${sale.title}": ${answer.error.message}`,
      })
  }

  const canStart = sale.status === 'draft' || sale.status === 'scheduled'
  const canEnd = sale.status === 'open'
  const canCancel = canStart || canEnd
  const confirm = asking ? CONFIRM[asking] : null
  return (
    <div className={`actions ${props.compact ? 'actions--compact' : ''}`}>
      {canStart ? (
        <button type="button" className="button" disabled={busy} onClick={() => setAsking('start')}>
          Start
        </button>
      ) : null}
      {canEnd ? (
        <button
          type="button"
          className="button button--danger-outline"
          disabled={busy}
          onClick={() => setAsking('end')}
        >
          End now
        </button>
      ) : null}
      {canCancel ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => setAsking('cancel')}
        >
          Cancel sale
        </button>
      ) : null}
      {asking && confirm ? (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message(sale)}
          confirmLabel={confirm.label}
          danger={confirm.danger}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  )
}
