// Checks what a clerk typed before a bid is sent: a valid paddle and amounts parsed
// strictly to minor units in the auction's currency. The asking price is the server's call.
import { currencyDigits, minorToDecimal, parseAmount } from '../../../shared/money'

export interface BidDraft {
  paddle: string
  amount: string
  max: string
}

export interface CheckedBid {
  bidderId: string
  amount: string
  max?: string
}

export type BidErrors = Partial<Record<keyof BidDraft, string>>

const ID = /^[A-Za-z0-9._:-]{1,64}$/

export function amountHint(currency: string): string {
  const digits = currencyDigits(currency)
  return digits === 0
    ? `whole ${currency} only, e.g. 1250`
    : `digits with up to ${digits} decimals, e.g. 1250.${'0'.repeat(digits)}`
}

export function checkBid(draft: BidDraft, currency: string): CheckedBid | BidErrors {
  const digits = currencyDigits(currency)
  const errors: BidErrors = {}
  const bidderId = draft.paddle.trim()
  if (!bidderId) errors.paddle = 'Enter the paddle number.'
  else if (!ID.test(bidderId)) errors.paddle = 'A paddle is letters, digits and . _ : - only.'
  const amount = parseAmount(draft.amount.trim(), digits)
  if (amount === null) errors.amount = `Not a valid amount: ${amountHint(currency)}.`
  else if (amount === 0) errors.amount = 'The amount must be above zero.'
  let max: number | null = null
  if (draft.max.trim()) {
    max = parseAmount(draft.max.trim(), digits)
    if (max === null) errors.max = `Not a valid maximum: ${amountHint(currency)}.`
    else if (amount !== null && max < amount)
      errors.max = 'The maximum must be at least the amount.'
  }
  if (Object.keys(errors).length > 0 || amount === null) return errors
  return {
    bidderId,
    amount: minorToDecimal(amount, digits),
    ...(max !== null ? { max: minorToDecimal(max, digits) } : {}),
  }
}

export const isChecked = (value: CheckedBid | BidErrors): value is CheckedBid => 'bidderId' in value
