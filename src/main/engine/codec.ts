// Translates between what the scripts store and the public JSON shapes.
import type {
  Actor,
  Auction,
  LotStatus,
  Sale,
  SaleChannelEvent,
  SaleMode,
  SaleStatus,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  BidKind,
  BidOutcome,
  BidResultKind,
  BidSource,
  IncrementBand,
  IncrementTable,
  DisplayRate,
} from '../../shared/domain'
import { STANDARD_LADDER } from '../../shared/domain'
import { incrementAt } from '../../shared/money'
import { decodeTerms } from './sale-terms'

const optionalNumber = (value: string | undefined): number | null =>
  value === undefined || value === '' ? null : Number(value)

/** A stored increment table: bands as JSON, or the standard ladder by name. */
const tableOf = (stored: string | undefined): IncrementTable | undefined =>
  !stored
    ? undefined
    : stored === STANDARD_LADDER
      ? stored
      : (JSON.parse(stored) as IncrementBand[])

/** A lot's status in the auction vocabulary, which old readers understand. */
export function auctionStatusOf(lotStatus: LotStatus, saleStatus: SaleStatus): AuctionStatus {
  if (lotStatus === 'active') return 'active'
  if (lotStatus === 'sold' || lotStatus === 'passed') return 'ended'
  if (lotStatus === 'withdrawn' || lotStatus === 'cancelled') return 'cancelled'
  return saleStatus === 'draft' ? 'draft' : 'scheduled'
}

/**
 * A stored lot hash (and its sale's status) → the public lot, which is the auction JSON
 * plus its sale's fields. The reserve amount only goes to staff and the seller.
 */
export function decodeAuction(
  hash: Record<string, string>,
  saleStatus: SaleStatus,
  viewer?: Actor,
): Auction {
  const incrementTable = tableOf(hash.incrementTable)
  const increment = incrementTable ? undefined : Number(hash.increment)
  const reserve = optionalNumber(hash.reservePrice)
  const currentPrice = Number(hash.currentPrice)
  const leaderId = hash.leaderId ? hash.leaderId : null
  const mayseeReserve = !viewer || viewer.staff || viewer.id === hash.sellerId
  const lotStatus = hash.lotStatus as LotStatus
  const askOverride = optionalNumber(hash.askOverride)
  const auction: Auction = {
    id: hash.id as string,
    saleId: hash.saleId as string,
    number: hash.number ?? '',
    estimateLow: optionalNumber(hash.estimateLow),
    estimateHigh: optionalNumber(hash.estimateHigh),
    lotStatus,
    title: hash.title ?? '',
    description: hash.description ?? '',
    sellerId: hash.sellerId as string,
    status: auctionStatusOf(lotStatus, saleStatus),
    currency: hash.currency as string,
    startingPrice: Number(hash.startingPrice),
    reservePrice: mayseeReserve ? reserve : null,
    hasReserve: reserve !== null,
    reserveMet: reserve === null || (leaderId !== null && currentPrice >= reserve),
    ...(incrementTable ? { incrementTable } : { increment }),
    currentPrice,
    askingPrice:
      askOverride ??
      (leaderId
        ? currentPrice +
          incrementAt(currentPrice, increment, incrementTable, Number(hash.digits ?? 2))
        : Number(hash.startingPrice)),
    leaderId,
    bidCount: Number(hash.bidCount),
    startsAt: optionalNumber(hash.startsAt),
    endsAt: optionalNumber(hash.endsAt),
    durationMs: optionalNumber(hash.durationMs),
    softCloseSeconds: Number(hash.softCloseSeconds ?? 0),
    seq: Number(hash.seq),
    createdAt: Number(hash.createdAt),
    onBlock: hash.live === '1' && lotStatus === 'active',
    warning: hash.warning === '1',
    askOverride,
    book: Number(hash.book ?? 0),
    hammerAt: optionalNumber(hash.hammerAt),
    // Whose lot it is stays between the house and the sale's seller (as the reserve).
    consignor: mayseeReserve ? hash.consignor || (hash.sellerId as string) : '',
  }
  if (lotStatus === 'sold' || lotStatus === 'passed') {
    auction.result = {
      winnerId: hash.winnerId ? hash.winnerId : null,
      finalPrice: Number(hash.finalPrice),
      reserveMet: hash.resultReserveMet === '1',
    }
    if (auction.hammerAt !== null) auction.result.hammerAt = auction.hammerAt
    if (hash.belowReserve === '1') auction.result.belowReserve = true
  }
  return auction
}

/**
 * A stored sale hash and its lot counts → the public sale. The seller's side of the terms
 * (commission, consignor rates, lot fee) only goes to staff and the seller, as the reserve.
 */
export function decodeSale(
  hash: Record<string, string>,
  lotCounts: Record<LotStatus, number>,
  lotCount: number,
  activeLotId: string | null = null,
  viewer?: Actor,
): Sale {
  const incrementTable = tableOf(hash.incrementTable)
  const increment = optionalNumber(hash.increment)
  return {
    id: hash.id as string,
    title: hash.title ?? '',
    description: hash.description ?? '',
    mode: hash.mode as SaleMode,
    status: hash.status as SaleStatus,
    currency: hash.currency as string,
    sellerId: hash.sellerId as string,
    startsAt: optionalNumber(hash.startsAt),
    firstCloseAt: optionalNumber(hash.firstCloseAt),
    durationMs: optionalNumber(hash.durationMs),
    closeIntervalSeconds: Number(hash.closeIntervalMs ?? 0) / 1000,
    softCloseSeconds: Number(hash.softCloseSeconds ?? 0),
    ...(incrementTable ? { incrementTable } : increment !== null ? { increment } : {}),
    lotCount,
    lotCounts,
    seq: Number(hash.seq ?? 0),
    createdAt: Number(hash.createdAt),
    closedAt: optionalNumber(hash.closedAt),
    standalone: hash.standalone === '1',
    onBlockLotId: hash.mode === 'live' ? activeLotId : null,
    displayRates: hash.displayRates ? (JSON.parse(hash.displayRates) as DisplayRate[]) : [],
    terms: decodeTerms(hash, !viewer || viewer.staff || viewer.id === hash.sellerId),
  }
}

const KINDS: Record<string, BidKind> = { manual: 'manual', auto: 'auto' }
const OUTCOMES: Record<string, BidOutcome> = { leading: 'leading', outbid: 'outbid' }

/**
 * One stored history line "seq|at|bidder|amount|kind|outcome|source" → a bid entry; a
 * retracted one goes on with "|r|at|operator|reason" (the reason last: it may hold '|').
 */
export function decodeBidEntry(line: string, id: number): BidEntry {
  const [seq, at, bidderId, amount, kind, outcome, source, mark, retractedAt, by, ...reason] =
    line.split('|')
  const entry: BidEntry = {
    id,
    bidderId: bidderId as string,
    amount: Number(amount),
    kind: KINDS[kind as string] as BidKind,
    outcome: OUTCOMES[outcome as string] as BidOutcome,
    source: source as BidSource,
    at: Number(at),
    seq: Number(seq),
  }
  if (mark === 'r') {
    entry.retracted = { reason: reason.join('|'), by: by as string, at: Number(retractedAt) }
  }
  return entry
}

/** The compact answer the bid script stores per request id → the public bid result. */
export function decodeBidAnswer(
  auctionId: string,
  answer: string,
  duplicate: boolean,
): BidAccepted {
  const [bidId, result, price, leaderId, bidCount, endsAt, extended, reserveMet, max, asking] =
    answer.split('|')
  return {
    ok: true,
    bidId: bidId ? Number(bidId) : null,
    auctionId,
    result: result as BidResultKind,
    price: Number(price),
    leaderId: leaderId as string,
    bidCount: Number(bidCount),
    endsAt: optionalNumber(endsAt),
    extended: extended === '1',
    duplicate,
    reserveMet: reserveMet === '1',
    maxAmount: Number(max),
    askingPrice: Number(asking),
  }
}

/** An event as published by a script; fills what Lua's JSON cannot express (empty arrays). */
export function decodeEvent(payload: string): SaleChannelEvent {
  const event = JSON.parse(payload) as SaleChannelEvent
  // Lua's cjson writes an empty array as {}.
  const emptyArray = (value: unknown): boolean => !Array.isArray(value)
  if ((event.type === 'bid_placed' || event.type === 'max_raised') && !event.bids) event.bids = []
  if (event.type === 'bid_retracted' && emptyArray(event.bidIds)) event.bidIds = []
  if (event.type === 'book_executed' && emptyArray(event.bids)) event.bids = []
  if (event.type === 'rates_changed' && emptyArray(event.displayRates)) event.displayRates = []
  if (event.type === 'sale_updated' && emptyArray(event.changed)) event.changed = []
  return event
}
