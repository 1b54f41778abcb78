// Live / Reconnecting / Offline, as the main side reports the Redis connection.
import type { ConnectionState } from '../../../shared/contract'
import { useConsole } from '../context'

const LABEL: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
}

export function ConnectionBadge() {
  const connection = useConsole((state) => state.connection)
  return (
    <span
      className={`connection connection--${connection.state}`}
      role="status"
      aria-live="polite"
      title={connection.endpoint ? `Redis ${connection.endpoint}` : undefined}
      data-testid="connection"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span data-testid="connection-label">{LABEL[connection.state]}</span>
    </span>
  )
}
