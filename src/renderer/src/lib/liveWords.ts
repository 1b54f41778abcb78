// A live sale's answers in the words a clerk (or a bidder) reads: the errors of the clerk's
// commands, and what the room is doing with a lot.
import type { BidAccepted, Lot } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { headroomWords } from './bidWords'

const WORDS: Partial<Record<CommandError['code'], string>> = {
  LOT_ON_BLOCK: 'Another lot is on the block: sell or pass it first.',
  LOT_NOT_OPEN: 'This lot is not on the block.',
  LOT_CLOSED: 'Too late: the hammer has already fallen on this lot.',
  NO_LOT_WAITING: 'No lot is left to offer.',
  NOT_LIVE_SALE: 'This is a timed sale: its lots close on their own.',
  RESERVE_NOT_MET: 'The reserve is not met.',
  NO_BIDS: 'There is no bid to sell to: pass the lot instead.',
  PADDLE_REQUIRED: 'The leader is a floor bidder: give their paddle.',
  NOTHING_TO_RETRACT: 'There is no bid left to undo.',
  NOT_SELLER: 'Only staff and the sale’s seller run this sale.',
  UNAUTHORIZED: 'This console may not do that.',
  BID_TOO_LOW: 'Too low for the asking price.',
  ALREADY_LEADING: 'That paddle is already leading.',
  SELLER_CANNOT_BID: 'The seller cannot bid on their own lot.',
  UNKNOWN_PADDLE: 'That paddle is not in the register: register the bidder first.',
  PADDLE_NOT_APPROVED: 'That paddle is not approved to bid: approve it in the register first.',
  CREDIT_LIMIT: 'Over that paddle’s credit limit.',
  AUCTION_NOT_ACTIVE: 'The lot is not open for bids.',
  AUCTION_ENDED: 'The lot has ended.',
  INVALID_AMOUNT: 'That is not a valid amount.',
  INVALID_STATUS: 'Not possible in this state',
  REDIS_UNAVAILABLE: 'No connection to the auction server: nothing was done. Try again.',
}

/** An error of a live command in words; the engine's own detail follows where it helps. */
export function liveErrorWords(error: CommandError, currency?: string): string {
  if (error.code === 'BID_TOO_LOW' && error.minimumBid !== undefined && currency) {
    return `Too low: the asking price is ${formatMoney(error.minimumBid, currency)}.`
  }
  if (error.code === 'CREDIT_LIMIT' && currency) {
    return `Over that paddle’s credit limit.${headroomWords(error, currency)}`
  }
  if (error.code === 'INVALID_STATUS' || error.code === 'INVALID_INPUT') {
    return `Not done: ${error.message}.`
  }
  return WORDS[error.code] ?? `Not done: ${error.message}`
}

export type LotPhase = 'waiting' | 'open' | 'warning' | 'sold' | 'passed' | 'withdrawn'

/** What the room is doing with a lot, as the display and the bidder read it. */
export function phaseOf(lot: Lot): LotPhase {
  if (lot.lotStatus === 'sold' || lot.lotStatus === 'passed') return lot.lotStatus
  if (lot.lotStatus === 'withdrawn' || lot.lotStatus === 'cancelled') return 'withdrawn'
  if (lot.lotStatus === 'active') return lot.warning ? 'warning' : 'open'
  return 'waiting'
}

export const PHASE_LABEL: Record<LotPhase, string> = {
  waiting: 'Waiting',
  open: 'Bidding',
  warning: 'Fair warning',
  sold: 'Sold',
  passed: 'Passed',
  withdrawn: 'Withdrawn',
}

/** An estimate in words: "£200–£300", "from £200", or null. */
export function estimateWords(lot: Lot): string | null {
  const { estimateLow: low, estimateHigh: high, currency } = lot
  if (low !== null && high !== null)
    return `${formatMoney(low, currency)}–${formatMoney(high, currency)}`
  if (low !== null) return `from ${formatMoney(low, currency)}`
  if (high !== null) return `up to ${formatMoney(high, currency)}`
  return null
}

/** A clerk's bid answer in words: who leads now, at what, and the next asking price. */
export function bidNotice(
  answer: Omit<BidAccepted, 'ok'>,
  bidderId: string,
  currency: string,
  names: (bidderId: string | null) => string,
): { tone: 'good' | 'warn'; text: string } {
  const money = (minor: number): string => formatMoney(minor, currency)
  const again = answer.duplicate ? 'Already placed — ' : ''
  if (answer.result === 'outbid') {
    return {
      tone: 'warn',
      text: `${again}${names(bidderId)} outbid at once by a maximum: ${names(answer.leaderId)} leads at ${money(answer.price)}. Asking ${money(answer.askingPrice)}.`,
    }
  }
  return {
    tone: 'good',
    text: `${again}${names(answer.leaderId)} leads at ${money(answer.price)}. Asking ${money(answer.askingPrice)}.`,
  }
}
