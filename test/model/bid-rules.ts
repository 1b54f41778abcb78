// The reference model's bid rules for one lot: proxy maximums, the reserve, soft close, and
// on a live sale's lot the absentee book while it waits, LOT_CLOSED once the hammer fell, the
// anonymous floor paddle, the fair warning and the clerk's asking price that an accepted bid
// clears, and the snapshot `lot retract` restores.
import type { BidAccepted, BidEntry, BidResultKind, BidSource } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { bookAbsentee } from './absentee-book'
import { checked, paddleCap, paddleRefusal } from './register-rules'
import {
  askingPrice,
  auctionStatusOf,
  failure,
  FLOOR,
  inc,
  lotEvent,
  modelAmount,
  reserveMet,
  snapshot,
  type LotState,
  type ModelBid,
  type SaleCounter,
  requestBinding,
} from './lot-rules'

export interface BidAmounts {
  amount: number
  max: number
}

/** A bid's amount and maximum in minor units, or the failure ("asking": the asking price now). */
export function bidAmounts(
  sale: SaleCounter,
  lot: LotState,
  input: ModelBid,
): BidAmounts | Failure {
  // "asking" is the floor key's bid: the asking price now (as a maximum it is no amount).
  const amount =
    input.amount === 'asking' ? askingPrice(lot) : modelAmount(input.amount, sale.digits)
  if (amount === null) return failure('INVALID_AMOUNT', { field: 'amount' })
  let max = amount
  if (input.max !== undefined && input.max !== null) {
    const parsed = modelAmount(input.max, sale.digits)
    if (parsed === null) return failure('INVALID_AMOUNT', { field: 'max' })
    max = parsed
  }
  if (max < amount) return failure('MAX_BELOW_AMOUNT')
  return { amount, max }
}

/**
 * One bid on a lot, checks in the engine's order. Mirrors the engine where the issue leaves
 * room: the reserve rule records an extra automatic 'leading' entry at the reserve (also
 * after a max_raised, whose own answer then has bidId null); a max_raised adds no entry of
 * its own; bid ids are 1-based positions in the lot's history (retracted entries keep
 * theirs, so the bid count may be lower); a rejected bid is not remembered under its
 * requestId; AUCTION_ENDED applies from now >= endsAt. On a lot that has been on the block,
 * every accepted bid (a max_raised too) clears the fair warning (one more event when there
 * was one) and the clerk's asking price.
 */
export function placeBid(
  sale: SaleCounter,
  lot: LotState,
  input: ModelBid,
  now: number,
  tally: (label: string) => void = () => undefined,
): BidAccepted | Failure {
  const amounts = bidAmounts(sale, lot, input)
  if (!('amount' in amounts)) return amounts
  const { amount, max } = amounts
  if (lot.lotStatus !== 'active') {
    if (sale.mode === 'live') {
      if (lot.lotStatus === 'waiting') return bookAbsentee(sale, lot, input, amounts)
      if (lot.lotStatus === 'sold' || lot.lotStatus === 'passed') return failure('LOT_CLOSED')
    }
    return failure('AUCTION_NOT_ACTIVE', { status: auctionStatusOf(lot.lotStatus, sale.status) })
  }
  if (lot.endsAt !== null && now >= lot.endsAt) return failure('AUCTION_ENDED')
  if (input.bidderId === sale.sellerId) return failure('SELLER_CANNOT_BID')
  const checks = checked(sale, input.bidderId)
  let bidderLimit: number | null = null
  if (checks && sale.register) {
    const entry = paddleRefusal(sale.register, input.bidderId)
    if ('failure' in entry) return entry.failure
    bidderLimit = entry.limit
  }
  const asking = askingPrice(lot)
  if (amount < asking) return failure('BID_TOO_LOW', { minimumBid: asking })

  const bidder = input.bidderId
  // Credit limits: each side's maximum counts only up to the price its limit allows here.
  let bidderCap: number | null = null
  let leaderCap: number | null = null
  if (checks && sale.register) {
    const leader = lot.leaderId
    const leaderLimit =
      leader !== null && leader !== bidder && leader !== FLOOR
        ? (sale.register.paddles.get(leader)?.limit ?? null)
        : null
    const mine = paddleCap(sale, lot, bidder, bidderLimit, leader === bidder ? lot.price : null)
    const bought = (sale.lots ?? []).some(
      (other) => other.lotStatus === 'sold' && other.result?.winnerId === bidder,
    )
    if (mine && bought) tally('a limit counted a lot the paddle bought')
    if (mine && amount > mine.cap) return failure('CREDIT_LIMIT', { headroom: mine.headroom })
    bidderCap = mine?.cap ?? null
    if (leader !== null)
      leaderCap = paddleCap(sale, lot, leader, leaderLimit, lot.price)?.cap ?? null
  }
  const maxInLimit = bidderCap === null ? max : Math.min(max, bidderCap)
  const leaderMaxInLimit = leaderCap === null ? lot.leaderMax : Math.min(lot.leaderMax, leaderCap)
  if (maxInLimit < max || leaderMaxInLimit < lot.leaderMax) {
    tally('a maximum counted only up to its limit')
  }
  let leadInLimit: number
  const source = input.source ?? 'online'
  const seq = sale.seq + 1
  const before = snapshot(lot, 0)
  // An automatic bid carries the source of the maximum it came from.
  let leaderSource = lot.leaderSource ?? source
  const record = (
    who: string,
    value: number,
    kind: 'manual' | 'auto',
    outcome: 'leading' | 'outbid',
    from: BidSource = source,
  ) => {
    const entry: BidEntry = {
      id: lot.history.length + 1,
      bidderId: who,
      amount: value,
      kind,
      outcome,
      source: from,
      at: now,
      seq,
    }
    lot.history.push(entry)
    return entry.id
  }
  const oldPrice = lot.price
  const oldLeader = lot.leaderId
  let own: number | null = null
  let result: BidResultKind
  // The anonymous floor paddle is anyone in the room: a floor bid over it is a new bid.
  if (lot.leaderId === bidder && bidder !== FLOOR) {
    if (max <= lot.leaderMax) return failure('ALREADY_LEADING')
    lot.leaderMax = max
    leaderSource = source
    leadInLimit = maxInLimit
    result = 'max_raised'
  } else if (lot.leaderId === null) {
    lot.leaderId = bidder
    lot.leaderMax = max
    leaderSource = source
    lot.price = amount
    leadInLimit = maxInLimit
    own = record(bidder, amount, 'manual', 'leading')
    result = 'leading'
  } else if (maxInLimit > leaderMaxInLimit) {
    const price = Math.max(
      amount,
      Math.min(maxInLimit, leaderMaxInLimit + inc(lot, leaderMaxInLimit)),
    )
    if (leaderMaxInLimit > lot.price) {
      record(lot.leaderId, leaderMaxInLimit, 'auto', 'outbid', leaderSource)
    }
    lot.leaderId = bidder
    lot.leaderMax = max
    leaderSource = source
    lot.price = price
    leadInLimit = maxInLimit
    own = record(bidder, price, 'manual', 'leading')
    result = 'leading'
  } else {
    // The earlier maximum wins a tie.
    const price = Math.min(leaderMaxInLimit, maxInLimit + inc(lot, maxInLimit))
    own = record(bidder, maxInLimit, 'manual', 'outbid')
    lot.price = price
    leadInLimit = leaderMaxInLimit
    record(lot.leaderId, price, 'auto', 'leading', leaderSource)
    result = 'outbid'
  }
  const reserve = lot.reservePrice
  if (reserve !== null && leadInLimit >= reserve && lot.price < reserve) {
    lot.price = reserve
    record(lot.leaderId, reserve, 'auto', 'leading', leaderSource)
  }
  lot.leaderSource = leaderSource
  const entries = lot.history.length - before.historyLength
  lot.bidCount += entries

  // Soft close: a new price or a new leader in the last S seconds (the first bid too)
  // moves this lot's end to now + S; raising one's own maximum does not.
  let extended = false
  const window = lot.softCloseSeconds * 1000
  const moved = lot.price !== oldPrice || lot.leaderId !== oldLeader
  if (window > 0 && moved && lot.endsAt !== null && lot.endsAt - now < window) {
    lot.endsAt = now + window
    extended = true
  }
  lotEvent(sale, lot)
  if (extended) lotEvent(sale, lot)
  if (lot.live) {
    if (lot.warning) lotEvent(sale, lot) // warning_cleared
    lot.warning = false
    lot.askOverride = null
    lot.undo.push({ ...before, entries })
  }

  const answer: BidAccepted = {
    ok: true,
    bidId: own,
    auctionId: input.auctionId,
    result,
    price: lot.price,
    leaderId: lot.leaderId,
    bidCount: lot.bidCount,
    endsAt: lot.endsAt,
    extended,
    duplicate: false,
    reserveMet: reserveMet(lot),
    maxAmount: max,
    askingPrice: askingPrice(lot),
  }
  if (input.requestId) {
    lot.requests.set(input.requestId, { binding: requestBinding(input), answer })
  }
  return answer
}
