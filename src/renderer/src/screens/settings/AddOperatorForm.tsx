// Settings → Operators: a new account (id, name, role, first password). The main side's
// password rules come back as a field error under Password.
import { useState, type FormEvent } from 'react'
import { commands, type CommandInput, type CommandResult } from '../../../../shared/contract'
import { Field } from '../../components/Field'
import { checkAccount, fieldErrorOf, type AccountErrors } from '../../lib/accountWords'

type Role = CommandInput<'operators:add'>['role']

const ROLES: readonly { role: Role; label: string }[] = [
  { role: 'staff', label: 'Staff — clerks bids, controls every sale' },
  { role: 'seller', label: 'Seller — their own sales and auctions' },
  { role: 'bidder', label: 'Bidder — bids online as their own paddle' },
]

interface Form {
  operatorId: string
  displayName: string
  role: Role
  password: string
}

const EMPTY: Form = { operatorId: '', displayName: '', role: 'seller', password: '' }

export function AddOperatorForm(props: {
  add: (input: CommandInput<'operators:add'>) => Promise<CommandResult<'operators:add'>>
}) {
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<AccountErrors>({})
  const [note, setNote] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null)
  const [pending, setPending] = useState(false)
  const set = <K extends keyof Form>(key: K, value: Form[K]): void =>
    setForm((previous) => ({ ...previous, [key]: value }))

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (pending) return
    const checked = checkAccount(commands['operators:add'].input, form)
    setNote(null)
    if ('errors' in checked) return setErrors(checked.errors)
    setErrors({})
    setPending(true)
    const answer = await props.add(checked.data)
    setPending(false)
    if (answer.ok) {
      setForm(EMPTY)
      setNote({ tone: 'good', text: `Added ${answer.operator.id} (${answer.operator.role}).` })
      return
    }
    const onField = fieldErrorOf(answer.error)
    if (onField) setErrors({ [onField.field]: onField.text })
    else if (answer.error.code === 'OPERATOR_EXISTS')
      setErrors({ operatorId: 'An account with this id exists already.' })
    else setNote({ tone: 'bad', text: `Not added: ${answer.error.message}` })
  }

  return (
    <section className="panel">
      <form
        className="form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-labelledby="add-operator-title"
        data-testid="add-operator-form"
      >
        <h2 id="add-operator-title">Add operator</h2>
        <div className="form__row">
          <Field label="Operator id" error={errors.operatorId}>
            {(control) => (
              <input
                {...control}
                value={form.operatorId}
                onChange={(e) => set('operatorId', e.target.value)}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="e.g. clerk-07"
              />
            )}
          </Field>
          <Field label="Display name" error={errors.displayName}>
            {(control) => (
              <input
                {...control}
                value={form.displayName}
                onChange={(e) => set('displayName', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        </div>
        <fieldset className="field">
          <legend>Role</legend>
          <div className="choices choices--stack">
            {ROLES.map((item) => (
              <label className="choice" key={item.role}>
                <input
                  type="radio"
                  name="add-operator-role"
                  value={item.role}
                  checked={form.role === item.role}
                  onChange={() => set('role', item.role)}
                />
                {item.label}
              </label>
            ))}
          </div>
          {errors.role ? (
            <span className="field__error" role="alert">
              {errors.role}
            </span>
          ) : null}
        </fieldset>
        <Field
          label="Password"
          error={errors.password}
          hint="Tell it to the operator; they sign in with it."
        >
          {(control) => (
            <input
              {...control}
              type="password"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
              autoComplete="new-password"
            />
          )}
        </Field>
        <p
          className={`settings__note ${note ? `outcome--${note.tone}` : ''}`}
          role="status"
          aria-live="polite"
          data-testid="add-operator-note"
        >
          {note?.text ?? ''}
        </p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Add operator
          </button>
        </div>
      </form>
    </section>
  )
}
