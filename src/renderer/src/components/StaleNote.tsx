// Said on the board while the console is not live: what is shown is the last state heard,
// as of when, and how long ago.
import { formatAgo, formatTime } from '../lib/format'
import { useLocalNow } from '../lib/ticker'

export function StaleNote(props: { since: number | null }) {
  const now = useLocalNow()
  return (
    <p className="stale-note" data-testid="stale-note">
      <span aria-hidden="true">⚠ </span>
      {props.since === null
        ? 'Not live: this is not updating.'
        : `Not live: last update ${formatTime(props.since)}, ${formatAgo(now - props.since)} ago. Price, leader and time may have changed.`}
    </p>
  )
}
