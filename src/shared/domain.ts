// The auction domain as every side sees it. Money is always integer minor units
// (1250 = 12.50 USD), times are epoch milliseconds on the Redis server clock.

export const AUCTION_STATUSES = ['draft', 'scheduled', 'active', 'ended', 'cancelled'] as const
export type AuctionStatus = (typeof AUCTION_STATUSES)[number]

export const BID_SOURCES = ['floor', 'phone', 'online', 'absentee'] as const
export type BidSource = (typeof BID_SOURCES)[number]

export type BidKind = 'manual' | 'auto'
export type BidOutcome = 'leading' | 'outbid'
export type BidResultKind = 'leading' | 'outbid' | 'max_raised'

/** A price band: from `from` (inclusive) upwards the increment is `increment`. */
export interface IncrementBand {
  from: number
  increment: number
}

export interface AuctionResult {
  winnerId: string | null
  finalPrice: number
  reserveMet: boolean
}

export interface Auction {
  id: string
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
  incrementTable?: IncrementBand[]
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
  auctionId: string
  seq: number
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

export type AuctionEventType = AuctionEvent['type']

/** Who is acting: the seller acts on their own auctions, staff on all. */
export interface Actor {
  id: string
  staff: boolean
}

export const auctionChannel = (auctionId: string): string => `auction:{${auctionId}}:events`
export const AUCTION_LIST_CHANNEL = 'auctions:events'
