// Create a sale: everything is checked here (lib/saleForm.ts) before it is sent. A create
// that got no answer is sent again with the same request id, never as a second sale. A
// field's error goes as soon as it is changed; staff name the consignor it is for.
import { useState, type FormEvent } from 'react'
import { SALE_MODES } from '../../../../shared/domain'
import { Field } from '../../components/Field'
import { TextField } from '../../components/TextField'
import { useConsole } from '../../context'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { withoutErrors, type FormErrors } from '../../lib/formChecks'
import { CURRENCIES } from '../../lib/currencies'
import { createRetryId } from '../../lib/retryId'
import { checkSale, emptySaleDraft, nextSaleDraft, type SaleDraft } from '../../lib/saleForm'
import { IncrementFields } from './IncrementFields'
import { SaleTimingFields } from './SaleTimingFields'

const SUBMIT_LABEL = { draft: 'Create draft', now: 'Create and open', at: 'Create and schedule' }

export function CreateSaleForm(props: { onCreated: (saleId: string) => void }) {
  const commands = useSaleCommands()
  const offset = useConsole((state) => state.clockOffset)
  const pushToast = useConsole((state) => state.pushToast)
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const [draft, setDraft] = useState<SaleDraft>(emptySaleDraft)
  const [errors, setErrors] = useState<FormErrors>({})
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [retry] = useState(() => createRetryId())
  const update = (patch: Partial<SaleDraft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }))
    setErrors((previous) => withoutErrors(previous, Object.keys(patch)))
    setServerError(null)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = event.currentTarget
    const checked = checkSale(draft, Date.now() + offset, { consignor: staff })
    setServerError(null)
    if ('errors' in checked) {
      setErrors(checked.errors)
      // Move focus to the first field at fault so the keyboard user hears why.
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    setErrors({})
    setBusy(true)
    const requestId = retry.idFor(JSON.stringify(checked.request))
    const answer = await commands.createSale({ ...checked.request, requestId })
    retry.settle(answer)
    setBusy(false)
    if (!answer.ok) {
      const { message, field } = answer.error
      setServerError(`${message}${field ? ` (${field})` : ''}`)
      return
    }
    pushToast({ tone: 'success', text: `Created sale "${answer.sale.title}"` })
    setDraft(nextSaleDraft)
    props.onCreated(answer.sale.id)
  }

  return (
    <form
      className="form create-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="create-sale-title"
      data-testid="create-sale-form"
    >
      <h2 id="create-sale-title">New sale</h2>
      {staff ? (
        <TextField
          label="Consignor (seller id)"
          value={draft.consignor}
          error={errors.consignor}
          maxLength={64}
          hint="The seller this sale is for; its lots are recorded as theirs."
          onChange={(value) => update({ consignor: value })}
        />
      ) : null}
      <TextField
        label="Sale title"
        value={draft.title}
        error={errors.title}
        maxLength={200}
        onChange={(value) => update({ title: value })}
      />
      <Field label="Sale description" error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>
      <div className="form__row">
        <fieldset className="field">
          <legend>Mode</legend>
          <div className="choices">
            {SALE_MODES.map((mode) => (
              <label className="choice" key={mode}>
                <input
                  type="radio"
                  name="saleMode"
                  checked={draft.mode === mode}
                  onChange={() => update({ mode })}
                />
                {mode === 'timed' ? 'Timed (online)' : 'Live (auctioneer)'}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Sale currency" error={errors.currency} className="field--narrow">
          {(p) => (
            <select
              {...p}
              value={draft.currency}
              onChange={(e) => update({ currency: e.target.value })}
            >
              {CURRENCIES.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <IncrementFields
        draft={draft}
        errors={errors}
        update={update}
        legend="Default bid increment"
      />
      <SaleTimingFields draft={draft} errors={errors} update={update} />
      {serverError ? (
        <p className="field__error" role="alert">
          Not created: {serverError}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : SUBMIT_LABEL[draft.startMode]}
        </button>
      </div>
    </form>
  )
}
