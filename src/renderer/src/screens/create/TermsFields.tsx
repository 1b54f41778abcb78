// The sale's settlement terms in a form: buyer's premium bands (rows of "up to" and a rate;
// the last row takes the rest of the hammer), tax on the premium, the seller's commission,
// a fee per lot sold, and "registered bidders only".
import { TextField } from '../../components/TextField'
import type { FormErrors } from '../../lib/formChecks'
import type { TermsDraft } from '../../lib/termsForm'

export function TermsFields(props: {
  draft: TermsDraft
  errors: FormErrors
  update: (patch: Partial<TermsDraft>) => void
  currency: string
}) {
  const { draft, errors, update } = props
  const bands = draft.premiumBands
  const setBand = (index: number, key: 'upTo' | 'rate', value: string): void =>
    update({ premiumBands: bands.map((b, i) => (i === index ? { ...b, [key]: value } : b)) })
  return (
    <fieldset className="field terms" data-testid="terms-fields">
      <legend>Buyer’s premium, commission and registration</legend>
      <div className="terms__bands" role="group" aria-label="Buyer’s premium bands">
        {bands.map((band, index) => {
          const last = index === bands.length - 1
          return (
            <div className="terms__band" key={index}>
              {last ? (
                <TextField
                  label={`Band ${index + 1}: ${index === 0 ? 'on' : 'above'}`}
                  value={index === 0 ? 'any hammer' : 'the rest'}
                  readOnly
                  onChange={() => undefined}
                />
              ) : (
                <TextField
                  label={`Band ${index + 1}: up to (${props.currency})`}
                  inputMode="decimal"
                  value={band.upTo}
                  error={errors[`terms.premiumBands.${index}.upTo`]}
                  onChange={(value) => setBand(index, 'upTo', value)}
                />
              )}
              <TextField
                label={`Band ${index + 1} rate`}
                className="field--narrow"
                inputMode="decimal"
                value={band.rate}
                error={errors[`terms.premiumBands.${index}.rate`]}
                hint={index === 0 && bands.length === 1 ? 'e.g. 25%; empty: none' : undefined}
                onChange={(value) => setBand(index, 'rate', value)}
              />
              {bands.length > 1 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove premium band ${index + 1}`}
                  onClick={() => update({ premiumBands: bands.filter((_, i) => i !== index) })}
                >
                  Remove
                </button>
              ) : null}
            </div>
          )
        })}
        <div>
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              // A new band goes before the open last one.
              update({
                premiumBands: [
                  ...bands.slice(0, -1),
                  { upTo: '', rate: bands[bands.length - 1]?.rate ?? '' },
                  { upTo: '', rate: '' },
                ],
              })
            }
          >
            Add premium band
          </button>
        </div>
      </div>
      <div className="form__row">
        <TextField
          label="Tax on premium"
          className="field--narrow"
          inputMode="decimal"
          value={draft.premiumTax}
          error={errors['terms.premiumTax']}
          onChange={(premiumTax) => update({ premiumTax })}
        />
        <TextField
          label="Seller’s commission"
          className="field--narrow"
          inputMode="decimal"
          value={draft.commission}
          error={errors['terms.commission']}
          onChange={(commission) => update({ commission })}
        />
        <TextField
          label={`Fee per lot sold (${props.currency})`}
          className="field--narrow"
          inputMode="decimal"
          value={draft.lotFee}
          error={errors['terms.lotFee']}
          onChange={(lotFee) => update({ lotFee })}
        />
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.requireRegistration}
          onChange={(event) => update({ requireRegistration: event.target.checked })}
        />
        Require registration: only approved paddles of the register may bid
      </label>
    </fieldset>
  )
}
