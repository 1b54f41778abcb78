// Pure rules for applying auction events by `seq`: an event is applied only when it is
// the next one; older or repeated ones are dropped; a jump means we missed something and
// the auction must be re-read (a fresh snapshot replaces what we hold).
import type { Auction, AuctionEvent } from '../../../shared/domain'

export type EventFit = 'apply' | 'stale' | 'gap'

/** How an event fits the auction we hold (undefined: not known yet → gap, read it). */
export function fitOf(current: Auction | undefined, event: AuctionEvent): EventFit {
  if (!current) return 'gap'
  if (event.seq <= current.seq) return 'stale'
  return event.seq === current.seq + 1 ? 'apply' : 'gap'
}

/** The auction after one event; the event carries the whole public state. */
export function applyEvent(auction: Auction, event: AuctionEvent): Auction {
  const next: Auction = {
    ...auction,
    seq: event.seq,
    status: event.status,
    currentPrice: event.price,
    leaderId: event.leaderId,
    bidCount: event.bidCount,
    reserveMet: event.reserveMet,
    askingPrice: event.askingPrice,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    durationMs: event.endsAt !== null ? null : auction.durationMs,
  }
  if (event.type === 'auction_ended') next.result = event.result
  return next
}

/** A snapshot replaces what we hold unless it is older than it. */
export function takeSnapshot(current: Auction | undefined, snapshot: Auction): Auction {
  return current && current.seq > snapshot.seq ? current : snapshot
}
