// Create an auction: everything is checked here (lib/createForm.ts) before it is sent. A
// field's error goes as soon as it is changed; after a create the form keeps what the next
// lot usually shares (increment or table, timing, soft close, consignor). Staff name the
// consignor it is for.
import type { FormEvent } from 'react'
import { TextField } from '../../components/TextField'
import { useApi, useConsole } from '../../context'
import { refusalText, useDraftForm } from '../../hooks/useDraftForm'
import { checkCreate, emptyDraft, nextDraft, type CreateDraft } from '../../lib/createForm'
import { AboutFields } from './AboutFields'
import { CurrencyField } from './CurrencyField'
import { IncrementFields } from './IncrementFields'
import { ScheduleFields } from './ScheduleFields'

export function CreateAuctionForm(props: { onCreated: (auctionId: string) => void }) {
  const api = useApi()
  const offset = useConsole((state) => state.clockOffset)
  const upsert = useConsole((state) => state.upsertAuctions)
  const pushToast = useConsole((state) => state.pushToast)
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const form = useDraftForm<CreateDraft>(emptyDraft)
  const { draft, errors, busy, serverError, change } = form
  const set = <K extends keyof CreateDraft>(key: K, value: CreateDraft[K]): void =>
    change({ [key]: value } as Partial<CreateDraft>)

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const checked = checkCreate(draft, Date.now() + offset, { consignor: staff })
    if (form.rejected(event.currentTarget, checked)) return
    const answer = await form.sending(() =>
      api.call('auctions:create', checked.request).catch(() => null),
    )
    if (!answer?.ok) {
      form.setServerError(answer ? refusalText(answer.error) : 'No connection.')
      return
    }
    upsert([answer.auction])
    pushToast({
      tone: 'success',
      auctionId: answer.auction.id,
      text: `Created "${answer.auction.title}"`,
    })
    form.setDraft(nextDraft)
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
      <AboutFields
        draft={draft}
        errors={errors}
        update={change}
        staff={staff}
        words={{
          consignorHint: 'The seller this auction is for; it is recorded as theirs.',
          title: 'Title',
          description: 'Description',
        }}
        descriptionRows={3}
      />
      <div className="form__row">
        <CurrencyField
          label="Currency"
          value={draft.currency}
          error={errors.currency}
          change={(currency) => set('currency', currency)}
        />
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
