// The one banner that says the console is not live, in plain words, impossible to miss:
// since when, and that bids are not being placed. The technical detail (the Redis error,
// the install command, the endpoint) sits behind a disclosure with the way to settings.
import { useConsole } from '../context'
import { formatTime } from '../lib/format'

export function ConnectionBanner() {
  const connection = useConsole((state) => state.connection)
  const lostAt = useConsole((state) => state.lostAt)
  const go = useConsole((state) => state.go)
  const { state, problem, endpoint } = connection
  // Connected, but the Redis user lacks what the console needs: its changes would be refused.
  if (state === 'live' && problem?.code === 'REDIS_NO_PERMISSION') {
    return (
      <div className="banner" role="alert" data-testid="permission-banner">
        <p className="banner__headline">
          <span aria-hidden="true">⚠ </span>
          <strong>
            Connected, but the Redis user lacks a permission: changes may be refused.
          </strong>{' '}
          <span data-testid="permission-detail">{problem.message}</span>
        </p>
        <button type="button" className="link" onClick={() => go({ screen: 'settings' })}>
          Connection settings
        </button>
      </div>
    )
  }
  // The first moments of a start show nothing stale yet: no banner unless it failed.
  if (state === 'live' || (state === 'connecting' && !problem)) return null
  const since = lostAt !== null ? ` since ${formatTime(lostAt)}` : ''
  return (
    <div className="banner banner--offline" role="alert" data-testid="offline-banner">
      <p className="banner__headline">
        <span aria-hidden="true">⚠ </span>
        <strong data-testid="offline-headline">
          No connection to the auction server{since} — bids are not being placed.
        </strong>{' '}
        <span className="banner__state">
          {state === 'reconnecting' ? 'Reconnecting…' : 'Trying again in the background.'}
        </span>
      </p>
      <details className="banner__details">
        <summary>Technical details</summary>
        <p data-testid="offline-detail">
          {problem?.message ?? 'The connection to Redis was lost.'}
          {endpoint ? ` (Redis ${endpoint})` : ''}
        </p>
        {problem?.installCommand ? (
          <p>
            Install: <code>{problem.installCommand}</code>
          </p>
        ) : null}
        <button type="button" className="link" onClick={() => go({ screen: 'settings' })}>
          Connection settings
        </button>
      </details>
    </div>
  )
}
