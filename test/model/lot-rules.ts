// The reference model's rules for one lot, in plain TypeScript: money, increments, the bid
// rules (proxy maximums, reserve, soft close) and closing. No Redis, no I/O; the caller
// passes the clock. The sale-level rules are in reference-model.ts.
import type {
  AuctionResult,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  BidResultKind,
  BidSource,
  IncrementBand,
  LotStatus,
  SaleStatus,
} from '../../src/shared/domain'
import type { CommandError, ErrorCode, Failure } from '../../src/shared/errors'

const MAX_MINOR = 10n ** 13n

export type Ok<T> = { ok: true } & T

export const failure = (code: ErrorCode, extra: Partial<CommandError> = {}): Failure => ({
  ok: false,
  error: { code, message: code, ...extra },
})

export interface ModelBid {
  auctionId: string
  bidderId: string
  amount: string | number
  max?: string | number | null
  requestId?: string | null
  source?: BidSource
}

export interface LotState {
  id: string
  saleId: string
  number: string
  title: string
  description: string
  startingPrice: number
  reservePrice: number | null
  estimateLow: number | null
  estimateHigh: number | null
  increment: number | null
  incrementTable: IncrementBand[] | null
  softCloseSeconds: number
  lotStatus: LotStatus
  price: number
  leaderId: string | null
  leaderMax: number
  /** The source of the leader's maximum: its automatic bids carry it. */
  leaderSource?: BidSource
  bidCount: number
  startsAt: number | null
  endsAt: number | null
  durationMs: number | null
  /** The sale's seq at this lot's latest event. */
  seq: number
  createdAt: number
  result?: AuctionResult
  history: BidEntry[]
  requests: Map<string, BidAccepted>
}

/** What a lot's rules need of its sale: the one seq counter, its status, currency, seller. */
interface SaleCounter {
  seq: number
  status: SaleStatus
  sellerId: string
  digits: number
}

/** Decimal text or minor units → minor units; null when malformed or out of range. */
export function modelAmount(value: string | number, digits: number): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= Number(MAX_MINOR) ? value + 0 : null
  }
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value)
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  const minor =
    BigInt(match[1] as string) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || 0)
  return minor > MAX_MINOR ? null : Number(minor)
}

/** A lot's status in the auction vocabulary: what old readers understand. */
export function auctionStatusOf(lot: LotStatus, sale: SaleStatus): AuctionStatus {
  if (lot === 'active') return 'active'
  if (lot === 'sold' || lot === 'passed') return 'ended'
  if (lot === 'withdrawn' || lot === 'cancelled') return 'cancelled'
  return sale === 'draft' ? 'draft' : 'scheduled'
}

/** A lot number as the catalogue keeps it ("007" → "7", "12a" → "12A"), or null. */
export function lotNumber(text: string): string | null {
  const trimmed = text.trim()
  if (!/^\d{1,6}[A-Za-z]{0,3}$/.test(trimmed)) return null
  return trimmed.replace(/^0+(?=\d)/, '').toUpperCase()
}

/** Catalogue order: by the number, then by its letters (12 < 12A < 12AB < 12B < 13). */
export function catalogueOrder(a: string, b: string): number {
  const split = (n: string): [number, string] => {
    const match = /^(\d+)([A-Z]*)$/.exec(n)
    return [Number(match?.[1] ?? 0), match?.[2] ?? '']
  }
  const [an, al] = split(a)
  const [bn, bl] = split(b)
  return an - bn || (al < bl ? -1 : al > bl ? 1 : 0)
}

/** The increment at price x: the fixed one, or the last band whose from ≤ x. */
function inc(lot: LotState, x: number): number {
  const table = lot.incrementTable
  if (!table) return lot.increment as number
  let step = (table[0] as IncrementBand).increment
  for (const band of table) if (band.from <= x) step = band.increment
  return step
}

export function askingPrice(lot: LotState): number {
  return lot.leaderId === null ? lot.startingPrice : lot.price + inc(lot, lot.price)
}

export function reserveMet(lot: LotState): boolean {
  const reserve = lot.reservePrice
  return reserve === null || (lot.leaderId !== null && lot.price >= reserve)
}

/** Publishes an event about `lot`: the sale's seq moves on and the lot remembers it. */
export function lotEvent(sale: SaleCounter, lot: LotState): void {
  sale.seq++
  lot.seq = sale.seq
}

export function setStatus(lot: LotState, status: LotStatus): void {
  lot.lotStatus = status
}

/** Closes an active lot now: sold to the leader when the reserve is met, else passed. */
export function closeLot(sale: SaleCounter, lot: LotState, now: number): void {
  const met = reserveMet(lot)
  const winnerId = lot.leaderId !== null && met ? lot.leaderId : null
  setStatus(lot, winnerId !== null ? 'sold' : 'passed')
  if (lot.endsAt === null || lot.endsAt > now) lot.endsAt = now
  lot.result = { winnerId, finalPrice: lot.price, reserveMet: met }
  lotEvent(sale, lot)
}

/** A lot that was never offered ends unsold. */
export function passWaitingLot(sale: SaleCounter, lot: LotState, now: number): void {
  setStatus(lot, 'passed')
  lot.endsAt = now
  lot.result = { winnerId: null, finalPrice: lot.price, reserveMet: reserveMet(lot) }
  lotEvent(sale, lot)
}

/**
 * One bid on a lot, checks in the engine's order. Mirrors the engine where the issue leaves
 * room: the reserve rule records an extra automatic 'leading' entry at the reserve (also
 * after a max_raised, whose own answer then has bidId null); a max_raised adds no entry of
 * its own; bid ids are 1-based positions in the lot's history; a rejected bid is not
 * remembered under its requestId; AUCTION_ENDED applies from now >= endsAt.
 */
export function placeBid(
  sale: SaleCounter,
  lot: LotState,
  input: ModelBid,
  now: number,
): BidAccepted | Failure {
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
  if (lot.lotStatus !== 'active') {
    return failure('AUCTION_NOT_ACTIVE', { status: auctionStatusOf(lot.lotStatus, sale.status) })
  }
  if (lot.endsAt !== null && now >= lot.endsAt) return failure('AUCTION_ENDED')
  if (input.bidderId === sale.sellerId) return failure('SELLER_CANNOT_BID')
  const asking = askingPrice(lot)
  if (amount < asking) return failure('BID_TOO_LOW', { minimumBid: asking })

  const bidder = input.bidderId
  const source = input.source ?? 'online'
  const seq = sale.seq + 1
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
  if (lot.leaderId === bidder) {
    if (max <= lot.leaderMax) return failure('ALREADY_LEADING')
    lot.leaderMax = max
    leaderSource = source
    result = 'max_raised'
  } else if (lot.leaderId === null) {
    lot.leaderId = bidder
    lot.leaderMax = max
    leaderSource = source
    lot.price = amount
    own = record(bidder, amount, 'manual', 'leading')
    result = 'leading'
  } else if (max > lot.leaderMax) {
    const price = Math.max(amount, Math.min(max, lot.leaderMax + inc(lot, lot.leaderMax)))
    if (lot.leaderMax > lot.price) {
      record(lot.leaderId, lot.leaderMax, 'auto', 'outbid', leaderSource)
    }
    lot.leaderId = bidder
    lot.leaderMax = max
    leaderSource = source
    lot.price = price
    own = record(bidder, price, 'manual', 'leading')
    result = 'leading'
  } else {
    // The earlier maximum wins a tie.
    const price = Math.min(lot.leaderMax, max + inc(lot, max))
    own = record(bidder, max, 'manual', 'outbid')
    lot.price = price
    record(lot.leaderId, price, 'auto', 'leading', leaderSource)
    result = 'outbid'
  }
  const reserve = lot.reservePrice
  if (reserve !== null && lot.leaderMax >= reserve && lot.price < reserve) {
    lot.price = reserve
    record(lot.leaderId, reserve, 'auto', 'leading', leaderSource)
  }
  lot.leaderSource = leaderSource
  lot.bidCount = lot.history.length

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
  if (input.requestId) lot.requests.set(input.requestId, answer)
  return answer
}
