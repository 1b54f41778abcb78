// Bid histories of the auctions open in a room; see bidList.ts for the invariants.
import type { StateCreator } from 'zustand'
import type { BidEntry } from '../../../shared/domain'
import { addPage, emptyHistory, type BidHistory } from './bidList'
import type { ConsoleState } from './types'

export interface BidsSlice {
  histories: Record<string, BidHistory>
  /** Starts holding a history (live bids are kept from now on). */
  openHistory: (auctionId: string) => void
  closeHistory: (auctionId: string) => void
  historyLoading: (auctionId: string) => void
  historyPage: (auctionId: string, bids: BidEntry[]) => void
  historyFailed: (auctionId: string, message: string) => void
}

export const createBidsSlice: StateCreator<ConsoleState, [], [], BidsSlice> = (set, get) => {
  const update = (auctionId: string, change: (history: BidHistory) => BidHistory): void => {
    const history = get().histories[auctionId]
    if (history) set({ histories: { ...get().histories, [auctionId]: change(history) } })
  }
  return {
    histories: {},
    openHistory: (auctionId) => {
      if (!get().histories[auctionId]) {
        set({ histories: { ...get().histories, [auctionId]: emptyHistory() } })
      }
    },
    closeHistory: (auctionId) => {
      const { [auctionId]: _dropped, ...rest } = get().histories
      set({ histories: rest })
    },
    historyLoading: (auctionId) => update(auctionId, (h) => ({ ...h, loading: true, error: null })),
    historyPage: (auctionId, bids) => update(auctionId, (h) => addPage(h, bids)),
    historyFailed: (auctionId, message) =>
      update(auctionId, (h) => ({ ...h, loading: false, error: message })),
  }
}
