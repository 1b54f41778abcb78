// @vitest-environment jsdom
// The console store and its feed: events applied by seq, duplicates and stale ones
// dropped, a gap answered by a fresh snapshot, and a burst coalesced into one update.
import { afterEach, describe, expect, it } from 'vitest'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { createConsoleStore, type ConsoleStore } from '../../src/renderer/src/store'
import { newestFirst } from '../../src/renderer/src/store/bidList'
import {
  auctionAt,
  bidEvent,
  createFakeApi,
  manualFrames,
  settle,
  type FakeApi,
} from './support/fakeApi'

let feed: Feed | undefined
afterEach(() => feed?.stop())

function setup(seq = 5): {
  api: FakeApi
  store: ConsoleStore
  frames: ReturnType<typeof manualFrames>
} {
  const api = createFakeApi()
  api.handle('connection:status', () => ({
    ok: true,
    state: 'connecting',
    endpoint: '',
    embedded: false,
  }))
  const store = createConsoleStore()
  store.getState().upsertAuctions([auctionAt(seq)])
  const frames = manualFrames()
  feed = startFeed(api, store, { schedule: frames.schedule })
  return { api, store, frames }
}

describe('events by seq', () => {
  it('applies the next events in order', () => {
    const { api, store, frames } = setup(5)
    api.push('auction:events', [bidEvent(6, 1000), bidEvent(7, 1100)])
    frames.runFrame()
    const auction = store.getState().auctions['lot-1']
    expect(auction?.seq).toBe(7)
    expect(auction?.currentPrice).toBe(1100)
    expect(auction?.leaderId).toBe('p7')
  })

  it('drops duplicates and stale events', () => {
    const { api, store, frames } = setup(5)
    api.push('auction:events', [bidEvent(6, 1000)])
    api.push('auction:events', [bidEvent(6, 9999), bidEvent(4, 8888), bidEvent(5, 7777)])
    frames.runFrame()
    const auction = store.getState().auctions['lot-1']
    expect(auction?.seq).toBe(6)
    expect(auction?.currentPrice).toBe(1000)
    expect(api.callsOf('auctions:get')).toHaveLength(0)
  })

  it('on a gap fetches one snapshot, replaces the auction, then applies what waited', async () => {
    const { api, store, frames } = setup(5)
    let answer: (value: { ok: true; auction: ReturnType<typeof auctionAt> }) => void = () =>
      undefined
    api.handle('auctions:get', () => new Promise((resolve) => (answer = resolve)))
    api.push('auction:events', [bidEvent(6, 1000), bidEvent(9, 1300)])
    frames.runFrame()
    expect(store.getState().auctions['lot-1']?.seq).toBe(6)
    expect(api.callsOf('auctions:get')).toEqual([{ auctionId: 'lot-1' }])

    // While the snapshot is on its way, more events arrive: they wait, no second fetch.
    api.push('auction:events', [bidEvent(10, 1400), bidEvent(11, 1500)])
    frames.runFrame()
    expect(api.callsOf('auctions:get')).toHaveLength(1)

    answer({
      ok: true,
      auction: auctionAt(10, { currentPrice: 1400, bidCount: 10, leaderId: 'p10' }),
    })
    await settle()
    const auction = store.getState().auctions['lot-1']
    expect(auction?.seq).toBe(11) // snapshot at 10, then the waiting 11 (10 was dropped as stale)
    expect(auction?.currentPrice).toBe(1500)
    expect(api.callsOf('auctions:get')).toHaveLength(1)
  })

  it('reads an unknown auction instead of guessing it', async () => {
    const { api, store, frames } = setup(5)
    api.handle('auctions:get', () => ({
      ok: true,
      auction: auctionAt(3, { id: 'lot-2', title: 'New lot' }),
    }))
    api.push('auction:events', [bidEvent(3, 1000, 1, 'lot-2')])
    frames.runFrame()
    await settle()
    expect(store.getState().auctions['lot-2']?.title).toBe('New lot')
  })

  it('never lets an older snapshot replace a newer state', () => {
    const { api, store, frames } = setup(5)
    api.push('auction:events', [bidEvent(6, 1000), bidEvent(7, 1100)])
    api.push('auction:snapshot', { auction: auctionAt(6, { currentPrice: 1 }) })
    frames.runFrame()
    expect(store.getState().auctions['lot-1']?.currentPrice).toBe(1100)
  })
})

describe('coalescing', () => {
  it('turns a burst of pushes into one store update on the next frame', () => {
    const { api, store, frames } = setup(0)
    let updates = 0
    const unsubscribe = store.subscribe(() => updates++)
    for (let seq = 1; seq <= 200; seq++)
      api.push('auction:events', [bidEvent(seq, 1000 + seq * 100)])
    expect(updates).toBe(0) // nothing reaches the store before the frame
    expect(frames.pending()).toBe(1) // one frame requested for the whole burst
    frames.runFrame()
    expect(updates).toBe(1)
    expect(store.getState().auctions['lot-1']?.seq).toBe(200)
    expect(store.getState().auctions['lot-1']?.currentPrice).toBe(1000 + 200 * 100)
    unsubscribe()
  })
})

describe('bid history', () => {
  it('adds live bids newest first and keeps the run of ids dense', () => {
    const { api, store, frames } = setup(2)
    store.getState().openHistory('lot-1')
    store.getState().historyPage('lot-1', [
      {
        id: 2,
        bidderId: 'a',
        amount: 1100,
        kind: 'manual',
        outcome: 'leading',
        source: 'floor',
        at: 1,
        seq: 2,
      },
      {
        id: 1,
        bidderId: 'b',
        amount: 1000,
        kind: 'manual',
        outcome: 'leading',
        source: 'floor',
        at: 1,
        seq: 1,
      },
    ])
    api.push('auction:events', [bidEvent(3, 1200, 3), bidEvent(4, 1300, 4)])
    frames.runFrame()
    const history = store.getState().histories['lot-1']
    expect(history && newestFirst(history).map((bid) => bid.id)).toEqual([4, 3, 2, 1])
    expect(history?.complete).toBe(true)
  })
})

describe('connection', () => {
  it('re-watches after connecting and after every reconnect, and never declares who it is', async () => {
    const { api, store } = setup(5)
    api.handle('clock:now', () => ({ ok: true, now: Date.now() }))
    api.handle('auctions:watch', () => ({ ok: true, auction: auctionAt(5), viewers: 2 }))
    store.getState().signedIn({ displayName: 'Ann', operatorId: 'clerk-1', role: 'staff' })
    await settle()
    const release = feed?.watches.acquire('lot-1')
    await settle()
    const live = { state: 'live' as const, endpoint: '127.0.0.1:1', embedded: false }
    api.push('connection:state', live)
    await settle()
    expect(api.callsOf('auctions:watch').length).toBe(2) // acquire, live
    api.push('connection:state', { ...live, state: 'reconnecting' })
    api.push('connection:state', live)
    await settle()
    expect(api.callsOf('auctions:watch').length).toBe(3) // and live again
    // The main side keeps the sign-in: the feed sends nothing about the operator.
    expect(api.calls.map((call) => call.name).filter((name) => name.startsWith('auth:'))).toEqual(
      [],
    )
    expect(store.getState().viewers['lot-1']).toBe(2)
    release?.()
  })
})
