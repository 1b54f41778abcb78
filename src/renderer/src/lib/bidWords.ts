// A bid's outcome in the words a clerk says out loud.
import type { BidAccepted } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { paddleName } from './format'

export interface Outcome {
  tone: 'good' | 'warn' | 'bad'
  text: string
}

/** `nameOf`: how this operator reads other bidders (in full for staff, else masked). */
export function acceptedWords(
  answer: Omit<BidAccepted, 'ok'>,
  bidderId: string,
  currency: string,
  nameOf: (bidderId: string) => string,
): Outcome {
  const money = (minor: number): string => formatMoney(minor, currency)
  const again = answer.duplicate ? 'Already placed — ' : ''
  const extended = answer.extended ? ' Time extended.' : ''
  // The clerk typed this paddle: it is always read back in full.
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
    text: `${again}Outbid by a proxy: ${nameOf(answer.leaderId)} leads at ${money(answer.price)}. Next bid ${money(answer.askingPrice)}.${extended}`,
  }
}

/** Said before a bid of the leading paddle is sent: it would only raise their maximum. */
export function leaderWords(bidderId: string, amount: string, key: string): Outcome {
  return {
    tone: 'warn',
    text: `${paddleName(bidderId)} already leads: this bid would only raise their maximum to ${amount}. Press ${key} again to send it, or change the paddle.`,
  }
}

/** " They may take on £1,200.00 more (hammer plus premium)." for CREDIT_LIMIT. */
export function headroomWords(error: CommandError, currency: string): string {
  if (error.headroom === undefined) return ''
  return error.headroom > 0
    ? ` They may take on ${formatMoney(error.headroom, currency)} more (hammer plus premium).`
    : ' They have no credit left in this sale.'
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
    UNKNOWN_PADDLE:
      'Rejected: this paddle is not in the sale’s register. Register the bidder first.',
    PADDLE_NOT_APPROVED:
      'Rejected: this paddle is registered but not approved to bid. Approve it in the register first.',
    CREDIT_LIMIT: `Rejected: over this paddle’s credit limit.${headroomWords(error, currency)}`,
    INVALID_AMOUNT: 'Rejected: not a valid amount.',
    AUCTION_NOT_FOUND: 'Rejected: this auction no longer exists.',
    REDIS_UNAVAILABLE:
      'Not confirmed: no connection to the auction server. Retry when connected — it is never placed twice.',
  }
  return { tone: 'bad', text: text[error.code] ?? `Rejected: ${error.message}` }
}
