// The console's zustand store, made of slices. A factory, so each test gets its own.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createAuctionsSlice } from './auctionsSlice'
import { createBidsSlice } from './bidsSlice'
import { createConnectionSlice } from './connectionSlice'
import { createSalesSlice } from './salesSlice'
import { createSessionSlice } from './sessionSlice'
import type { ConsoleState } from './types'
import { createUiSlice } from './uiSlice'

export type ConsoleStore = StoreApi<ConsoleState>

export function createConsoleStore(initial: Partial<ConsoleState> = {}): ConsoleStore {
  return createStore<ConsoleState>()((...args) => ({
    ...createAuctionsSlice(...args),
    ...createBidsSlice(...args),
    ...createConnectionSlice(...args),
    ...createSalesSlice(...args),
    ...createSessionSlice(...args),
    ...createUiSlice(...args),
    ...initial,
  }))
}

export type { ConsoleState } from './types'
export type { FeedItem, IngestReport } from './auctionsSlice'
export type {
  ListSort,
  ListTab,
  PrintDoc,
  ResultsTab,
  Route,
  SellerTab,
  SettingsSection,
  Theme,
  Toast,
  View,
} from './uiSlice'
export type { AuthPhase } from './sessionSlice'
export { homeRoute } from './uiSlice'
export type { SaleTab } from './saleRules'
export type { BidHistory } from './bidList'
