// Checks shared by the create forms (auction, sale, lot): amounts parsed strictly in the
// currency, an increment or a table of price bands, whole numbers, local date-times.
import { currencyDigits, isKnownCurrency, minorToDecimal, parseAmount } from '../../../shared/money'
import { amountHint } from './bidForm'

export type FormErrors = Record<string, string>

export interface BandDraft {
  from: string
  increment: string
}

/** The increment part of a draft: one fixed step, or price bands from 0 upwards. */
export interface IncrementDraft {
  incrementMode: 'fixed' | 'table'
  increment: string
  bands: BandDraft[]
}

export interface MoneyCheck {
  /** Minor units, or null with an error recorded under `field`. */
  money: (field: string, text: string, label: string) => number | null
  /** Minor units → the decimal text the contract takes ("12.50"). */
  decimal: (minor: number) => string
}

/** Money checks for `currency`; errors go into `errors` (an unknown currency too). */
export function moneyCheck(currency: string, errors: FormErrors): MoneyCheck {
  const known = isKnownCurrency(currency)
  if (!known) errors.currency = 'Choose a known ISO currency (e.g. USD, EUR, JPY).'
  const digits = known ? currencyDigits(currency) : 2
  const hint = known ? amountHint(currency) : 'digits, e.g. 100.00'
  return {
    money: (field, text, label) => {
      const minor = parseAmount(text.trim(), digits)
      if (minor === null) errors[field] = `${label}: not a valid amount — ${hint}.`
      return minor
    },
    decimal: (minor) => minorToDecimal(minor, digits),
  }
}

/** The fixed increment (above zero) or the table (from 0, strictly rising), as decimal text. */
export function checkIncrement(
  draft: IncrementDraft,
  check: MoneyCheck,
  errors: FormErrors,
): { increment?: string; incrementTable?: BandDraft[] } {
  if (draft.incrementMode === 'fixed') {
    const step = check.money('increment', draft.increment, 'Increment')
    if (step === 0) errors.increment = 'The increment must be above zero.'
    return step ? { increment: check.decimal(step) } : {}
  }
  const bands = draft.bands.filter(
    (band, i) => i === 0 || band.from.trim() || band.increment.trim(),
  )
  if (bands.length > 50) errors.bands = 'At most 50 bands.'
  const parsed: { from: number; increment: number }[] = []
  bands.forEach((band, i) => {
    const from = check.money(`bands.${i}.from`, band.from, `Band ${i + 1} from`)
    const step = check.money(`bands.${i}.increment`, band.increment, `Band ${i + 1} increment`)
    if (step === 0) errors[`bands.${i}.increment`] = 'The increment must be above zero.'
    const previous = parsed[parsed.length - 1]
    if (from !== null && i === 0 && from !== 0)
      errors[`bands.${i}.from`] = 'The first band starts at 0.'
    if (from !== null && previous && from <= previous.from) {
      errors[`bands.${i}.from`] = 'Each band starts above the one before.'
    }
    if (from !== null && step !== null) parsed.push({ from, increment: step })
  })
  return {
    incrementTable: parsed.map((band) => ({
      from: check.decimal(band.from),
      increment: check.decimal(band.increment),
    })),
  }
}

/** A datetime-local value ("2026-11-25T14:30") → epoch ms, or null. */
export function parseLocalDateTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null
  const ms = new Date(text).getTime()
  return Number.isNaN(ms) ? null : ms
}

export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const value = Number(text.trim())
  return value >= min && value <= max ? value : null
}

export const MAX_MINUTES = 366 * 24 * 60

/** Staff creating for a consignor name them: a seller id (as the operator id is typed). */
export function checkConsignor(text: string, errors: FormErrors): string {
  const id = text.trim()
  if (!id) errors.consignor = 'Enter the consignor (seller id) this is for.'
  else if (!/^[A-Za-z0-9._:-]{1,64}$/.test(id))
    errors.consignor = 'A seller id: letters, digits and . _ : - only (1–64).'
  return id
}

/**
 * The errors left after these draft fields changed: their own and those under them
 * ("bands" also clears "bands.1.from"). A fixed field no longer shows its old error.
 */
export function withoutErrors(errors: FormErrors, fields: readonly string[]): FormErrors {
  const left: FormErrors = {}
  for (const [key, message] of Object.entries(errors)) {
    if (!fields.some((field) => key === field || key.startsWith(`${field}.`))) left[key] = message
  }
  return left
}

export function checkTitle(text: string, errors: FormErrors): string {
  const title = text.trim()
  if (!title) errors.title = 'Enter a title.'
  else if (title.length > 200) errors.title = 'At most 200 characters.'
  return title
}
