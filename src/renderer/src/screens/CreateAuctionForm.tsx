// Create an auction: everything is checked here (lib/createForm.ts) before it is sent.
import { useState, type FormEvent } from 'react'
import { Field } from '../components/Field'
import { useApi, useConsole } from '../context'
import { checkCreate, emptyDraft, type CreateDraft, type CreateErrors } from '../lib/createForm'

const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'HKD',
  'SGD',
]

export function CreateAuctionForm(props: { onCreated: (auctionId: string) => void }) {
  const api = useApi()
  const offset = useConsole((state) => state.clockOffset)
  const upsert = useConsole((state) => state.upsertAuctions)
  const pushToast = useConsole((state) => state.pushToast)
  const [draft, setDraft] = useState<CreateDraft>(emptyDraft)
  const [errors, setErrors] = useState<CreateErrors>({})
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)

  const set = <K extends keyof CreateDraft>(key: K, value: CreateDraft[K]): void =>
    setDraft((previous) => ({ ...previous, [key]: value }))
  const setBand = (index: number, key: 'from' | 'increment', value: string): void =>
    setDraft((previous) => ({
      ...previous,
      bands: previous.bands.map((band, i) => (i === index ? { ...band, [key]: value } : band)),
    }))

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = event.currentTarget
    const checked = checkCreate(draft, Date.now() + offset)
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
    setDraft((previous) => ({ ...emptyDraft(), currency: previous.currency }))
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
      <Field label="Title" error={errors.title}>
        {(p) => (
          <input
            {...p}
            value={draft.title}
            onChange={(e) => set('title', e.target.value)}
            maxLength={200}
          />
        )}
      </Field>
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
        <Field label="Starting price" error={errors.startingPrice}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={draft.startingPrice}
              onChange={(e) => set('startingPrice', e.target.value)}
            />
          )}
        </Field>
        <Field label="Reserve (optional)" error={errors.reservePrice}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={draft.reservePrice}
              onChange={(e) => set('reservePrice', e.target.value)}
            />
          )}
        </Field>
      </div>

      <fieldset className="field">
        <legend>Bid increment</legend>
        <div className="choices">
          <label className="choice">
            <input
              type="radio"
              name="incrementMode"
              checked={draft.incrementMode === 'fixed'}
              onChange={() => set('incrementMode', 'fixed')}
            />
            Fixed
          </label>
          <label className="choice">
            <input
              type="radio"
              name="incrementMode"
              checked={draft.incrementMode === 'table'}
              onChange={() => set('incrementMode', 'table')}
            />
            Table by price
          </label>
        </div>
        {draft.incrementMode === 'fixed' ? (
          <Field label="Increment" error={errors.increment} className="field--narrow">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={draft.increment}
                onChange={(e) => set('increment', e.target.value)}
              />
            )}
          </Field>
        ) : (
          <div className="bands">
            {draft.bands.map((band, index) => (
              <div className="form__row" key={index}>
                <Field
                  label={`Band ${index + 1}: from price`}
                  error={errors[`bands.${index}.from`]}
                >
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={band.from}
                      readOnly={index === 0}
                      onChange={(e) => setBand(index, 'from', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="increment" error={errors[`bands.${index}.increment`]}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={band.increment}
                      onChange={(e) => setBand(index, 'increment', e.target.value)}
                    />
                  )}
                </Field>
                {index > 0 ? (
                  <button
                    type="button"
                    className="button button--quiet bands__remove"
                    aria-label={`Remove band ${index + 1}`}
                    onClick={() =>
                      set(
                        'bands',
                        draft.bands.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Remove
                  </button>
                ) : null}
              </div>
            ))}
            {errors.bands ? (
              <span className="field__error" role="alert">
                {errors.bands}
              </span>
            ) : null}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => set('bands', [...draft.bands, { from: '', increment: '' }])}
            >
              Add band
            </button>
          </div>
        )}
      </fieldset>

      <div className="form__row">
        <fieldset className="field">
          <legend>Start</legend>
          <div className="choices choices--stack">
            {(['now', 'at', 'draft'] as const).map((mode) => (
              <label className="choice" key={mode}>
                <input
                  type="radio"
                  name="startMode"
                  checked={draft.startMode === mode}
                  onChange={() => set('startMode', mode)}
                />
                {mode === 'now' ? 'Now' : mode === 'at' ? 'At a time' : 'Save as draft'}
              </label>
            ))}
          </div>
          {draft.startMode === 'at' ? (
            <Field label="Starts at" error={errors.startsAt}>
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={draft.startsAt}
                  onChange={(e) => set('startsAt', e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </fieldset>
        <fieldset className="field">
          <legend>End</legend>
          <div className="choices choices--stack">
            <label className="choice">
              <input
                type="radio"
                name="endMode"
                checked={draft.endMode === 'duration'}
                onChange={() => set('endMode', 'duration')}
              />
              After a duration
            </label>
            <label className="choice">
              <input
                type="radio"
                name="endMode"
                checked={draft.endMode === 'at'}
                onChange={() => set('endMode', 'at')}
              />
              At a time
            </label>
          </div>
          {draft.endMode === 'duration' ? (
            <Field label="Duration (minutes)" error={errors.durationMinutes}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={draft.durationMinutes}
                  onChange={(e) => set('durationMinutes', e.target.value)}
                />
              )}
            </Field>
          ) : (
            <Field label="Ends at" error={errors.endsAt}>
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={draft.endsAt}
                  onChange={(e) => set('endsAt', e.target.value)}
                />
              )}
            </Field>
          )}
        </fieldset>
        <Field
          label="Soft close (seconds)"
          error={errors.softCloseSeconds}
          hint="A bid in the last N seconds extends the end to N seconds from then; 0 is off."
          className="field--narrow"
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={draft.softCloseSeconds}
              onChange={(e) => set('softCloseSeconds', e.target.value)}
            />
          )}
        </Field>
      </div>
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
