// Start, end and cancel a sale (each confirmed), for staff and the sale's seller. On the
// sale page (`shortcuts`) each has its key, shown on the button.
import type { Sale } from '../../../shared/domain'
import { useConsole } from '../context'
import { useSaleCommands } from '../hooks/useSaleCommands'
import { isStaffOrSeller } from '../lib/access'
import type { SaleAction } from '../live/saleCommands'
import { LifecycleActions } from './LifecycleActions'

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
  if (!mayAct) return null
  const canStart = sale.status === 'draft' || sale.status === 'scheduled'
  const canEnd = sale.status === 'open'
  return (
    <LifecycleActions
      noun="sale"
      title={sale.title}
      can={{ start: canStart, end: canEnd, cancel: canStart || canEnd }}
      confirm={(action) => ({ ...CONFIRM[action], message: CONFIRM[action].message(sale) })}
      act={async (action) => {
        const answer = await commands.act(action, sale.id)
        return answer.ok ? null : answer.error.message
      }}
      compact={props.compact}
      shortcuts={props.shortcuts}
    />
  )
}
