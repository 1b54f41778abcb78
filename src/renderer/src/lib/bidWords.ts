// A bid's outcome in the words a clerk says out loud.
import type { BidAccepted } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { maskBidder, paddleName } from './format'

export interface Outcome {
  tone: 'good' | 'warn' | 'bad'
  text: string
}

export function acceptedWords(
  answer: Omit<BidAccepted, 'ok'>,
  bidderId: string,
  currency: string,
): Outcome {
  const money = (minor: number): string => formatMoney(minor, currency)
  const again = answer.duplicate ? 'Already placed — ' : ''
  const extended = answer.extended ? ' Time extended.' : ''
  const who = paddleName(bidderId)
  if (answer.result === 'leading') {
    const max = answer.maxAmount > answer.price ? ` (max ${money(answer.maxAmount)})` : ''
    return {
      tone: 'good',
      text: `${again}${who} is leading at ${money(answer.price)}${max}.${extended}`,
    }
  }
  if (answer.result === 'max_raised') {
    return {
      tone: 'good',
      text: `${again}Max raised to ${money(answer.maxAmount)} — ${who} still leads at ${money(answer.price)}.${extended}`,
    }
  }
  return {
    tone: 'warn',
    text: `${again}Outbid by a proxy: ${maskBidder(answer.leaderId)} leads at ${money(answer.price)}. Next bid ${money(answer.askingPrice)}.${extended}`,
  }
}

export function rejectionWords(error: CommandError, currency: string): Outcome {
  const minimum =
    error.minimumBid !== undefined
      ? ` The minimum bid is ${formatMoney(error.minimumBid, currency)}.`
      : ''
  const text: Record<string, string> = {
    BID_TOO_LOW: `Rejected: too low.${minimum}`,
    ALREADY_LEADING:
      'Rejected: this bidder is already leading. Enter a higher maximum to raise it.',
    MAX_BELOW_AMOUNT: 'Rejected: the maximum is below the bid amount.',
    AUCTION_NOT_ACTIVE: `Rejected: the auction is not open for bids${error.status ? ` (${error.status})` : ''}.`,
    AUCTION_ENDED: 'Rejected: the auction has ended.',
    SELLER_CANNOT_BID: 'Rejected: the seller cannot bid on their own auction.',
    INVALID_AMOUNT: 'Rejected: not a valid amount.',
    AUCTION_NOT_FOUND: 'Rejected: this auction no longer exists.',
    REDIS_UNAVAILABLE:
      'Not confirmed: no connection to the auction server. Press Enter again to retry — it is never placed twice.',
  }
  return { tone: 'bad', text: text[error.code] ?? `Rejected: ${error.message}` }
}
