// The register as a table: paddle, name, kind, approved (with Approve / Revoke), credit limit
// (edited in place), contact and notes. A change shows at once and is refused in words.
import { useState, type FormEvent } from 'react'
import type { Sale } from '../../../../shared/domain'
import type { RegisterEntry } from '../../../../shared/register'
import type { Register } from '../../hooks/useRegister'
import type { FormErrors } from '../../lib/formChecks'
import { checkLimit, KIND_LABEL, limitText, limitWords } from '../../lib/registerForm'

function LimitEditor(props: {
  entry: RegisterEntry
  currency: string
  save: (limit: number | null) => Promise<string | null>
  done: () => void
}) {
  const [text, setText] = useState(limitText(props.entry.limit, props.currency))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const errors: FormErrors = {}
    const limit = checkLimit(text, props.currency, errors)
    if (errors.limit) return setError(errors.limit)
    setBusy(true)
    const failed = await props.save(limit)
    setBusy(false)
    if (failed) setError(failed)
    else props.done()
  }
  const id = `limit-${props.entry.paddle}`
  return (
    <form className="register__limit-edit" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Credit limit for paddle {props.entry.paddle}
      </label>
      <input
        id={id}
        autoFocus
        inputMode="decimal"
        value={text}
        placeholder="No limit"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value)
          setError(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.done()
        }}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        Save
      </button>
      <button type="button" className="button button--quiet" onClick={props.done}>
        Cancel
      </button>
      {error ? (
        <span className="field__error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </form>
  )
}

export function RegisterTable(props: {
  sale: Sale
  entries: readonly RegisterEntry[]
  register: Pick<Register, 'approve' | 'update'>
  onRefused: (text: string) => void
}) {
  const { sale, register } = props
  const [editing, setEditing] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const onApprove = async (entry: RegisterEntry): Promise<void> => {
    setBusy(entry.paddle)
    const answer = await register.approve(entry.paddle, !entry.approved)
    setBusy(null)
    if (!answer.ok) props.onRefused(`Paddle ${entry.paddle}: ${answer.error.message}`)
  }
  const saveLimit = async (entry: RegisterEntry, limit: number | null): Promise<string | null> => {
    const answer = await register.update({ paddle: entry.paddle, limit: limit ?? '' })
    return answer.ok ? null : answer.error.message
  }

  return (
    <table className="grid register__table" data-testid="register-table">
      <thead>
        <tr>
          <th scope="col" className="num">
            Paddle
          </th>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Approved</th>
          <th scope="col" className="num">
            Credit limit
          </th>
          <th scope="col">Email / phone</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => (
          <tr key={entry.paddle} data-testid={`register-row-${entry.paddle}`}>
            <td className="num strong register__paddle">{entry.paddle}</td>
            <td>{entry.name}</td>
            <td>{KIND_LABEL[entry.kind]}</td>
            <td>
              <div className="register__approval">
                <span
                  className={`badge ${entry.approved ? 'badge--good' : 'badge--warn'}`}
                  data-testid="register-approved"
                >
                  {entry.approved ? 'Approved' : 'Not approved'}
                </span>
                <button
                  type="button"
                  className={`button ${entry.approved ? 'button--quiet' : ''}`}
                  disabled={busy === entry.paddle}
                  aria-label={`${entry.approved ? 'Revoke' : 'Approve'} paddle ${entry.paddle}`}
                  onClick={() => void onApprove(entry)}
                >
                  {entry.approved ? 'Revoke' : 'Approve'}
                </button>
              </div>
            </td>
            <td className="num">
              {editing === entry.paddle ? (
                <LimitEditor
                  entry={entry}
                  currency={sale.currency}
                  save={(limit) => saveLimit(entry, limit)}
                  done={() => setEditing(null)}
                />
              ) : (
                <div className="register__limit">
                  <span
                    data-testid="register-limit"
                    className={entry.limit === null ? 'muted' : ''}
                  >
                    {limitWords(entry.limit, sale.currency)}
                  </span>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Edit the credit limit of paddle ${entry.paddle}`}
                    onClick={() => setEditing(entry.paddle)}
                  >
                    Edit
                  </button>
                </div>
              )}
            </td>
            <td>
              <div className="register__contact">
                {entry.email ? <span>{entry.email}</span> : null}
                {entry.phone ? <span className="muted">{entry.phone}</span> : null}
                {!entry.email && !entry.phone ? <span className="muted">—</span> : null}
              </div>
            </td>
            <td className="register__notes" title={entry.notes || undefined}>
              {entry.notes || <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
