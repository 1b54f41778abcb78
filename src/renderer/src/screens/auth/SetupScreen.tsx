// First launch: the store has no account yet, so the first one is made here, a staff
// account that then adds the others (Settings → Operators), and this console signs in as it.
import { useId, useState, type FormEvent } from 'react'
import { commands } from '../../../../shared/contract'
import { Field } from '../../components/Field'
import { useConsole } from '../../context'
import { useAuthCommands } from '../../hooks/useAuthCommands'
import {
  checkAccount,
  confirmError,
  fieldErrorOf,
  type AccountErrors,
} from '../../lib/accountWords'
import { ConnectionNote } from './ConnectionNote'

interface Form {
  displayName: string
  operatorId: string
  password: string
  confirm: string
}

export function SetupScreen(props: { onSettings: () => void }) {
  const { setup } = useAuthCommands()
  const authKnown = useConsole((state) => state.authKnown)
  const ids = useId()
  const [form, setForm] = useState<Form>({
    displayName: '',
    operatorId: '',
    password: '',
    confirm: '',
  })
  const [errors, setErrors] = useState<AccountErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const set = (key: keyof Form, value: string): void =>
    setForm((previous) => ({ ...previous, [key]: value }))

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (pending) return
    const { confirm, ...input } = form
    const checked = checkAccount(commands['auth:setup'].input, input)
    const found: AccountErrors = 'errors' in checked ? { ...checked.errors } : {}
    if (form.password && confirm !== form.password) found.confirm = confirmError()
    setErrors(found)
    setFailure(null)
    if (!('data' in checked) || Object.keys(found).length > 0) return
    setPending(true)
    const answer = await setup(checked.data)
    setPending(false)
    if (answer.ok) return
    if (answer.error.code === 'OPERATOR_EXISTS') {
      // Another console made the first account meanwhile: sign in with an account instead.
      authKnown(false, 'An operator account exists already: sign in with it.')
      return
    }
    const onField = fieldErrorOf(answer.error)
    if (onField) setErrors({ [onField.field]: onField.text })
    else setFailure(`Not created: ${answer.error.message}`)
  }

  return (
    <main className="screen screen--narrow auth" aria-labelledby={`${ids}-title`}>
      <form
        className="panel form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        data-testid="setup-form"
      >
        <h1 id={`${ids}-title`}>Create the first staff account</h1>
        <p className="muted">
          This console has no operator accounts yet. The first one is a staff account: it signs in
          here and adds the others in Settings → Operators.
        </p>
        <ConnectionNote onSettings={props.onSettings} />
        <Field label="Display name" error={errors.displayName}>
          {(control) => (
            <input
              {...control}
              name="name"
              value={form.displayName}
              onChange={(e) => set('displayName', e.target.value)}
              autoComplete="name"
              autoFocus
            />
          )}
        </Field>
        <Field label="Operator id" error={errors.operatorId} hint="Used to sign in, e.g. clerk-07.">
          {(control) => (
            <input
              {...control}
              name="username"
              value={form.operatorId}
              onChange={(e) => set('operatorId', e.target.value)}
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
            />
          )}
        </Field>
        <div className="form__row">
          <Field label="Password" error={errors.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="new-password"
                value={form.password}
                onChange={(e) => set('password', e.target.value)}
                autoComplete="new-password"
              />
            )}
          </Field>
          <Field label="Confirm password" error={errors.confirm}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="confirm-password"
                value={form.confirm}
                onChange={(e) => set('confirm', e.target.value)}
                autoComplete="new-password"
              />
            )}
          </Field>
        </div>
        {failure ? (
          <p className="field__error" role="alert" data-testid="setup-error">
            {failure}
          </p>
        ) : null}
        <div className="form__actions auth__actions">
          {/* Before any account exists, the Redis to keep them in may still be chosen. */}
          <button type="button" className="link" onClick={props.onSettings}>
            Connection settings
          </button>
          <div className="toolbar__spacer" />
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Creating…' : 'Create account and sign in'}
          </button>
        </div>
      </form>
    </main>
  )
}
