// The currency a create form's amounts are in, one of the currencies the console knows.
import { Field } from '../../components/Field'
import { CURRENCIES } from '../../lib/currencies'

export function CurrencyField(props: {
  label: string
  value: string
  error: string | undefined
  change: (currency: string) => void
}) {
  return (
    <Field label={props.label} error={props.error} className="field--narrow">
      {(p) => (
        <select {...p} value={props.value} onChange={(e) => props.change(e.target.value)}>
          {CURRENCIES.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      )}
    </Field>
  )
}
