// The window's watches of auctions and of sales: a watch past the session's cap
// (TOO_MANY_WATCHES) is asked again while a screen still wants it, never taken as a refusal;
// a real refusal is reported once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSaleFeed } from '../../src/renderer/src/live/saleFeed'
import { createWatches } from '../../src/renderer/src/live/watches'
import { createConsoleStore } from '../../src/renderer/src/store'
import { fail } from '../../src/shared/errors'
import { auctionAt, createFakeApi, saleAt } from './support/fakeApi'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('watches', () => {
  it('asks again after TOO_MANY_WATCHES until the watch is granted', async () => {
    const api = createFakeApi()
    let answers = 0
    api.handle('auctions:watch', () =>
      ++answers < 3
        ? fail('TOO_MANY_WATCHES', 'at most 200 watches', { limit: 200 })
        : { ok: true, auction: auctionAt(4, { id: 'A1' }), viewers: 1 },
    )
    const snapshots: string[] = []
    const refused: string[] = []
    const watches = createWatches(
      api,
      (auction) => snapshots.push(auction.id),
      (id) => refused.push(id),
    )
    watches.acquire('A1')
    await vi.advanceTimersByTimeAsync(2_500)
    expect(api.callsOf('auctions:watch')).toHaveLength(3)
    expect(snapshots).toEqual(['A1'])
    expect(refused).toEqual([])
  })

  it('stops asking once no screen wants it; a real refusal is reported', async () => {
    const api = createFakeApi()
    api.handle('auctions:watch', (input) =>
      input.auctionId === 'gone'
        ? fail('AUCTION_NOT_FOUND', 'no auction gone')
        : fail('TOO_MANY_WATCHES', 'at most 200 watches', { limit: 200 }),
    )
    api.handle('auctions:unwatch', () => ({ ok: true }))
    const refused: string[] = []
    const watches = createWatches(
      api,
      () => undefined,
      (id) => refused.push(id),
    )
    const leave = watches.acquire('A2')
    await vi.advanceTimersByTimeAsync(0)
    leave()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(api.callsOf('auctions:watch')).toHaveLength(1)
    watches.acquire('gone')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(refused).toEqual(['gone'])
    expect(
      api
        .callsOf('auctions:watch')
        .filter((i) => (i as { auctionId: string }).auctionId === 'gone'),
    ).toHaveLength(1)
  })

  it("a sale's watch past the cap is asked again and its snapshot applied", async () => {
    const api = createFakeApi()
    let answers = 0
    api.handle('sales:watch', () =>
      ++answers < 2
        ? fail('TOO_MANY_WATCHES', 'at most 200 watches', { limit: 200 })
        : { ok: true, sale: saleAt(3, { id: 'S1' }), lots: [], viewers: 1 },
    )
    const store = createConsoleStore()
    const applied: string[] = []
    const feed = createSaleFeed(api, store, (items) => applied.push(...items.map((i) => i.kind)))
    feed.watch('S1')
    await vi.advanceTimersByTimeAsync(1_500)
    expect(api.callsOf('sales:watch')).toHaveLength(2)
    expect(applied).toEqual(['saleSnapshot'])
    expect(store.getState().salesRefused).toEqual({})
  })
})
