// The reference model's absentee book of a live sale's lot: while the lot waits it takes only
// absentee bids with a maximum, kept apart from the bids; the first offer executes it.
import type { BidAccepted, BidEntry } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import {
  askingPrice,
  failure,
  inc,
  lotEvent,
  snapshot,
  type LotState,
  type ModelBid,
  type SaleCounter,
  requestBinding,
} from './lot-rules'
import { checked, paddleCap, paddleRefusal } from './register-rules'

/**
 * An absentee bid on a waiting lot (placeBid's checks up to MAX_BELOW_AMOUNT passed): only
 * source absentee with a maximum; a bidder's later entry replaces theirs only with a higher
 * maximum. No event and no history entry. The answer says `booked`, with an empty leader,
 * a bid count of 0 and the reserve met only when there is none, as the engine answers.
 */
export function bookAbsentee(
  sale: SaleCounter,
  lot: LotState,
  input: ModelBid,
  { max }: { max: number },
): BidAccepted | Failure {
  const hasMax = input.max !== undefined && input.max !== null
  if ((input.source ?? 'online') !== 'absentee' || !hasMax) return failure('LOT_NOT_OPEN')
  if (input.bidderId === sale.sellerId) return failure('SELLER_CANNOT_BID')
  if (checked(sale, input.bidderId) && sale.register) {
    const entry = paddleRefusal(sale.register, input.bidderId)
    if ('failure' in entry) return entry.failure
  }
  if (max < lot.startingPrice) return failure('BID_TOO_LOW', { minimumBid: lot.startingPrice })
  const previous = lot.book.get(input.bidderId)
  if (previous && max <= previous.max) {
    return failure('BID_TOO_LOW', { minimumBid: previous.max + 1 })
  }
  lot.bookSerial++
  lot.book.set(input.bidderId, { max, serial: lot.bookSerial })
  const answer: BidAccepted = {
    ok: true,
    bidId: null,
    auctionId: input.auctionId,
    result: 'booked',
    price: lot.price,
    leaderId: '',
    bidCount: 0,
    endsAt: null,
    extended: false,
    duplicate: false,
    reserveMet: lot.reservePrice === null,
    maxAmount: max,
    askingPrice: askingPrice(lot),
  }
  if (input.requestId) {
    lot.requests.set(input.requestId, { binding: requestBinding(input), answer })
  }
  return answer
}

/** The book, highest maximum first; equal maximums by the earlier entry. */
export function sortedBook(lot: LotState): { bidderId: string; max: number }[] {
  return [...lot.book]
    .sort(([, a], [, b]) => b.max - a.max || a.serial - b.serial)
    .map(([bidderId, { max }]) => ({ bidderId, max }))
}

/**
 * The book as credit limits let it bid: each maximum counts only up to the price its paddle's
 * limit allows on this lot; an entry that cannot reach the starting price does not bid.
 */
function bookWithinLimits(
  sale: SaleCounter,
  lot: LotState,
  tally: (label: string) => void,
): { bidderId: string; max: number; counts: number }[] {
  const sorted = sortedBook(lot)
  const register = sale.register
  const counted = sorted.map((entry) => {
    const limit = register?.checks ? (register.paddles.get(entry.bidderId)?.limit ?? null) : null
    const cap = paddleCap(sale, lot, entry.bidderId, limit, null)?.cap ?? null
    return { ...entry, counts: cap === null ? entry.max : Math.min(entry.max, cap) }
  })
  const kept = counted.filter((entry) => entry.counts >= lot.startingPrice)
  if (kept.length < counted.length || kept.some((entry) => entry.counts < entry.max)) {
    tally('book executed within credit limits')
  }
  // A stable sort: equal counts keep the book's order (the earlier entry first).
  return kept.sort((a, b) => b.counts - a.counts)
}

export interface BookExecution {
  entries: number
  /** The price rose to the reserve. */
  jumped: boolean
  /** The two highest maximums were equal. */
  tie: boolean
}

/**
 * The book's execution when its lot is first offered (one `book_executed` event): the highest
 * maximum leads at one increment above the second-highest maximum, capped at its own, or
 * alone at the starting price; the reserve jump applies. History, as automatic absentee
 * entries: each other book bid at its maximum (outbid), lowest first, then the leader.
 */
export function executeBook(
  sale: SaleCounter,
  lot: LotState,
  now: number,
  tally: (label: string) => void = () => undefined,
): BookExecution {
  const book = bookWithinLimits(sale, lot, tally)
  const [top, second, ...rest] = book
  if (!top) return { entries: 0, jumped: false, tie: false }
  lot.undo.push(snapshot(lot, book.length))
  const seq = sale.seq + 1
  const record = (bidderId: string, amount: number, outcome: 'leading' | 'outbid') => {
    const entry: BidEntry = {
      id: lot.history.length + 1,
      bidderId,
      amount,
      kind: 'auto',
      outcome,
      source: 'absentee',
      at: now,
      seq,
    }
    lot.history.push(entry)
  }
  let price = lot.startingPrice
  if (second) {
    price = Math.max(price, Math.min(top.counts, second.counts + inc(lot, second.counts)))
  }
  const reserve = lot.reservePrice
  const jumped = reserve !== null && top.counts >= reserve && price < reserve
  if (jumped) price = reserve
  for (const other of [second, ...rest].reverse()) {
    if (other) record(other.bidderId, other.counts, 'outbid')
  }
  record(top.bidderId, price, 'leading')
  lot.price = price
  lot.leaderId = top.bidderId
  lot.leaderMax = top.max
  lot.leaderSource = 'absentee'
  lot.bidCount += book.length
  lotEvent(sale, lot)
  return { entries: book.length, jumped, tie: second !== undefined && second.counts === top.counts }
}
