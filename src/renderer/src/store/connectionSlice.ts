// Connection state as pushed by the main side, the server clock offset and viewer counts.
import type { StateCreator } from 'zustand'
import type { ConnectionStatus } from '../../../shared/contract'
import type { ConsoleState } from './types'

export interface ConnectionSlice {
  connection: ConnectionStatus
  /** Redis server time minus local time, in ms: the countdowns add it to Date.now(). */
  clockOffset: number
  viewers: Record<string, number>
  /** Bumped each time the connection becomes live: screens re-read their lists on it. */
  liveEpoch: number
  markLive: () => void
  setConnection: (status: ConnectionStatus) => void
  setClockOffset: (offset: number) => void
  setViewers: (auctionId: string, viewers: number) => void
}

export const createConnectionSlice: StateCreator<ConsoleState, [], [], ConnectionSlice> = (
  set,
  get,
) => ({
  connection: { state: 'connecting', endpoint: '', embedded: false },
  clockOffset: 0,
  viewers: {},
  liveEpoch: 0,
  markLive: () => set({ liveEpoch: get().liveEpoch + 1 }),
  setConnection: (connection) => set({ connection }),
  setClockOffset: (clockOffset) => set({ clockOffset }),
  setViewers: (auctionId, count) => {
    if (get().viewers[auctionId] !== count)
      set({ viewers: { ...get().viewers, [auctionId]: count } })
  },
})
