// On the sign-in and setup screens: whether the console reaches Redis, and when it does
// not (or no account exists yet) the way to the connection settings, open before sign-in.
import { useConsole } from '../../context'

export function ConnectionNote(props: { onSettings: () => void }) {
  const connection = useConsole((state) => state.connection)
  const settings = (
    <button type="button" className="link" onClick={props.onSettings}>
      Connection settings
    </button>
  )
  if (connection.state === 'live') return null
  if (connection.state === 'connecting' && !connection.problem) {
    return (
      <p className="muted" role="status" data-testid="auth-connection">
        Connecting to the auction server…
      </p>
    )
  }
  return (
    <div className="notice notice--bad" role="alert" data-testid="auth-connection">
      <p>
        <strong>No connection to the auction server: signing in is not possible yet.</strong>{' '}
        {connection.problem?.message ?? 'The connection to Redis was lost.'}
      </p>
      <p>{settings}</p>
    </div>
  )
}
