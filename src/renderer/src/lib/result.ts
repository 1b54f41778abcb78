// What became of an ended auction or lot, whether or not the closing event carried it.
import type { Auction, AuctionResult } from '../../../shared/domain'

/** The result of an ended auction (from the close, else from its last state); null before. */
export function resultOf(auction: Auction): AuctionResult | null {
  if (auction.status !== 'ended') return null
  return (
    auction.result ?? {
      winnerId: auction.reserveMet ? auction.leaderId : null,
      finalPrice: auction.currentPrice,
      reserveMet: auction.reserveMet,
    }
  )
}

/** Ended with bids but no winner: the highest bid did not sell it. */
export function endedUnsold(auction: Auction): boolean {
  const result = resultOf(auction)
  return result !== null && result.winnerId === null && auction.bidCount > 0
}
