// Connection state as pushed by the main side, the server clock offset and viewer counts.
import type { StateCreator } from 'zustand'
import type { ConnectionStatus } from '../../../shared/contract'
import type { ConsoleState } from './types'

export interface ConnectionSlice {
  connection: ConnectionStatus
  /**
   * Local time the connection stopped being live: what the board and the banner show as
   * "since". Null while live, and before the first live moment (nothing shown is stale yet).
   */
  lostAt: number | null
  /** Redis server time minus local time, in ms: the countdowns add it to Date.now(). */
  clockOffset: number
  viewers: Record<string, number>
  /** Bumped each time the connection becomes live: screens re-read their lists on it. */
  liveEpoch: number
  markLive: () => void
  setConnection: (status: ConnectionStatus, now?: number) => void
  setClockOffset: (offset: number) => void
  setViewers: (auctionId: string, viewers: number) => void
}

export const createConnectionSlice: StateCreator<ConsoleState, [], [], ConnectionSlice> = (
  set,
  get,
) => ({
  connection: { state: 'connecting', endpoint: '', embedded: false },
  lostAt: null,
  clockOffset: 0,
  viewers: {},
  liveEpoch: 0,
  markLive: () => set({ liveEpoch: get().liveEpoch + 1 }),
  setConnection: (connection, now = Date.now()) => {
    const wasLive = get().connection.state === 'live'
    const lostAt = connection.state === 'live' ? null : wasLive ? now : get().lostAt
    set({ connection, lostAt })
  },
  setClockOffset: (clockOffset) => set({ clockOffset }),
  setViewers: (auctionId, count) => {
    if (get().viewers[auctionId] !== count)
      set({ viewers: { ...get().viewers, [auctionId]: count } })
  },
})
