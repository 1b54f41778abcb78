// Start, end and cancel a sale (each confirmed), for staff and the sale's seller. On the
// sale page (`shortcuts`) each has its key, shown on the button.
import { useState } from 'react'
import type { Sale } from '../../../shared/domain'
import { useConsole } from '../context'
import { useSaleCommands } from '../hooks/useSaleCommands'
import { useShortcuts } from '../hooks/useShortcuts'
import { isStaffOrSeller } from '../lib/access'
import type { SaleAction } from '../live/saleCommands'
import { ConfirmDialog } from './ConfirmDialog'
import { Kbd, keyshortcut } from './Kbd'

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

export function SaleActions(props: { sale: Sale; compact?: boolean; shortcuts?: boolean }) {
  const { sale } = props
  const commands = useSaleCommands()
  const mayAct = useConsole((state) => isStaffOrSeller(state.profile, sale.sellerId))
  const pushToast = useConsole((state) => state.pushToast)
  const [asking, setAsking] = useState<SaleAction | null>(null)
  const [busy, setBusy] = useState(false)
  const canStart = mayAct && (sale.status === 'draft' || sale.status === 'scheduled')
  const canEnd = mayAct && sale.status === 'open'
  const canCancel = canStart || canEnd
  const when = (allowed: boolean, action: SaleAction) =>
    props.shortcuts && allowed && !busy && asking === null ? () => setAsking(action) : undefined
  useShortcuts({
    start: when(canStart, 'start'),
    end: when(canEnd, 'end'),
    cancel: when(canCancel, 'cancel'),
  })
  if (!mayAct) return null
  const key = (name: SaleAction) => (props.shortcuts ? <Kbd name={name} /> : null)
  const shortcut = (name: SaleAction) => (props.shortcuts ? keyshortcut(name) : undefined)

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

  const confirm = asking ? CONFIRM[asking] : null
  return (
    <div className={`actions ${props.compact ? 'actions--compact' : ''}`}>
      {canStart ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-keyshortcuts={shortcut('start')}
          onClick={() => setAsking('start')}
        >
          Start {key('start')}
        </button>
      ) : null}
      {canEnd ? (
        <button
          type="button"
          className="button button--danger-outline"
          disabled={busy}
          aria-keyshortcuts={shortcut('end')}
          onClick={() => setAsking('end')}
        >
          End now {key('end')}
        </button>
      ) : null}
      {canCancel ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          aria-label="Cancel sale"
          aria-keyshortcuts={shortcut('cancel')}
          onClick={() => setAsking('cancel')}
        >
          {props.compact ? 'Cancel' : 'Cancel sale'} {key('cancel')}
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
