import type { SaleTerms } from './settlement'
// The auction domain as every side sees it. Money is always integer minor units
// (1250 = 12.50 USD), times are epoch milliseconds on the Redis server clock.

export const AUCTION_STATUSES = ['draft', 'scheduled', 'active', 'ended', 'cancelled'] as const
export type AuctionStatus = (typeof AUCTION_STATUSES)[number]

export const BID_SOURCES = ['floor', 'phone', 'online', 'absentee'] as const
export type BidSource = (typeof BID_SOURCES)[number]
/**
 * A bid's amount for "the asking price when the bid lands" (the clerk's F2 and floor key):
 * the engine never rejects it as stale. Only an amount, never a maximum.
 */
export const AT_ASKING = 'asking'

export type BidKind = 'manual' | 'auto'
export type BidOutcome = 'leading' | 'outbid'
/** `booked`: an absentee bid recorded in the book of a live sale's waiting lot. */
export type BidResultKind = 'leading' | 'outbid' | 'max_raised' | 'booked'

/** A price band: from `from` (inclusive) upwards the increment is `increment`. */
export interface IncrementBand {
  from: number
  increment: number
}

/**
 * The auctioneer's standard ladder, chosen by name in place of a table: 10s to 200, 20s to
 * 300, the 2-5-8 steps to 500 (300, 320, 350, 380, 400…), 50s to 1,000, and the same pattern
 * times 10 above (100s to 2,000 …), in units of the currency.
 */
export const STANDARD_LADDER = 'standard'
export type IncrementTable = IncrementBand[] | typeof STANDARD_LADDER

export interface AuctionResult {
  winnerId: string | null
  finalPrice: number
  reserveMet: boolean
  /** Live sales: when the hammer fell (or the lot passed), on the Redis clock. */
  hammerAt?: number
  /** Live sales: staff sold below the reserve on purpose (`lot hammer --below-reserve`). */
  belowReserve?: boolean
}

export interface Auction {
  id: string
  /** The sale this lot belongs to (a standalone auction is a timed sale of one lot). */
  saleId: string
  /** Lot number within the sale, e.g. "12" or "12A" ("1" for a standalone auction). */
  number: string
  estimateLow: number | null
  estimateHigh: number | null
  lotStatus: LotStatus
  title: string
  description: string
  sellerId: string
  status: AuctionStatus
  currency: string
  startingPrice: number
  /** null when there is no reserve, or when the viewer may not see it (bidders). */
  reservePrice: number | null
  /** true when there is no reserve or the leader's maximum has reached it. */
  reserveMet: boolean
  hasReserve: boolean
  increment?: number
  incrementTable?: IncrementTable
  currentPrice: number
  /** The price the next bid must reach. */
  askingPrice: number
  leaderId: string | null
  bidCount: number
  startsAt: number | null
  endsAt: number | null
  /** For an auction whose end counts from its start; null once endsAt is known. */
  durationMs: number | null
  softCloseSeconds: number
  seq: number
  createdAt: number
  result?: AuctionResult
  /** Live sales: the lot is the one on the block (active in a live sale). */
  onBlock: boolean
  /** Whose lot it is, for the consignor statements: the sale's seller unless set. */
  consignor?: string
  /** Live sales: fair warning was given and no bid has come since. */
  warning: boolean
  /** Live sales: the clerk's asking price for the next bid only (`lot ask`), or null. */
  askOverride: number | null
  /** Live sales: the number of absentee bids in the lot's book. */
  book: number
  /** Live sales: when the hammer fell or the lot passed; null before. */
  hammerAt: number | null
  /** Staff only: who closed, withdrew or reopened it, and when. */
  activity?: LotActivity
}

/** One absentee bid in a live sale's book (the maximum only for staff and the seller). */
export interface BookEntry {
  bidderId: string
  max: number | null
  at: number
}

export interface BidEntry {
  id: number
  bidderId: string
  amount: number
  kind: BidKind
  outcome: BidOutcome
  source: BidSource
  at: number
  seq: number
  /** Set when staff retracted the bid (`lot retract`): the lot went back to before it. */
  retracted?: { reason: string; by: string; at: number }
}

export interface BidAccepted {
  ok: true
  /** Id of this bid's own history entry; null for a raise of the leader's maximum. */
  bidId: number | null
  auctionId: string
  result: BidResultKind
  price: number
  leaderId: string
  bidCount: number
  endsAt: number | null
  extended: boolean
  duplicate: boolean
  reserveMet: boolean
  /** The bidder's own maximum: shown to this bidder only, never in events. */
  maxAmount: number
  askingPrice: number
}

/** The state every auction event carries, so a console can apply it without a fetch. */
export interface AuctionEventState {
  /** The lot's id (kept under its old name: every lot is an auction). */
  auctionId: string
  lotId: string
  saleId: string
  /** The sale's seq after this event: one counter per sale, over the sale and all its lots. */
  seq: number
  /** The sale seq of this lot's previous event: a lot watcher applies an event only when
   * prevSeq equals the seq it holds, and resyncs otherwise. */
  prevSeq: number
  lotStatus: LotStatus
  at: number
  status: AuctionStatus
  price: number
  leaderId: string | null
  bidCount: number
  reserveMet: boolean
  askingPrice: number
  startsAt: number | null
  endsAt: number | null
}

export type AuctionEvent =
  | (AuctionEventState & {
      type: 'auction_created'
      title: string
      sellerId: string
      currency: string
    })
  | (AuctionEventState & { type: 'auction_started' })
  | (AuctionEventState & { type: 'bid_placed'; bids: BidEntry[]; bidderId: string })
  | (AuctionEventState & { type: 'max_raised'; bids?: BidEntry[] })
  | (AuctionEventState & { type: 'auction_extended'; previousEndsAt: number })
  | (AuctionEventState & { type: 'auction_ended'; result: AuctionResult })
  | (AuctionEventState & { type: 'auction_cancelled' })
  | LiveLotEvent

/** The lot events of a live sale; each carries the lot's fair-warning flag. */
export type LiveLotEvent = AuctionEventState & { warning: boolean } & (
    | { type: 'lot_offered' }
    | { type: 'book_executed'; bids: BidEntry[] }
    | { type: 'ask_changed'; askOverride: number | null }
    | { type: 'fair_warning' }
    | { type: 'warning_cleared' }
    | { type: 'lot_sold'; result: AuctionResult }
    | { type: 'lot_passed'; result: AuctionResult }
    | { type: 'bid_retracted'; bidIds: number[]; reason: string }
    | { type: 'lot_reopened'; reason: string }
    | { type: 'lot_withdrawn' }
  )

export type AuctionEventType = AuctionEvent['type']

/** Who is acting: the seller acts on their own auctions, staff on all. */
export interface Actor {
  id: string
  staff: boolean
}

/** A lot id is "<saleId>" (a standalone auction) or "<saleId>.<n>": its sale is the part before the dot. */
export const saleIdOf = (lotId: string): string => {
  const dot = lotId.indexOf('.')
  return dot < 0 ? lotId : lotId.slice(0, dot)
}

/** One channel per sale: every event of the sale and of its lots, in seq order. */
export const saleChannel = (saleId: string): string => `sale:{${saleId}}:events`
/** A lot's events travel on its sale's channel. */
export const auctionChannel = (auctionId: string): string => saleChannel(saleIdOf(auctionId))
/** Status changes of every lot (the auction list). */
export const AUCTION_LIST_CHANNEL = 'auctions:events'
/** Sale-level changes of every sale (the sales list). */
export const SALE_LIST_CHANNEL = 'sales:events'

// ---- Sales ---------------------------------------------------------------------------

export const SALE_MODES = ['timed', 'live'] as const
export type SaleMode = (typeof SALE_MODES)[number]

export const SALE_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'cancelled'] as const
export type SaleStatus = (typeof SALE_STATUSES)[number]

export const LOT_STATUSES = [
  'waiting',
  'active',
  'sold',
  'passed',
  'withdrawn',
  'cancelled',
] as const
export type LotStatus = (typeof LOT_STATUSES)[number]

/** A lot is an auction with its sale's fields; the auction JSON is a lot's JSON. */
export type Lot = Auction

/** Who did what to a sale, and when (staff only: `sales:get`, `sales:watch`). */
export interface SaleActivity {
  createdBy: string
  createdAt: number
  startedBy: string | null
  startedAt: number | null
  /** `scheduler` when the sale closed on its own. */
  closedBy: string | null
  closedAt: number | null
  cancelledBy: string | null
  cancelledAt: number | null
  /** The newest entry of the sale's audit log. */
  lastAction: { action: string; operator: string; at: number; lotId: string | null } | null
}

/** Who closed, withdrew or reopened a lot, and when (staff only: `auctions:get|watch`). */
export interface LotActivity {
  /** The clerk at the hammer or pass, the operator who ended it, or `scheduler`. */
  closedBy: string | null
  closedAt: number | null
  withdrawnBy: string | null
  withdrawnAt: number | null
  reopenedBy: string | null
  reopenedAt: number | null
}

export interface Sale {
  id: string
  title: string
  description: string
  mode: SaleMode
  status: SaleStatus
  currency: string
  sellerId: string
  /** When a scheduled sale opens, or when it opened. */
  startsAt: number | null
  /** Timed sales: when the first lot closes (null until known, e.g. a draft with a duration). */
  firstCloseAt: number | null
  /** Timed sales: from the sale's start to its first lot's close, when given as a duration. */
  durationMs: number | null
  closeIntervalSeconds: number
  softCloseSeconds: number
  /** The default increment of its lots: a fixed step or a table. */
  increment?: number
  incrementTable?: IncrementTable
  lotCount: number
  lotCounts: Record<LotStatus, number>
  seq: number
  createdAt: number
  closedAt: number | null
  /** True for the sale behind a standalone auction (`auction create`). */
  standalone: boolean
  /** Live sales: the lot on the block, or null. */
  onBlockLotId: string | null
  /** Indicative rates for the room display: 1 unit of the sale's currency in each. */
  displayRates: DisplayRate[]
  /** Staff only: who did what, and when. */
  activity?: SaleActivity
  /**
   * Buyer's premium, tax on it, registration (everyone); the seller's commission, consignor
   * rates and lot fee only for staff and the sale's seller (zero / empty for others).
   */
  terms?: SaleTerms
}

/** One currency on the room display: `rate` is decimal text, units per sale currency unit. */
export interface DisplayRate {
  currency: string
  rate: string
}

/** One entry of a sale's audit log (append-only, hash-chained; `sale log`). */
export interface LogEntry {
  /** The stream entry id. */
  id: string
  at: number
  operator: string
  action: string
  lotId: string | null
  priceBefore: number | null
  priceAfter: number | null
  leaderBefore: string | null
  leaderAfter: string | null
  reason: string | null
  /** Anything else the action recorded (the bid's amount and source, a voided result…). */
  detail: Record<string, unknown> | null
  /** SHA-1 of the previous entry's stored text ('' for the first). */
  prev: string
  /** SHA-1 of this entry's stored text. */
  hash: string
}

/** The state every sale-level event carries. */
export interface SaleEventState {
  saleId: string
  seq: number
  at: number
  status: SaleStatus
  lotCount: number
}

export type SaleEvent =
  | (SaleEventState & { type: 'sale_created'; title: string; mode: SaleMode; sellerId: string })
  | (SaleEventState & { type: 'sale_started' })
  | (SaleEventState & { type: 'sale_closed' })
  | (SaleEventState & { type: 'sale_cancelled' })
  | (SaleEventState & { type: 'lot_added'; lotId: string; number: string })
  | (SaleEventState & { type: 'lot_updated'; lotId: string; number: string })
  | (SaleEventState & { type: 'lot_removed'; lotId: string; number: string })
  | (SaleEventState & { type: 'lots_reordered' })
  | (SaleEventState & { type: 'rates_changed'; displayRates: DisplayRate[] })
  /**
   * A draft's title, description or terms changed (`sales:update`). The terms are not in the
   * event (the commission is staff's and the seller's): read the sale again when `changed`
   * names one of them.
   */
  | (SaleEventState & {
      type: 'sale_updated'
      title: string
      description: string
      /** The stored fields changed, e.g. ['commissionRate', 'premiumBands', 'title']. */
      changed: string[]
    })
  /** Register entries added or changed (no limits: fetch the register for those). */
  | (SaleEventState & { type: 'register_changed'; paddles: string[] })

/** Anything published on a sale's channel. */
export type SaleChannelEvent = SaleEvent | AuctionEvent

export const isLotEvent = (event: SaleChannelEvent): event is AuctionEvent => 'auctionId' in event
