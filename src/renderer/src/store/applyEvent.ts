// Pure rules for applying lot (auction) events by `seq`. Seq is the sale's counter, so a
// lot's events are not consecutive: each carries `prevSeq`, the seq of the lot's previous
// event. An event is applied only when it follows what we hold (prevSeq = held seq); older
// or repeated ones are dropped; anything else means we missed something and the lot must
// be re-read (a fresh snapshot replaces what we hold).
import type { Auction, AuctionEvent, LiveLotEvent } from '../../../shared/domain'

export type EventFit = 'apply' | 'stale' | 'gap'

/** How an event fits the auction we hold (undefined: not known yet → gap, read it). */
export function fitOf(current: Auction | undefined, event: AuctionEvent): EventFit {
  if (!current) return 'gap'
  if (event.seq <= current.seq) return 'stale'
  // Events published before prevSeq existed follow one another by one.
  const prevSeq = (event.prevSeq as number | undefined) ?? event.seq - 1
  return prevSeq === current.seq ? 'apply' : 'gap'
}

/** The auction after one event; the event carries the whole public state. */
export function applyEvent(auction: Auction, event: AuctionEvent): Auction {
  const next: Auction = {
    ...auction,
    seq: event.seq,
    status: event.status,
    lotStatus: (event.lotStatus as Auction['lotStatus'] | undefined) ?? auction.lotStatus,
    currentPrice: event.price,
    leaderId: event.leaderId,
    bidCount: event.bidCount,
    reserveMet: event.reserveMet,
    askingPrice: event.askingPrice,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    durationMs: event.endsAt !== null ? null : auction.durationMs,
    // The clerk's asking price is for the next bid only.
    askOverride: event.type === 'bid_placed' ? null : auction.askOverride,
    onBlock: event.lotStatus === 'active' ? auction.onBlock : false,
  }
  if (event.type === 'auction_ended') next.result = event.result
  return 'warning' in event ? applyLiveEvent(next, event) : next
}

/** A live sale's lot event: fair warning, the clerk's asking price, the hammer, a reopen. */
function applyLiveEvent(next: Auction, event: LiveLotEvent): Auction {
  next.warning = event.warning
  next.onBlock = event.lotStatus === 'active'
  switch (event.type) {
    case 'ask_changed':
      next.askOverride = event.askOverride
      break
    case 'lot_sold':
    case 'lot_passed':
      next.result = event.result
      next.hammerAt = event.result.hammerAt ?? event.at
      next.askOverride = null
      break
    case 'lot_offered':
    case 'lot_reopened':
      delete next.result
      next.hammerAt = null
      next.askOverride = null
      break
    case 'book_executed':
      next.askOverride = null
      break
    default:
      break
  }
  return next
}

/** A snapshot replaces what we hold unless it is older than it. */
export function takeSnapshot(current: Auction | undefined, snapshot: Auction): Auction {
  return current && current.seq > snapshot.seq ? current : snapshot
}
