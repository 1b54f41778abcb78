// Lots (auctions) by id, and `ingest`: a frame's worth of pushes applied in order, by seq
// (see ingest.ts), reporting what the feed must do next.
import type { StateCreator } from 'zustand'
import type { Auction } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { takeSnapshot } from './applyEvent'
import { ingestItems, type FeedItem, type IngestReport } from './ingest'
import type { ConsoleState } from './types'

export type { FeedItem, IngestReport } from './ingest'

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
  /** `isWatchedSale`: sales whose every event we hear (their seq must not jump). */
  ingest: (
    items: FeedItem[],
    now?: number,
    isWatchedSale?: (saleId: string) => boolean,
  ) => IngestReport
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
  ingest: (items, now = Date.now(), isWatchedSale = () => false) => {
    const { auctions, histories, sales, saleLots } = get()
    const result = ingestItems({ auctions, histories, sales, saleLots }, items, {
      now,
      isWatchedSale,
    })
    if (result.changed) set(result.state)
    return result.report
  },
})
