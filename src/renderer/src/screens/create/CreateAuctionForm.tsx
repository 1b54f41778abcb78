// Create an auction: everything is checked here (lib/createForm.ts) before it is sent. A
// field's error goes as soon as it is changed; after a create the form keeps what the next
// lot usually shares (increment or table, timing, soft close, consignor). Staff name the
// consignor it is for.
import { useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { TextField } from '../../components/TextField'
import { useApi, useConsole } from '../../context'
import { CURRENCIES } from '../../lib/currencies'
import {
  checkCreate,
  emptyDraft,
  nextDraft,
  type CreateDraft,
  type CreateErrors,
} from '../../lib/createForm'
import { withoutErrors } from '../../lib/formChecks'
import { IncrementFields } from './IncrementFields'
import { ScheduleFields } from './ScheduleFields'

export function CreateAuctionForm(props: { onCreated: (auctionId: string) => void }) {
  const api = useApi()
  const offset = useConsole((state) => state.clockOffset)
  const upsert = useConsole((state) => state.upsertAuctions)
  const pushToast = useConsole((state) => state.pushToast)
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const [draft, setDraft] = useState<CreateDraft>(emptyDraft)
  const [errors, setErrors] = useState<CreateErrors>({})
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)

  const change = (patch: Partial<CreateDraft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }))
    setErrors((previous) => withoutErrors(previous, Object.keys(patch)))
    setServerError(null)
  }
  const set = <K extends keyof CreateDraft>(key: K, value: CreateDraft[K]): void =>
    change({ [key]: value } as Partial<CreateDraft>)

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = event.currentTarget
    const checked = checkCreate(draft, Date.now() + offset, { consignor: staff })
    setServerError(null)
    if ('errors' in checked) {
      setErrors(checked.errors)
      // Move focus to the first field at fault so the keyboard user hears why.
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    setErrors({})
    setBusy(true)
    const answer = await api.call('auctions:create', checked.request).catch(() => null)
    setBusy(false)
    if (!answer?.ok) {
      const error = answer?.error
      setServerError(
        error ? `${error.message}${error.field ? ` (${error.field})` : ''}` : 'No connection.',
      )
      return
    }
    upsert([answer.auction])
    pushToast({
      tone: 'success',
      auctionId: answer.auction.id,
      text: `Created "${answer.auction.title}"`,
    })
    setDraft(nextDraft)
    props.onCreated(answer.auction.id)
  }

  return (
    <form
      className="form create-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="create-title"
      data-testid="create-form"
    >
      <h2 id="create-title">New auction</h2>
      {staff ? (
        <TextField
          label="Consignor (seller id)"
          value={draft.consignor}
          error={errors.consignor}
          maxLength={64}
          hint="The seller this auction is for; it is recorded as theirs."
          onChange={(value) => set('consignor', value)}
        />
      ) : null}
      <TextField
        label="Title"
        value={draft.title}
        error={errors.title}
        maxLength={200}
        onChange={(value) => set('title', value)}
      />
      <Field label="Description" error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="form__row">
        <Field label="Currency" error={errors.currency} className="field--narrow">
          {(p) => (
            <select {...p} value={draft.currency} onChange={(e) => set('currency', e.target.value)}>
              {CURRENCIES.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Starting price"
          inputMode="decimal"
          value={draft.startingPrice}
          error={errors.startingPrice}
          onChange={(value) => set('startingPrice', value)}
        />
        <TextField
          label="Reserve (optional)"
          inputMode="decimal"
          value={draft.reservePrice}
          error={errors.reservePrice}
          onChange={(value) => set('reservePrice', value)}
        />
      </div>
      <IncrementFields draft={draft} errors={errors} update={change} />
      <ScheduleFields draft={draft} errors={errors} set={set} />
      {serverError ? (
        <p className="field__error" role="alert">
          Not created: {serverError}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? 'Creating…'
            : draft.startMode === 'now'
              ? 'Create and start'
              : draft.startMode === 'at'
                ? 'Create and schedule'
                : 'Save draft'}
        </button>
      </div>
    </form>
  )
}
