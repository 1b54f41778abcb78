// Start, end and cancel (each confirmed) and CSV export, for staff and the auction's seller.
import { useState } from 'react'
import type { Auction } from '../../../shared/domain'
import { useApi, useConsole } from '../context'
import { exportAuction } from '../lib/exportAuction'
import { ConfirmDialog } from './ConfirmDialog'

type Action = 'start' | 'end' | 'cancel'

const CONFIRM: Record<
  Action,
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

export function AuctionActions(props: { auction: Auction; compact?: boolean }) {
  const { auction } = props
  const api = useApi()
  const profile = useConsole((state) => state.profile)
  const upsert = useConsole((state) => state.upsertAuctions)
  const pushToast = useConsole((state) => state.pushToast)
  const [asking, setAsking] = useState<Action | null>(null)
  const [busy, setBusy] = useState(false)
  const mayAct = profile?.role === 'staff' || profile?.operatorId === auction.sellerId

  const run = async (action: Action): Promise<void> => {
    setAsking(null)
    setBusy(true)
    const name =
      action === 'start' ? 'auctions:start' : action === 'end' ? 'auctions:end' : 'auctions:cancel'
    const answer = await api.call(name, { auctionId: auction.id }).catch(() => null)
    setBusy(false)
    if (answer?.ok) upsert([answer.auction])
    else
      pushToast({
        tone: 'warning',
        text: `Could not ${action} "${auction.title}": ${answer?.error.message ?? 'no connection'}`,
      })
  }

  const onExport = async (): Promise<void> => {
    setBusy(true)
    const problem = await exportAuction(api, auction).catch((error: unknown) => String(error))
    setBusy(false)
    if (problem) pushToast({ tone: 'warning', text: `Export failed: ${problem}` })
  }

  const canStart = auction.status === 'draft' || auction.status === 'scheduled'
  const canEnd = auction.status === 'active'
  const canCancel = auction.status !== 'ended' && auction.status !== 'cancelled'
  const confirm = asking ? CONFIRM[asking] : null
  return (
    <div className={`actions ${props.compact ? 'actions--compact' : ''}`}>
      {mayAct && canStart ? (
        <button type="button" className="button" disabled={busy} onClick={() => setAsking('start')}>
          Start
        </button>
      ) : null}
      {mayAct && canEnd ? (
        <button
          type="button"
          className="button button--danger-outline"
          disabled={busy}
          onClick={() => setAsking('end')}
        >
          End now
        </button>
      ) : null}
      {mayAct && canCancel ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => setAsking('cancel')}
        >
          Cancel auction
        </button>
      ) : null}
      {mayAct ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => void onExport()}
        >
          Export CSV
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
