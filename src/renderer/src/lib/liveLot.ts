// Facts about a live lot read off its bid history: who leads and from where, the last bids.
import type { BidEntry, BidSource, Lot } from '../../../shared/domain'
import { bidAt, type BidHistory } from '../store/bidList'
import { paddleName } from './format'

/** The anonymous floor paddle of the floor key (the hammer asks for the real one). */
export const FLOOR_PADDLE = 'floor'

/** The newest bids, newest first, retracted ones included (they show struck through). */
export function lastBids(history: BidHistory | undefined, count: number): BidEntry[] {
  if (!history) return []
  const bids: BidEntry[] = []
  for (let i = 0; i < count; i++) {
    const bid = bidAt(history, i)
    if (!bid) break
    bids.push(bid)
  }
  return bids
}

/** Where the leader's standing bid came from: the newest live entry of the leader. */
export function leaderSource(lot: Lot, history: BidHistory | undefined): BidSource | null {
  if (!lot.leaderId || !history) return null
  for (let i = 0; i < history.count; i++) {
    const bid = bidAt(history, i)
    if (bid && !bid.retracted && bid.bidderId === lot.leaderId) return bid.source
  }
  return null
}

/** A paddle read out in full; the anonymous floor paddle says it still needs a number. */
export function leaderName(leaderId: string | null): string {
  if (leaderId === FLOOR_PADDLE) return 'Floor (paddle to give)'
  return paddleName(leaderId)
}

/** A bidder in the list of bids: the anonymous floor paddle is just "Floor" there. */
export function bidderLabel(bidderId: string): string {
  return bidderId === FLOOR_PADDLE ? 'Floor' : paddleName(bidderId)
}

export const SOURCE_LABEL: Record<BidSource, string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Internet',
  absentee: 'Absentee',
}
