// The clerk's asking-price moves on a live lot: one increment up, one down, and the split
// (half an increment above the current price). Pure; the engine has the last word (an
// asking price must stay above the current price).
import type { Lot } from '../../../shared/domain'
import { currencyDigits, incrementAt } from '../../../shared/money'

const stepAt = (lot: Lot, price: number): number =>
  incrementAt(price, lot.increment, lot.incrementTable, currencyDigits(lot.currency))

/** The lowest asking price the engine accepts: above the current price once bidding has begun. */
const floorOf = (lot: Lot): number => (lot.leaderId ? lot.currentPrice + 1 : 1)

export function askUp(lot: Lot): number {
  return lot.askingPrice + stepAt(lot, lot.askingPrice)
}

/** One increment down, or null when that would not be above the current price. */
export function askDown(lot: Lot): number | null {
  const base = lot.leaderId ? lot.currentPrice : lot.askingPrice
  const down = lot.askingPrice - stepAt(lot, Math.max(0, base))
  return down >= floorOf(lot) && down < lot.askingPrice ? down : null
}

/** Half an increment above the current price (in whole units when the step allows). */
export function askSplit(lot: Lot): number | null {
  if (!lot.leaderId) return null
  const step = stepAt(lot, lot.currentPrice)
  const unit = 10 ** currencyDigits(lot.currency)
  const half = step >= 2 * unit ? Math.round(step / 2 / unit) * unit : Math.floor(step / 2)
  const split = lot.currentPrice + half
  return half > 0 && split !== lot.askingPrice ? split : null
}
