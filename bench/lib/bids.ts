// The bid load: each bid goes one cent above the last amount sent to its auction and comes
// from a different bidder than the bid before it, so nearly every bid is accepted as a new
// lead (one history entry, one bid_placed event). Bids carry a fresh requestId and decimal
// text, as the console sends them, and go through AuctionEngine.placeBid (or the previous
// engine's, bench/fixtures/legacy, which takes the same input).
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { AuctionEngine } from '../../src/main/engine'
import { minorToDecimal } from '../../src/shared/money'
import { STARTING_MINOR } from './fixtures'
import type { Outcome } from './load'

/** Bidders per lot: the bidder of a bid is its amount modulo this. */
export const BIDDERS = 16

export interface NextBid {
  amount: number
  bidderId: string
}

export interface BidSource {
  /** The next bid for the auction at this index. */
  next(auction: number): NextBid
}

/** One process: a counter per auction, so amounts rise in the order bids are sent. */
export function counterBids(auctions: number, first = STARTING_MINOR): BidSource {
  const last = new Array<number>(auctions).fill(first - 1)
  return {
    next: (auction) => {
      const amount = (last[auction] as number) + 1
      last[auction] = amount
      return { amount, bidderId: `bidder-${amount % BIDDERS}` }
    },
  }
}

/**
 * Several processes on one auction: amounts from the shared wall clock in microseconds,
 * interleaved by process index, so they rise across processes too. Bids that reach Redis
 * out of clock order are rejected (BID_TOO_LOW) and counted as rejected.
 */
export function clockBids(epochMs: number, processIndex: number, processes: number): BidSource {
  let last = 0
  let count = 0
  return {
    next: () => {
      const micros = Math.floor((performance.timeOrigin + performance.now() - epochMs) * 1000)
      last = Math.max(STARTING_MINOR + micros * processes + processIndex, last + processes)
      count++
      return { amount: last, bidderId: `p${processIndex}-bidder-${count % BIDDERS}` }
    },
  }
}

/** What places a bid: the engine, or the previous engine's bid path. */
export type BidPlacer = Pick<AuctionEngine, 'placeBid'>

export async function placeBid(
  engine: BidPlacer,
  auctionId: string,
  bid: NextBid,
): Promise<Outcome> {
  const result = await engine.placeBid({
    auctionId,
    bidderId: bid.bidderId,
    amount: minorToDecimal(bid.amount, 2),
    requestId: randomUUID(),
    source: 'online',
  })
  return result.ok ? { ok: true } : { ok: false, code: result.error.code }
}
