// Time left on the Redis server's clock (local clock + measured offset). Follows a
// soft-close extension the moment the event lands, since endsAt comes from the store.
// While the console is not live it stops where the last update left it, dimmed: a running
// clock would pretend to know that no bid extended the lot since.
import type { Auction } from '../../../shared/domain'
import { useConsole } from '../context'
import { useStale } from '../hooks/useStale'
import { formatCountdown, urgencyOf } from '../lib/format'
import { useLocalNow } from '../lib/ticker'

export function Countdown(props: { auction: Auction; size?: 'large' | 'compact' }) {
  const { auction } = props
  const offset = useConsole((state) => state.clockOffset)
  const { stale, since } = useStale()
  const ticking = useLocalNow()
  const now = (stale && since !== null ? since : ticking) + offset
  const size = props.size ?? 'compact'
  let text: string
  let tone: string
  let label: string
  if (auction.status === 'active' && auction.endsAt !== null) {
    const left = auction.endsAt - now
    tone = urgencyOf(left)
    text = left > 0 ? formatCountdown(left) : 'ENDED'
    label = left > 0 ? `Time left ${text}` : 'Ended'
  } else if (auction.status === 'scheduled' && auction.startsAt !== null) {
    tone = 'calm'
    text = `Starts in ${formatCountdown(auction.startsAt - now)}`
    label = text
  } else {
    tone = auction.status === 'ended' ? 'ended' : 'calm'
    text = {
      draft: 'Not started',
      active: '—',
      scheduled: 'Scheduled',
      ended: 'ENDED',
      cancelled: 'CANCELLED',
    }[auction.status]
    label = text
  }
  return (
    <span
      className={`countdown countdown--${size} countdown--${tone}${stale ? ' countdown--stale' : ''}`}
      role="timer"
      aria-label={stale ? `${label} (not live: last known)` : label}
      data-testid="countdown"
    >
      {text}
    </span>
  )
}
