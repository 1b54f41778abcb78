// Start, end and cancel (each confirmed) and CSV export, for staff and the auction's seller.
// In the room (`shortcuts`) each has its key, shown on the button.
import { useState } from 'react'
import type { Auction } from '../../../shared/domain'
import { useConsole } from '../context'
import { useAuctionCommands, type AuctionAction } from '../hooks/useAuctionCommands'
import { useShortcuts } from '../hooks/useShortcuts'
import { isStaffOrSeller } from '../lib/access'
import { ConfirmDialog } from './ConfirmDialog'
import { Kbd, keyshortcut } from './Kbd'

const CONFIRM: Record<
  AuctionAction,
  { title: string; message: (t: string) => string; label: string; danger: boolean }
> = {
  start: {
    title: 'Start auction?',
    message: (t) => `"${t}" opens for bids now.`,
    label: 'Start now',
    danger: false,
  },
  end: {
    title: 'End auction now?',
    message: (t) =>
      `"${t}" closes now; the leading bid wins if the reserve is met. This cannot be undone.`,
    label: 'End auction',
    danger: true,
  },
  cancel: {
    title: 'Cancel auction?',
    message: (t) => `"${t}" is cancelled: no winner, no further bids. This cannot be undone.`,
    label: 'Cancel auction',
    danger: true,
  },
}

export function AuctionActions(props: {
  auction: Auction
  compact?: boolean
  shortcuts?: boolean
}) {
  const { auction, compact = false } = props
  const commands = useAuctionCommands()
  const mayAct = useConsole((state) => isStaffOrSeller(state.profile, auction.sellerId))
  const pushToast = useConsole((state) => state.pushToast)
  const [asking, setAsking] = useState<AuctionAction | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: AuctionAction): Promise<void> => {
    setAsking(null)
    setBusy(true)
    const problem = await commands.act(action, auction)
    setBusy(false)
    if (problem)
      pushToast({ tone: 'warning', text: `Could not ${action} "${auction.title}": ${problem}` })
  }

  const onExport = async (): Promise<void> => {
    setBusy(true)
    const problem = await commands.exportCsv(auction)
    setBusy(false)
    if (problem) pushToast({ tone: 'warning', text: `Export failed: ${problem}` })
  }

  const canStart = mayAct && (auction.status === 'draft' || auction.status === 'scheduled')
  const canEnd = mayAct && auction.status === 'active'
  const canCancel = mayAct && auction.status !== 'ended' && auction.status !== 'cancelled'
  const ready = !busy && asking === null
  const when = (allowed: boolean, run: () => void) =>
    props.shortcuts && allowed && ready ? run : undefined
  useShortcuts({
    start: when(canStart, () => setAsking('start')),
    end: when(canEnd, () => setAsking('end')),
    cancel: when(canCancel, () => setAsking('cancel')),
    exportCsv: when(mayAct, () => void onExport()),
  })
  const key = (name: 'start' | 'end' | 'cancel' | 'exportCsv') =>
    props.shortcuts ? <Kbd name={name} /> : null
  const shortcut = (name: 'start' | 'end' | 'cancel' | 'exportCsv') =>
    props.shortcuts ? keyshortcut(name) : undefined

  const confirm = asking ? CONFIRM[asking] : null
  return (
    <div className={`actions ${compact ? 'actions--compact' : ''}`}>
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
          aria-label="Cancel auction"
          aria-keyshortcuts={shortcut('cancel')}
          onClick={() => setAsking('cancel')}
        >
          {compact ? 'Cancel' : 'Cancel auction'} {key('cancel')}
        </button>
      ) : null}
      {mayAct ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          aria-keyshortcuts={shortcut('exportCsv')}
          onClick={() => void onExport()}
        >
          Export CSV {key('exportCsv')}
        </button>
      ) : null}
      {asking && confirm ? (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message(auction.title)}
          confirmLabel={confirm.label}
          danger={confirm.danger}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  )
}
