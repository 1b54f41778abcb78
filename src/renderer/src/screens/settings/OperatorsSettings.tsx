// Settings → Operators (staff): every account with its role and state, a new account, and
// per account Disable / Enable and Reset password. Disabling or a new password ends that
// operator's sign-in on every console at once; one's own account is not disabled here.
import { useState } from 'react'
import type { OperatorAccount } from '../../../../shared/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { TextPrompt } from '../../components/TextPrompt'
import { useConsole } from '../../context'
import { useOperators } from '../../hooks/useOperators'
import { fieldErrorOf } from '../../lib/accountWords'
import { formatDateTime, formatShortDateTime } from '../../lib/format'
import { AddOperatorForm } from './AddOperatorForm'

type Pending = { kind: 'disable' | 'passwd'; operator: OperatorAccount } | null

function OperatorRow(props: {
  operator: OperatorAccount
  self: boolean
  busy: boolean
  onDisable: () => void
  onEnable: () => void
  onPassword: () => void
}) {
  const { operator } = props
  return (
    <tr data-testid={`operator-${operator.id}`}>
      <td className="mono operators__id">
        {operator.id}
        {props.self ? <span className="muted"> (you)</span> : null}
      </td>
      <td>{operator.displayName}</td>
      <td className="operators__role">{operator.role}</td>
      <td>
        <span
          className={`badge ${operator.disabled ? 'badge--warn' : 'badge--good'}`}
          data-testid="operator-status"
        >
          {operator.disabled ? 'Disabled' : 'Active'}
        </span>
      </td>
      <td className="operators__when" title={formatDateTime(operator.createdAt)}>
        {formatShortDateTime(operator.createdAt)}
      </td>
      <td
        className="operators__when"
        title={operator.lastSignInAt === null ? undefined : formatDateTime(operator.lastSignInAt)}
      >
        {operator.lastSignInAt === null ? 'Never' : formatShortDateTime(operator.lastSignInAt)}
      </td>
      <td>
        <div className="actions actions--compact operators__actions">
          {operator.disabled ? (
            <button type="button" className="button" disabled={props.busy} onClick={props.onEnable}>
              Enable
            </button>
          ) : props.self ? null : (
            <button
              type="button"
              className="button button--danger-outline"
              disabled={props.busy}
              onClick={props.onDisable}
            >
              Disable
            </button>
          )}
          <button type="button" className="button" disabled={props.busy} onClick={props.onPassword}>
            Reset password
          </button>
        </div>
      </td>
    </tr>
  )
}

export function OperatorsSettings() {
  const me = useConsole((state) => state.profile?.operatorId)
  const accounts = useOperators()
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [rowError, setRowError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const run = async (
    operatorId: string,
    action: () => ReturnType<typeof accounts.enable>,
    what: string,
    success: string,
  ): Promise<void> => {
    setBusy(operatorId)
    setRowError(null)
    setDone(null)
    const answer = await action()
    setBusy(null)
    if (answer.ok) setDone(success)
    else setRowError(`Could not ${what} ${operatorId}: ${answer.error.message}`)
  }

  const disable = (operator: OperatorAccount): void => {
    setPending(null)
    void run(
      operator.id,
      () => accounts.disable(operator.id),
      'disable',
      `${operator.id} is disabled: their sign-in has ended on every console.`,
    )
  }

  const resetPassword = async (operator: OperatorAccount, password: string) => {
    setRowError(null)
    setDone(null)
    const answer = await accounts.setPassword(operator.id, password)
    if (!answer.ok) return fieldErrorOf(answer.error)?.text ?? answer.error.message
    setPending(null)
    setDone(`${operator.id} has a new password: their other sign-ins have ended.`)
    return null
  }

  const list = accounts.operators
  return (
    <div className="settings__body operators">
      <section className="panel panel--flush" aria-labelledby="operators-title">
        <div className="operators__head">
          <h2 id="operators-title">Operators</h2>
          <button type="button" className="button button--quiet" onClick={accounts.reload}>
            Refresh
          </button>
        </div>
        {accounts.loadError ? (
          <p className="notice notice--bad operators__message" role="alert">
            The accounts could not be read: {accounts.loadError}
          </p>
        ) : null}
        {rowError ? (
          <p
            className="notice notice--bad operators__message"
            role="alert"
            data-testid="operators-error"
          >
            {rowError}
          </p>
        ) : null}
        {done ? (
          <p className="notice operators__message" role="status" data-testid="operators-done">
            {done}
          </p>
        ) : null}
        {list === null ? (
          accounts.loadError ? null : (
            <p className="empty">Reading the accounts…</p>
          )
        ) : list.length === 0 ? (
          <p className="empty">No operator accounts.</p>
        ) : (
          <div className="operators__scroll">
            <table className="grid operators__table" data-testid="operators-table">
              <thead>
                <tr>
                  <th scope="col">Operator id</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((operator) => (
                  <OperatorRow
                    key={operator.id}
                    operator={operator}
                    self={operator.id === me}
                    busy={busy === operator.id}
                    onDisable={() => setPending({ kind: 'disable', operator })}
                    onEnable={() =>
                      void run(
                        operator.id,
                        () => accounts.enable(operator.id),
                        'enable',
                        `${operator.id} is enabled: they can sign in again.`,
                      )
                    }
                    onPassword={() => setPending({ kind: 'passwd', operator })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddOperatorForm add={accounts.add} />
      {pending?.kind === 'disable' ? (
        <ConfirmDialog
          title={`Disable ${pending.operator.id}?`}
          message={`${pending.operator.displayName} can no longer sign in, and their sign-in ends at once on every console. You can enable the account again later.`}
          confirmLabel="Disable"
          danger
          onConfirm={() => disable(pending.operator)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {pending?.kind === 'passwd' ? (
        <TextPrompt
          title={`Reset the password of ${pending.operator.id}`}
          message="Their other sign-ins end; they sign in again with the new password."
          label="New password"
          confirmLabel="Set password"
          secret
          onConfirm={(password) => resetPassword(pending.operator, password)}
          onCancel={() => setPending(null)}
          testId="password-prompt"
        />
      ) : null}
    </div>
  )
}
