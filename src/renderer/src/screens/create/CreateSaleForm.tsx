// Create a sale: everything is checked here (lib/saleForm.ts) before it is sent. A create
// that got no answer is sent again with the same request id, never as a second sale. A
// field's error goes as soon as it is changed; staff name the consignor it is for.
import { useState, type FormEvent } from 'react'
import { SALE_MODES } from '../../../../shared/domain'
import { useConsole } from '../../context'
import { refusalText, useDraftForm } from '../../hooks/useDraftForm'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { createRetryId } from '../../lib/retryId'
import { checkSale, emptySaleDraft, nextSaleDraft, type SaleDraft } from '../../lib/saleForm'
import { AboutFields } from './AboutFields'
import { CurrencyField } from './CurrencyField'
import { IncrementFields } from './IncrementFields'
import { SaleTimingFields } from './SaleTimingFields'
import { TermsFields } from './TermsFields'

const SUBMIT_LABEL = { draft: 'Create draft', now: 'Create and open', at: 'Create and schedule' }

export function CreateSaleForm(props: { onCreated: (saleId: string) => void }) {
  const commands = useSaleCommands()
  const offset = useConsole((state) => state.clockOffset)
  const pushToast = useConsole((state) => state.pushToast)
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const form = useDraftForm<SaleDraft>(emptySaleDraft)
  const { draft, errors, busy, serverError, change: update } = form
  const [retry] = useState(() => createRetryId())

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const checked = checkSale(draft, Date.now() + offset, { consignor: staff })
    if (form.rejected(event.currentTarget, checked)) return
    const requestId = retry.idFor(JSON.stringify(checked.request))
    const answer = await form.sending(() => commands.createSale({ ...checked.request, requestId }))
    retry.settle(answer)
    if (!answer.ok) {
      form.setServerError(refusalText(answer.error))
      return
    }
    pushToast({ tone: 'success', text: `Created sale "${answer.sale.title}"` })
    form.setDraft(nextSaleDraft)
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
      <AboutFields
        draft={draft}
        errors={errors}
        update={update}
        staff={staff}
        words={{
          consignorHint: 'The seller this sale is for; its lots are recorded as theirs.',
          title: 'Sale title',
          description: 'Sale description',
        }}
        descriptionRows={2}
      />
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
        <CurrencyField
          label="Sale currency"
          value={draft.currency}
          error={errors.currency}
          change={(currency) => update({ currency })}
        />
      </div>
      <IncrementFields
        draft={draft}
        errors={errors}
        update={update}
        legend="Default bid increment"
      />
      <SaleTimingFields draft={draft} errors={errors} update={update} />
      <TermsFields
        draft={draft.terms}
        errors={errors}
        currency={draft.currency.trim().toUpperCase() || 'USD'}
        update={(patch) => update({ terms: { ...draft.terms, ...patch } })}
      />
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
