// The reference model's state of one lot, in plain TypeScript: money, increments, the asking
// price, the reserve, events, closing, and the snapshot a live lot keeps per accepted bid
// (for `lot retract`). No Redis, no I/O; the caller passes the clock. The bid rules are in
// bid-rules.ts, the absentee book in absentee-book.ts, the sale-level rules in
// reference-model.ts and live-sale.ts.
import type {
  AuctionResult,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  BidSource,
  IncrementBand,
  LotStatus,
  SaleMode,
  SaleStatus,
} from '../../src/shared/domain'
import type { CommandError, ErrorCode, Failure } from '../../src/shared/errors'
import type { RegisterView } from './register-rules'

const MAX_MINOR = 10n ** 13n

/** The room's anonymous paddle: a floor bid whose bidder the clerk names at the hammer. */
export const FLOOR = 'floor'

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

/**
 * What a request id is bound to (the engine keeps it before the answer): the bidder, the
 * amount and maximum as sent (minor units, decimal text or the asking price) and the source.
 */
export function requestBinding(input: ModelBid): string {
  const spec = (value: string | number, asking: boolean): string => {
    if (typeof value === 'number') return `m:${Number.isInteger(value) ? String(value) : 'x'}`
    return asking && value === 'asking' ? 'a:' : `d:${value}`
  }
  const max = input.max === undefined || input.max === null ? '' : spec(input.max, false)
  return `${input.bidderId}|${spec(input.amount, true)}|${max}|${input.source ?? 'online'}`
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
  /** Request id → the bid it is bound to (requestBinding) and its answer. */
  requests: Map<string, { binding: string; answer: BidAccepted }>
  // ---- Live sales -----------------------------------------------------------------------
  /** Offered at least once (the engine's `live` flag): on the block while active. */
  live: boolean
  /** Fair warning given, and no bid accepted since. */
  warning: boolean
  /** The clerk's asking price for the next bid only (`lot ask`). */
  askOverride: number | null
  /** The absentee book while the lot waits: bidder → maximum and the serial of the entry. */
  book: Map<string, { max: number; serial: number }>
  /** Counts the book's entries, replaced ones too (the order of equal maximums). */
  bookSerial: number
  /** When the hammer fell or the lot passed on the block; null before and once reopened. */
  hammerAt: number | null
  /** Each accepted bid's and book execution's state before it, oldest first. */
  undo: Snapshot[]
}

/** A live lot's state before one accepted bid or book execution: what `lot retract` restores. */
export interface Snapshot {
  price: number
  leaderId: string | null
  leaderMax: number
  leaderSource: BidSource | undefined
  bidCount: number
  endsAt: number | null
  askOverride: number | null
  warning: boolean
  /** The history's length before; the `entries` after it were the bid's own. */
  historyLength: number
  entries: number
}

export const snapshot = (lot: LotState, entries: number): Snapshot => ({
  price: lot.price,
  leaderId: lot.leaderId,
  leaderMax: lot.leaderMax,
  leaderSource: lot.leaderSource,
  bidCount: lot.bidCount,
  endsAt: lot.endsAt,
  askOverride: lot.askOverride,
  warning: lot.warning,
  historyLength: lot.history.length,
  entries,
})

/** What a lot's rules need of its sale: the one seq counter, its status, mode, currency, seller. */
export interface SaleCounter extends RegisterView {
  seq: number
  status: SaleStatus
  mode: SaleMode
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
export function inc(lot: LotState, x: number): number {
  const table = lot.incrementTable
  if (!table) return lot.increment as number
  let step = (table[0] as IncrementBand).increment
  for (const band of table) if (band.from <= x) step = band.increment
  return step
}

/** The clerk's asking price first; else the starting price, or one increment above the price. */
export function askingPrice(lot: LotState): number {
  if (lot.askOverride !== null) return lot.askOverride
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
