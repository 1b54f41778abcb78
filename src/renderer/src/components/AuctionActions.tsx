// Start, end and cancel (each confirmed) and CSV export, for staff and the auction's seller.
// In the room (`shortcuts`) each has its key, shown on the button.
import type { Auction } from '../../../shared/domain'
import { useConsole } from '../context'
import { useAuctionCommands, type AuctionAction } from '../hooks/useAuctionCommands'
import { isStaffOrSeller } from '../lib/access'
import { LifecycleActions } from './LifecycleActions'

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
  const { auction } = props
  const commands = useAuctionCommands()
  const mayAct = useConsole((state) => isStaffOrSeller(state.profile, auction.sellerId))
  const canStart = mayAct && (auction.status === 'draft' || auction.status === 'scheduled')
  const canEnd = mayAct && auction.status === 'active'
  const canCancel = mayAct && auction.status !== 'ended' && auction.status !== 'cancelled'
  return (
    <LifecycleActions
      noun="auction"
      title={auction.title}
      can={{ start: canStart, end: canEnd, cancel: canCancel }}
      confirm={(action) => ({
        ...CONFIRM[action],
        message: CONFIRM[action].message(auction.title),
      })}
      act={(action) => commands.act(action, auction)}
      extra={
        mayAct
          ? {
              name: 'exportCsv',
              label: 'Export CSV',
              run: () => commands.exportCsv(auction),
              failure: (problem) => `Export failed: ${problem}`,
            }
          : undefined
      }
      compact={props.compact}
      shortcuts={props.shortcuts}
    />
  )
}
