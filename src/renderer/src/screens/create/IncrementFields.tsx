// The bid increment: one fixed step, or a table of price bands (from 0, strictly rising).
import { TextField } from '../../components/TextField'
import type { FormErrors, IncrementDraft } from '../../lib/formChecks'

/** Any draft with an increment part (an auction's, a sale's default). */
export interface IncrementProps {
  draft: IncrementDraft
  errors: FormErrors
  update: (patch: Partial<IncrementDraft>) => void
  legend?: string
}

export function IncrementFields({ draft, errors, update, legend }: IncrementProps) {
  const setBand = (index: number, key: 'from' | 'increment', value: string): void =>
    update({
      bands: draft.bands.map((band, i) => (i === index ? { ...band, [key]: value } : band)),
    })
  return (
    <fieldset className="field">
      <legend>{legend ?? 'Bid increment'}</legend>
      <div className="choices">
        <label className="choice">
          <input
            type="radio"
            name="incrementMode"
            checked={draft.incrementMode === 'fixed'}
            onChange={() => update({ incrementMode: 'fixed' })}
          />
          Fixed
        </label>
        <label className="choice">
          <input
            type="radio"
            name="incrementMode"
            checked={draft.incrementMode === 'table'}
            onChange={() => update({ incrementMode: 'table' })}
          />
          Table by price
        </label>
      </div>
      {draft.incrementMode === 'fixed' ? (
        <TextField
          label="Increment"
          className="field--narrow"
          inputMode="decimal"
          value={draft.increment}
          error={errors.increment}
          onChange={(value) => update({ increment: value })}
        />
      ) : (
        <div className="bands">
          {draft.bands.map((band, index) => (
            <div className="form__row" key={index}>
              <TextField
                label={`Band ${index + 1}: from price`}
                inputMode="decimal"
                value={band.from}
                readOnly={index === 0}
                error={errors[`bands.${index}.from`]}
                onChange={(value) => setBand(index, 'from', value)}
              />
              <TextField
                label="increment"
                inputMode="decimal"
                value={band.increment}
                error={errors[`bands.${index}.increment`]}
                onChange={(value) => setBand(index, 'increment', value)}
              />
              {index > 0 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove band ${index + 1}`}
                  onClick={() => update({ bands: draft.bands.filter((_, i) => i !== index) })}
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
            onClick={() => update({ bands: [...draft.bands, { from: '', increment: '' }] })}
          >
            Add band
          </button>
        </div>
      )}
    </fieldset>
  )
}
