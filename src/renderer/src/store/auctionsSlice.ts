// Auctions by id, and the one place where pushes change them: `ingest` applies a frame's
// worth of events and snapshots in order, by seq, and reports what the feed must do next.
import type { StateCreator } from 'zustand'
import type { Auction, AuctionEvent, BidEntry } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { applyEvent, fitOf, takeSnapshot } from './applyEvent'
import { addLiveBids, newestId } from './bidList'
import type { ConsoleState } from './types'

export type FeedItem =
  { kind: 'events'; events: AuctionEvent[] } | { kind: 'snapshot'; auction: Auction }

/** What a frame of pushes changed, for the side effects the store does not own. */
export interface IngestReport {
  /** Auctions with a missed event (or unknown ones): read a fresh snapshot. */
  gaps: string[]
  /** Bids applied, per auction (for toasts). */
  bids: { auctionId: string; bids: BidEntry[] }[]
  /** Auctions that ended in this frame. */
  ended: string[]
  /** Auctions whose snapshot moved past the bids we hold (re-read the newest page). */
  historyBehind: string[]
}

export interface AuctionsSlice {
  auctions: Record<string, Auction>
  /**
   * Auctions the main side would not give us, on a watch or a read (AUCTION_NOT_FOUND, not
   * allowed), so a room can say so instead of loading forever. An auction we hold wins.
   */
  refused: Record<string, CommandError>
  watchRefused: (auctionId: string, error: CommandError) => void
  /** Replaces what we hold with fresh reads (lists, snapshots), never going back in seq. */
  upsertAuctions: (list: Auction[]) => void
  ingest: (items: FeedItem[], now?: number) => IngestReport
}

export const createAuctionsSlice: StateCreator<ConsoleState, [], [], AuctionsSlice> = (
  set,
  get,
) => ({
  auctions: {},
  refused: {},
  watchRefused: (auctionId, error) => set({ refused: { ...get().refused, [auctionId]: error } }),
  upsertAuctions: (list) => {
    if (list.length === 0) return
    const auctions = { ...get().auctions }
    for (const auction of list) auctions[auction.id] = takeSnapshot(auctions[auction.id], auction)
    set({ auctions })
  },
  ingest: (items, now = Date.now()) => {
    const state = get()
    const auctions = { ...state.auctions }
    const histories = { ...state.histories }
    const report: IngestReport = { gaps: [], bids: [], ended: [], historyBehind: [] }
    const gaps = new Set<string>()
    let changed = false
    for (const item of items) {
      if (item.kind === 'snapshot') {
        const held = auctions[item.auction.id]
        const next = takeSnapshot(held, item.auction)
        if (next !== held) {
          auctions[next.id] = next
          changed = true
          gaps.delete(next.id)
          const history = histories[next.id]
          // A first page still on its way covers it (a room's opening snapshot would
          // otherwise read the newest 500 bids twice).
          const firstPageComing = history !== undefined && !history.loaded && history.loading
          if (history && !firstPageComing && next.bidCount > newestId(history))
            report.historyBehind.push(next.id)
          if (held && held.status !== 'ended' && next.status === 'ended') report.ended.push(next.id)
        }
        continue
      }
      for (const event of item.events) {
        const id = event.auctionId
        if (gaps.has(id)) continue // everything after a gap waits for the snapshot
        const fit = fitOf(auctions[id], event)
        if (fit === 'stale') continue
        if (fit === 'gap') {
          gaps.add(id)
          continue
        }
        auctions[id] = applyEvent(auctions[id] as Auction, event)
        changed = true
        if ((event.type === 'bid_placed' || event.type === 'max_raised') && event.bids?.length) {
          report.bids.push({ auctionId: id, bids: event.bids })
          const history = histories[id]
          if (history) histories[id] = addLiveBids(history, event.bids, now)
        }
        if (event.type === 'auction_ended') report.ended.push(id)
      }
    }
    report.gaps = [...gaps]
    if (changed) set({ auctions, histories })
    return report
  },
})
