// The room display's indicative rates: up to four currencies, each as units per one unit of
// the sale's currency. Enter saves, Esc cancels; empty rows are dropped.
import { useState, type FormEvent } from 'react'
import type { DisplayRate, Sale } from '../../../../shared/domain'
import { Dialog } from '../../components/Dialog'
import { useLiveCommands } from '../../hooks/useLiveCommands'
import { liveErrorWords } from '../../lib/liveWords'

const ROWS = 4
const CURRENCY = /^[A-Z]{3}$/
const RATE = /^\d{1,9}(\.\d{1,8})?$/

function rowsOf(rates: readonly DisplayRate[]): DisplayRate[] {
  return Array.from({ length: ROWS }, (_, i) => rates[i] ?? { currency: '', rate: '' })
}

/** The rows to send, or the first problem in words. */
export function checkRates(
  rows: readonly DisplayRate[],
  saleCurrency: string,
): DisplayRate[] | string {
  const rates: DisplayRate[] = []
  for (const [index, row] of rows.entries()) {
    const currency = row.currency.trim().toUpperCase()
    const rate = row.rate.trim()
    if (!currency && !rate) continue
    const line = `Row ${index + 1}`
    if (!CURRENCY.test(currency)) return `${line}: a currency is three letters, e.g. EUR.`
    if (currency === saleCurrency) return `${line}: ${currency} is the sale’s own currency.`
    if (rates.some((other) => other.currency === currency)) return `${line}: ${currency} twice.`
    if (!RATE.test(rate) || Number(rate) <= 0)
      return `${line}: the rate is a positive number, e.g. 1.17.`
    rates.push({ currency, rate })
  }
  return rates
}

export function RatesDialog(props: { sale: Sale; onClose: () => void }) {
  const commands = useLiveCommands()
  const [rows, setRows] = useState(() => rowsOf(props.sale.displayRates))
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  const change = (index: number, field: keyof DisplayRate, value: string): void => {
    setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)))
    setError(null)
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const rates = checkRates(rows, props.sale.currency)
    if (typeof rates === 'string') return setError(rates)
    setPending(true)
    const answer = await commands.setRates(props.sale.id, rates)
    setPending(false)
    if (answer.ok) props.onClose()
    else setError(liveErrorWords(answer.error))
  }

  return (
    <Dialog title="Room display rates" onClose={props.onClose} testId="rates">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog__body">
          Indicative only: what one {props.sale.currency} is in up to four other currencies. The
          room display shows the current bid in each, marked “indicative”.
        </p>
        <div className="rates">
          {rows.map((row, index) => (
            <div className="rates__row" key={index}>
              <label>
                <span className="visually-hidden">Currency {index + 1}</span>
                <input
                  value={row.currency}
                  onChange={(event) => change(index, 'currency', event.target.value.toUpperCase())}
                  placeholder="EUR"
                  maxLength={3}
                  autoComplete="off"
                  spellCheck={false}
                  aria-label={`Currency ${index + 1}`}
                  {...(index === 0 ? { 'data-autofocus': true } : {})}
                />
              </label>
              <label>
                <span className="visually-hidden">Rate {index + 1}</span>
                <input
                  value={row.rate}
                  onChange={(event) => change(index, 'rate', event.target.value)}
                  placeholder="1.17"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={`Rate ${index + 1}`}
                />
              </label>
            </div>
          ))}
        </div>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <p className="muted dialog__hint">
          <kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel · empty rows are dropped
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            Save rates
          </button>
        </div>
      </form>
    </Dialog>
  )
}
