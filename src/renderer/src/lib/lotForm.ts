// The lot form (add or edit a lot of a draft sale), checked in full before anything is
// sent: a lot number free in the sale, amounts exact in the sale's currency, a reserve not
// below the start, estimates low to high. Empty optional fields are sent as null (none, or
// the sale's default increment), so an edit can clear them.
import type { Lot } from '../../../shared/domain'
import { currencyDigits, minorToDecimal } from '../../../shared/money'
import { lotNumberSchema, type LotInput } from '../../../shared/sale-schemas'
import { checkTitle, moneyCheck, type FormErrors } from './formChecks'

export interface LotDraft {
  number: string
  title: string
  description: string
  estimateLow: string
  estimateHigh: string
  startingPrice: string
  reservePrice: string
  /** Empty: the sale's default increment. */
  increment: string
}

export const emptyLotDraft = (number = ''): LotDraft => ({
  number,
  title: '',
  description: '',
  estimateLow: '',
  estimateHigh: '',
  startingPrice: '',
  reservePrice: '',
  increment: '',
})

/** The form after an added lot: a clean lot, with the increment the last one had. */
export const nextLotDraft = (previous: LotDraft): LotDraft => ({
  ...emptyLotDraft(),
  increment: previous.increment,
})

/** The number after the highest one in use ("1" for an empty sale). */
export function nextLotNumber(numbers: readonly string[]): string {
  const highest = numbers.reduce(
    (max, number) => Math.max(max, Number.parseInt(number, 10) || 0),
    0,
  )
  return String(highest + 1)
}

/** A lot as the form shows it, for an edit. */
export function lotToDraft(lot: Lot): LotDraft {
  const digits = currencyDigits(lot.currency)
  const text = (minor: number | null | undefined): string =>
    minor === null || minor === undefined ? '' : minorToDecimal(minor, digits)
  return {
    number: lot.number,
    title: lot.title,
    description: lot.description,
    estimateLow: text(lot.estimateLow),
    estimateHigh: text(lot.estimateHigh),
    startingPrice: text(lot.startingPrice),
    reservePrice: text(lot.reservePrice),
    increment: lot.incrementTable ? '' : text(lot.increment),
  }
}

/** `taken`: the numbers of the sale's other lots. */
export function checkLot(
  draft: LotDraft,
  currency: string,
  taken: readonly string[],
): { input: LotInput } | { errors: FormErrors } {
  const errors: FormErrors = {}
  const parsedNumber = lotNumberSchema.safeParse(draft.number)
  let number = ''
  if (!parsedNumber.success) errors.number = 'A lot number such as 12 or 12A.'
  else if (taken.includes(parsedNumber.data))
    errors.number = `Lot ${parsedNumber.data} is already in this sale.`
  else number = parsedNumber.data
  const title = checkTitle(draft.title, errors)
  if (draft.description.length > 5000) errors.description = 'At most 5000 characters.'

  const check = moneyCheck(currency, errors)
  const optional = (field: keyof LotDraft, label: string): number | null =>
    draft[field].trim() ? check.money(field, draft[field], label) : null
  const starting = check.money('startingPrice', draft.startingPrice, 'Starting price')
  const reserve = optional('reservePrice', 'Reserve')
  if (reserve !== null && starting !== null && reserve < starting)
    errors.reservePrice = 'The reserve cannot be below the starting price.'
  const low = optional('estimateLow', 'Low estimate')
  const high = optional('estimateHigh', 'High estimate')
  if (low !== null && high !== null && low > high)
    errors.estimateHigh = 'The high estimate cannot be below the low one.'
  const increment = optional('increment', 'Increment')
  if (increment === 0) errors.increment = 'The increment must be above zero.'

  if (Object.keys(errors).length > 0 || starting === null) return { errors }
  const decimal = (minor: number | null): string | null =>
    minor === null ? null : check.decimal(minor)
  return {
    input: {
      number,
      title,
      description: draft.description,
      startingPrice: check.decimal(starting),
      reservePrice: decimal(reserve),
      estimateLow: decimal(low),
      estimateHigh: decimal(high),
      increment: decimal(increment),
    },
  }
}
