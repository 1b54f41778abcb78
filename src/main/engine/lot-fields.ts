// Turns a validated lot input into the fields the scripts store: money in minor units of the
// sale's currency, the sale's default increment and soft close where the lot gives none,
// and the catalogue position of its number.
import { fail, type Failure } from '../../shared/errors'
import { catalogueScore, type LotFields } from '../../shared/sale-schemas'
import { incrementFields, moneyField, optionalMoneyField } from './validation'

/** What a lot takes from its sale. */
export interface SaleDefaults {
  currency: string
  increment: string
  incrementTable: string
  softCloseSeconds: number
}

type Stored = Record<string, string>

function estimates(
  input: Partial<LotFields>,
  currency: string,
): { estimateLow?: string; estimateHigh?: string } | Failure {
  const out: { estimateLow?: string; estimateHigh?: string } = {}
  if (input.estimateLow !== undefined) {
    const low = optionalMoneyField('estimateLow', input.estimateLow, currency)
    if (typeof low !== 'string') return low
    out.estimateLow = low
  }
  if (input.estimateHigh !== undefined) {
    const high = optionalMoneyField('estimateHigh', input.estimateHigh, currency)
    if (typeof high !== 'string') return high
    out.estimateHigh = high
  }
  if (out.estimateLow && out.estimateHigh && Number(out.estimateLow) > Number(out.estimateHigh)) {
    return fail('INVALID_INPUT', 'the low estimate is above the high estimate', {
      field: 'estimateLow',
    })
  }
  return out
}

/** A new lot's stored fields, or the first problem. */
export function lotFieldsFor(input: LotFields, sale: SaleDefaults): Stored | Failure {
  const { currency } = sale
  const startingPrice = moneyField('startingPrice', input.startingPrice, currency)
  if (typeof startingPrice !== 'number') return startingPrice
  const reservePrice = optionalMoneyField('reservePrice', input.reservePrice, currency)
  if (typeof reservePrice !== 'string') return reservePrice
  const range = estimates(
    { estimateLow: input.estimateLow ?? null, estimateHigh: input.estimateHigh ?? null },
    currency,
  )
  if ('ok' in range) return range
  const own = incrementFields(input, currency, true)
  if ('ok' in own) return own
  const increments =
    own.increment || own.incrementTable
      ? own
      : { increment: sale.increment, incrementTable: sale.incrementTable }
  if (!increments.increment && !increments.incrementTable) {
    return fail('INVALID_INPUT', 'give the lot an increment: its sale has no default one', {
      field: 'increment',
    })
  }
  return {
    number: input.number,
    title: input.title,
    description: input.description,
    startingPrice: String(startingPrice),
    reservePrice,
    estimateLow: range.estimateLow ?? '',
    estimateHigh: range.estimateHigh ?? '',
    ...increments,
    softCloseSeconds: String(input.softCloseSeconds ?? sale.softCloseSeconds),
    score: String(catalogueScore(input.number)),
    consignor: input.consignor ?? '',
  }
}

/**
 * A draft lot's edit: only the fields given. `current` holds the lot's stored estimates
 * (minor units, '' for none).
 */
export function lotChangesFor(
  changes: Partial<LotFields>,
  sale: SaleDefaults,
  current: { estimateLow: string; estimateHigh: string },
): Stored | Failure {
  const { currency } = sale
  const out: Stored = {}
  if (changes.number !== undefined) {
    out.number = changes.number
    out.score = String(catalogueScore(changes.number))
  }
  if (changes.title !== undefined) out.title = changes.title
  if (changes.description !== undefined) out.description = changes.description
  if (changes.startingPrice !== undefined) {
    const price = moneyField('startingPrice', changes.startingPrice, currency)
    if (typeof price !== 'number') return price
    out.startingPrice = String(price)
  }
  if (changes.reservePrice !== undefined) {
    const reserve = optionalMoneyField('reservePrice', changes.reservePrice, currency)
    if (typeof reserve !== 'string') return reserve
    out.reservePrice = reserve
  }
  const range = estimates(changes, currency)
  if ('ok' in range) return range
  // A new low is checked against the high the lot keeps, and the other way round.
  const low = range.estimateLow ?? current.estimateLow
  const high = range.estimateHigh ?? current.estimateHigh
  if (low && high && Number(low) > Number(high)) {
    return fail('INVALID_INPUT', 'the low estimate is above the high estimate', {
      field: range.estimateLow !== undefined ? 'estimateLow' : 'estimateHigh',
    })
  }
  if (range.estimateLow !== undefined) out.estimateLow = range.estimateLow
  if (range.estimateHigh !== undefined) out.estimateHigh = range.estimateHigh
  if (changes.increment !== undefined || changes.incrementTable !== undefined) {
    const own = incrementFields(changes, currency, true)
    if ('ok' in own) return own
    Object.assign(
      out,
      own.increment || own.incrementTable
        ? own
        : { increment: sale.increment, incrementTable: sale.incrementTable },
    )
  }
  // '' or null: the sale's seller again.
  if (changes.consignor !== undefined) out.consignor = changes.consignor ?? ''
  if (changes.softCloseSeconds !== undefined) {
    out.softCloseSeconds = String(changes.softCloseSeconds ?? sale.softCloseSeconds)
  }
  return out
}
