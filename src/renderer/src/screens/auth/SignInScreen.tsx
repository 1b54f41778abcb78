// The sign-in form: operator id and password. A wrong id, a wrong password and a disabled
// account all answer the same words; while sign-ins are slowed down it says for how long.
import { useId, useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { useConsole } from '../../context'
import { useAuthCommands } from '../../hooks/useAuthCommands'
import { useSecondsLeft } from '../../hooks/useSecondsLeft'
import { SIGN_IN_FAILED_TEXT } from '../../lib/accountWords'
import { ConnectionNote } from './ConnectionNote'

export function SignInScreen(props: { onSettings: () => void }) {
  const { signIn } = useAuthCommands()
  const notice = useConsole((state) => state.sessionNotice)
  const ids = useId()
  const [operatorId, setOperatorId] = useState('')
  const [password, setPassword] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const [retryAt, setRetryAt] = useState<number | null>(null)
  const [pending, setPending] = useState(false)
  const wait = useSecondsLeft(retryAt)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (pending || wait > 0) return
    if (!operatorId.trim() || !password) {
      setFailure('Enter your operator id and password.')
      return
    }
    setPending(true)
    setFailure(null)
    const answer = await signIn({ operatorId: operatorId.trim(), password })
    setPending(false)
    if (answer.ok) return
    if (answer.error.code === 'SIGN_IN_FAILED') {
      setFailure(SIGN_IN_FAILED_TEXT)
      setPassword('')
      const after = answer.error.retryAfterMs
      setRetryAt(after && after > 0 ? Date.now() + after : null)
    } else {
      setFailure(`Not signed in: ${answer.error.message}`)
    }
  }

  return (
    <main className="screen screen--narrow auth" aria-labelledby={`${ids}-title`}>
      <form
        className="panel form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        data-testid="sign-in-form"
      >
        <h1 id={`${ids}-title`}>Sign in</h1>
        <p className="muted">
          Sign in with your operator account: every action is recorded under it.
        </p>
        {notice ? (
          <p className="notice" role="status" data-testid="session-notice">
            {notice}
          </p>
        ) : null}
        <ConnectionNote onSettings={props.onSettings} />
        <Field label="Operator id">
          {(control) => (
            <input
              {...control}
              name="username"
              value={operatorId}
              onChange={(e) => setOperatorId(e.target.value)}
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              autoFocus
            />
          )}
        </Field>
        <Field label="Password">
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          )}
        </Field>
        {failure ? (
          <div className="auth__failure" role="alert" data-testid="sign-in-error">
            <p>{failure}</p>
            {wait > 0 ? (
              <p data-testid="sign-in-retry">Too many tries: try again in {wait} s.</p>
            ) : null}
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending || wait > 0}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  )
}
