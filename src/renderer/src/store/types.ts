import type { AuctionsSlice } from './auctionsSlice'
import type { BidsSlice } from './bidsSlice'
import type { ConnectionSlice } from './connectionSlice'
import type { SalesSlice } from './salesSlice'
import type { SessionSlice } from './sessionSlice'
import type { UiSlice } from './uiSlice'

/** The whole console state: one zustand store made of slices. */
export type ConsoleState = AuctionsSlice &
  BidsSlice &
  ConnectionSlice &
  SalesSlice &
  SessionSlice &
  UiSlice
