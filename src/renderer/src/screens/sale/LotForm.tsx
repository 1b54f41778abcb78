// Add a lot to a draft sale, or edit one: checked here (lib/lotForm.ts) before it is sent.
// An add that got no answer is sent again with the same request id, never as a second lot.
// A field's error goes as soon as it is changed; the next lot keeps the last increment.
import { useState, type FormEvent } from 'react'
import type { Lot, Sale } from '../../../../shared/domain'
import { Field } from '../../components/Field'
import { TextField } from '../../components/TextField'
import { useConsole } from '../../context'
import { refusalText, useDraftForm } from '../../hooks/useDraftForm'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { checkLot, emptyLotDraft, lotToDraft, nextLotDraft, type LotDraft } from '../../lib/lotForm'
import { createRetryId } from '../../lib/retryId'

export function LotForm(props: {
  sale: Sale
  /** The lot being edited; none to add one. */
  lot?: Lot
  /** Numbers of the sale's other lots. */
  taken: readonly string[]
  /** The number an added lot gets unless the operator types one. */
  nextNumber: string
  onDone?: () => void
}) {
  const { sale, lot } = props
  const commands = useSaleCommands()
  const pushToast = useConsole((state) => state.pushToast)
  const form = useDraftForm<LotDraft>(() => (lot ? lotToDraft(lot) : emptyLotDraft()))
  const { draft, errors, busy, serverError } = form
  // Until the operator types a number, an added lot takes the next free one (which moves
  // on as lots are added here, imported or added by another console).
  const [numberTyped, setNumberTyped] = useState(lot !== undefined)
  const number = numberTyped ? draft.number : props.nextNumber
  const [retry] = useState(() => createRetryId())
  const set = (key: keyof LotDraft, value: string): void => form.change({ [key]: value })

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const checked = checkLot({ ...draft, number }, sale.currency, props.taken)
    if (form.rejected(event.currentTarget, checked)) return
    const answer = await form.sending(() =>
      lot
        ? commands.updateLot(lot.id, checked.input)
        : commands.addLot(sale.id, checked.input, retry.idFor(JSON.stringify(checked.input))),
    )
    retry.settle(answer)
    if (!answer.ok) {
      form.setServerError(refusalText(answer.error))
      return
    }
    pushToast({
      tone: 'success',
      text: `${lot ? 'Saved' : 'Added'} lot ${answer.lot.number}: ${answer.lot.title}`,
    })
    if (!lot) {
      form.setDraft(nextLotDraft)
      setNumberTyped(false)
    }
    props.onDone?.()
  }

  const heading = lot ? `Edit lot ${lot.number}` : 'Add a lot'
  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={heading}
      data-testid="lot-form"
    >
      <h2>{heading}</h2>
      <div className="form__row">
        <TextField
          label="Lot number"
          className="field--narrow"
          value={number}
          error={errors.number}
          maxLength={9}
          onChange={(value) => {
            setNumberTyped(true)
            set('number', value)
          }}
        />
        <TextField
          label="Lot title"
          value={draft.title}
          error={errors.title}
          maxLength={200}
          onChange={(value) => set('title', value)}
        />
      </div>
      <Field label="Lot description" error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="form__row">
        <TextField
          label="Low estimate"
          inputMode="decimal"
          value={draft.estimateLow}
          error={errors.estimateLow}
          onChange={(value) => set('estimateLow', value)}
        />
        <TextField
          label="High estimate"
          inputMode="decimal"
          value={draft.estimateHigh}
          error={errors.estimateHigh}
          onChange={(value) => set('estimateHigh', value)}
        />
      </div>
      <div className="form__row">
        <TextField
          label={`Start price (${sale.currency})`}
          inputMode="decimal"
          value={draft.startingPrice}
          error={errors.startingPrice}
          onChange={(value) => set('startingPrice', value)}
        />
        <TextField
          label="Lot reserve (optional)"
          inputMode="decimal"
          value={draft.reservePrice}
          error={errors.reservePrice}
          onChange={(value) => set('reservePrice', value)}
        />
        <TextField
          label="Lot increment (optional)"
          inputMode="decimal"
          value={draft.increment}
          error={errors.increment}
          hint="Empty: the sale's increment."
          onChange={(value) => set('increment', value)}
        />
      </div>
      {serverError ? (
        <p className="field__error" role="alert">
          Not saved: {serverError}
        </p>
      ) : null}
      <div className="form__actions">
        {lot ? (
          <button type="button" className="button button--quiet" onClick={props.onDone}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : lot ? 'Save lot' : 'Add lot'}
        </button>
      </div>
    </form>
  )
}
