// What an online bidder reads about the lot on the block and their own bid, in words.
import type { BidAccepted, Lot } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { formatMoney } from '../../../shared/money'
import { liveErrorWords } from './liveWords'

export interface BidderLine {
  tone: 'good' | 'warn' | 'bad' | 'info'
  text: string
}

/** Where this bidder stands on a lot, from the lot alone (every event keeps it current). */
export function standingOf(lot: Lot, me: string): BidderLine | null {
  const money = (minor: number): string => formatMoney(minor, lot.currency)
  if (lot.lotStatus === 'sold') {
    const price = money(lot.result?.finalPrice ?? lot.currentPrice)
    return lot.result?.winnerId === me
      ? { tone: 'good', text: `Sold to you at ${price}.` }
      : { tone: 'info', text: `The lot is sold, at ${price}.` }
  }
  if (lot.lotStatus === 'passed') return { tone: 'info', text: 'The lot is passed (not sold).' }
  if (lot.lotStatus !== 'active' || !lot.leaderId) return null
  return lot.leaderId === me
    ? { tone: 'good', text: `You are the highest bidder at ${money(lot.currentPrice)}.` }
    : null
}

/** The answer to this bidder's own bid. */
export function bidAnswerWords(answer: Omit<BidAccepted, 'ok'>, currency: string): BidderLine {
  const money = (minor: number): string => formatMoney(minor, currency)
  if (answer.result === 'outbid') {
    return { tone: 'warn', text: `Outbid: the bid is now ${money(answer.price)}.` }
  }
  return { tone: 'good', text: `You are the highest bidder at ${money(answer.price)}.` }
}

export function bidErrorWords(error: CommandError, currency: string): BidderLine {
  if (error.code === 'LOT_CLOSED') return { tone: 'bad', text: 'Too late: the lot is sold.' }
  if (error.code === 'UNKNOWN_PADDLE')
    return {
      tone: 'bad',
      text: 'You are not registered for this sale: ask the house to register you.',
    }
  if (error.code === 'PADDLE_NOT_APPROVED')
    return {
      tone: 'bad',
      text: 'Your registration is not approved yet: ask the house to approve it.',
    }
  if (error.code === 'CREDIT_LIMIT') {
    const left =
      error.headroom !== undefined && error.headroom > 0
        ? ` You may take on ${formatMoney(error.headroom, currency)} more, premium included.`
        : ''
    return { tone: 'bad', text: `Over your credit limit for this sale.${left}` }
  }
  if (error.code === 'ALREADY_LEADING')
    return { tone: 'good', text: 'You are already the highest bidder.' }
  return { tone: 'bad', text: liveErrorWords(error, currency) }
}
