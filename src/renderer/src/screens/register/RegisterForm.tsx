// Add a paddle to the sale's register: checked in full here first (lib/registerForm.ts);
// the main side's refusal (a paddle taken, INVALID_INPUT on a field) comes back on its field.
import { useState, type FormEvent } from 'react'
import type { Sale } from '../../../../shared/domain'
import { Field } from '../../components/Field'
import { TextField } from '../../components/TextField'
import type { Register } from '../../hooks/useRegister'
import { withoutErrors, type FormErrors } from '../../lib/formChecks'
import {
  checkRegisterEntry,
  emptyRegisterDraft,
  KIND_LABEL,
  KINDS,
  refusalOnField,
  type RegisterDraft,
} from '../../lib/registerForm'

export function RegisterForm(props: {
  sale: Sale
  taken: readonly string[]
  add: Register['add']
}) {
  const { sale } = props
  const [draft, setDraft] = useState<RegisterDraft>(emptyRegisterDraft)
  const [errors, setErrors] = useState<FormErrors>({})
  const [note, setNote] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<RegisterDraft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }))
    setErrors((previous) => withoutErrors(previous, Object.keys(patch)))
    setNote(null)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const form = event.currentTarget
    const checked = checkRegisterEntry(draft, sale.currency, props.taken)
    setNote(null)
    if ('errors' in checked) {
      setErrors(checked.errors)
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    setErrors({})
    setBusy(true)
    const answer = await props.add(checked.input)
    setBusy(false)
    if (answer.ok) {
      setNote({ tone: 'good', text: `Paddle ${answer.entry.paddle} added: ${answer.entry.name}.` })
      // The next bidder usually comes the same way; the paddle and the person are new.
      setDraft((previous) => ({ ...emptyRegisterDraft(), kind: previous.kind }))
      requestAnimationFrame(() => form.querySelector<HTMLElement>('input')?.focus())
      return
    }
    const refusal = refusalOnField(answer.error)
    if (refusal.field) setErrors({ [refusal.field]: refusal.message })
    else setNote({ tone: 'bad', text: `Not added: ${refusal.message}` })
  }

  return (
    <form
      className="form register-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="register-add-title"
      data-testid="register-form"
    >
      <h2 id="register-add-title">Add a bidder</h2>
      <div className="form__row">
        <TextField
          label="Paddle"
          className="field--narrow"
          value={draft.paddle}
          error={errors.paddle}
          maxLength={64}
          onChange={(paddle) => change({ paddle })}
        />
        <TextField
          label="Name"
          value={draft.name}
          error={errors.name}
          maxLength={120}
          onChange={(name) => change({ name })}
        />
      </div>
      <div className="form__row">
        <TextField
          label="Email (optional)"
          value={draft.email}
          error={errors.email}
          onChange={(email) => change({ email })}
        />
        <TextField
          label="Phone (optional)"
          value={draft.phone}
          error={errors.phone}
          onChange={(phone) => change({ phone })}
        />
      </div>
      <div className="form__row">
        <Field label="Kind" error={errors.kind}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(event) => {
                const kind = KINDS.find((k) => k === event.target.value)
                if (kind) change({ kind })
              }}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={`Credit limit (${sale.currency}, optional)`}
          inputMode="decimal"
          value={draft.limit}
          error={errors.limit}
          hint="Hammer plus premium of what they win and lead."
          onChange={(limit) => change({ limit })}
        />
      </div>
      <TextField
        label="Notes (optional)"
        value={draft.notes}
        error={errors.notes}
        maxLength={2000}
        onChange={(notes) => change({ notes })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.approved}
          onChange={(event) => change({ approved: event.target.checked })}
        />
        Approved to bid
      </label>
      <p
        className={`settings__note ${note ? `outcome--${note.tone}` : ''}`}
        role="status"
        aria-live="polite"
        data-testid="register-note"
      >
        {note?.text ?? ''}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add bidder'}
        </button>
      </div>
    </form>
  )
}
