// A console for component tests: the fake API answering the usual reads, a store with a
// signed-in profile (auth:status answers it) and a connection state, the real feed (frames
// run by hand) and sign-in keeping, and a render inside the provider. `stopConsoles()` in
// afterEach stops every feed and unmounts.
import { act, cleanup, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { CommandResult, ConnectionState, OperatorProfile } from '../../../src/shared/contract'
import type { Auction, BidEntry } from '../../../src/shared/domain'
import { ConsoleProvider } from '../../../src/renderer/src/context'
import { startFeed, type Feed } from '../../../src/renderer/src/live/feed'
import { startSession } from '../../../src/renderer/src/live/session'
import { createConsoleStore, type ConsoleState } from '../../../src/renderer/src/store'
import { AuctionRoom } from '../../../src/renderer/src/screens/AuctionRoom'
import { EndDialog } from '../../../src/renderer/src/components/EndDialog'
import { createFakeApi, manualFrames, settle } from './fakeApi'

export const CLERK: OperatorProfile = { displayName: 'Clerk', operatorId: 'clerk-1', role: 'staff' }
/** The seller of auctionAt()'s lot. */
export const OWNER: OperatorProfile = {
  displayName: 'Owner',
  operatorId: 'seller-1',
  role: 'seller',
}
/** A seller looking at another seller's auction: a bidder's view. */
export const OTHER_SELLER: OperatorProfile = {
  displayName: 'Other',
  operatorId: 'seller-2',
  role: 'seller',
}

const feeds: Feed[] = []
const sessions: (() => void)[] = []

export function stopConsoles(): void {
  cleanup()
  for (const feed of feeds.splice(0)) feed.stop()
  for (const stop of sessions.splice(0)) stop()
}

export function testConsole(
  options: {
    profile?: OperatorProfile | null
    state?: ConnectionState
    initial?: Partial<ConsoleState>
    /** What auth:status answers from the start; by default, whoever the store holds. */
    authStatus?: CommandResult<'auth:status'>
  } = {},
) {
  const api = createFakeApi()
  const connection = {
    state: options.state ?? 'live',
    endpoint: 'redis://127.0.0.1:6390',
    embedded: false,
  }
  api.handle('connection:status', () => ({ ok: true, ...connection }))
  api.handle('clock:now', () => ({ ok: true, now: Date.now() }))
  api.handle('auctions:unwatch', () => ({ ok: true }))
  api.handle('sales:unwatch', () => ({ ok: true }))
  const store = createConsoleStore({
    profile: options.profile === undefined ? CLERK : options.profile,
    connection,
    ...options.initial,
  })
  // The main side keeps who is signed in: by default, whoever the store says.
  api.handle(
    'auth:status',
    () => options.authStatus ?? { ok: true, profile: store.getState().profile, setupNeeded: false },
  )
  const frames = manualFrames()
  const feed = startFeed(api, store, { schedule: frames.schedule })
  feeds.push(feed)
  sessions.push(startSession(api, store))
  const services = { api, store, feed }
  const show = (element: ReactElement) =>
    render(<ConsoleProvider services={services}>{element}</ConsoleProvider>)
  return { api, store, frames, feed, show }
}

export type TestConsole = ReturnType<typeof testConsole>

/** Opens the room of `auction` (with the end dialog, as the app has it) and lets it load. */
export async function openRoom(
  console: TestConsole,
  auction: Auction,
  bids: BidEntry[] = [],
): Promise<void> {
  console.api.handle('auctions:watch', () => ({ ok: true, auction, viewers: 1 }))
  console.api.handle('bids:history', () => ({ ok: true, bids, total: bids.length }))
  console.store.getState().go({ screen: 'room', auctionId: auction.id })
  console.show(
    <>
      <AuctionRoom auctionId={auction.id} />
      <EndDialog />
    </>,
  )
  await act(async () => {
    await settle()
    console.frames.runFrame()
    await settle()
  })
}

/** A history entry (newest-first pages are built from these). */
export function entry(id: number, overrides: Partial<BidEntry> = {}): BidEntry {
  return {
    id,
    bidderId: `p${id}`,
    amount: 1000 + id * 100,
    kind: 'manual',
    outcome: 'leading',
    source: 'floor',
    at: 2_000 + id,
    seq: id,
    ...overrides,
  }
}
