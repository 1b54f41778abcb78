// @vitest-environment jsdom
// Sales in the store and the feed: a lot follows its own events by prevSeq (seq is the
// sale's counter); a watched sale applies its events in seq order and resyncs on a jump;
// the list hears sale-level events of every sale, where a jump is normal.
import { afterEach, describe, expect, it } from 'vitest'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { createConsoleStore, type ConsoleStore } from '../../src/renderer/src/store'
import { newestFirst } from '../../src/renderer/src/store/bidList'
import type { Lot, Sale } from '../../src/shared/domain'
import {
  auctionAt,
  bidEvent,
  createFakeApi,
  lotOf,
  manualFrames,
  saleAt,
  saleEvent,
  settle,
  type FakeApi,
} from './support/fakeApi'

let feed: Feed | undefined
afterEach(() => feed?.stop())

function setup(): { api: FakeApi; store: ConsoleStore; frames: ReturnType<typeof manualFrames> } {
  const api = createFakeApi()
  api.handle('connection:status', () => ({
    ok: true,
    state: 'connecting',
    endpoint: '',
    embedded: false,
  }))
  api.handle('sales:unwatch', () => ({ ok: true }))
  const store = createConsoleStore()
  const frames = manualFrames()
  feed = startFeed(api, store, { schedule: frames.schedule })
  return { api, store, frames }
}

/** Answers sales:watch with these snapshots, one per call (the last one repeats). */
function answerWatch(api: FakeApi, ...answers: { sale: Sale; lots: Lot[] }[]): void {
  let call = 0
  api.handle('sales:watch', () => {
    const answer = answers[Math.min(call++, answers.length - 1)] as { sale: Sale; lots: Lot[] }
    return { ok: true, ...answer }
  })
}

describe('a lot in a sale', () => {
  it('applies an event whose prevSeq is the seq it holds, however far the sale moved', () => {
    const { api, store, frames } = setup()
    store.getState().upsertAuctions([lotOf(1, 5)])
    api.push('auction:events', [bidEvent(9, 1000, 1, 'S1.1', 5)])
    frames.runFrame()
    expect(store.getState().auctions['S1.1']?.seq).toBe(9)
    expect(store.getState().auctions['S1.1']?.currentPrice).toBe(1000)
    expect(api.callsOf('auctions:get')).toHaveLength(0)
  })

  it('drops what it has seen and re-reads the lot when its previous event is missing', async () => {
    const { api, store, frames } = setup()
    store.getState().upsertAuctions([lotOf(1, 9)])
    api.handle('auctions:get', () => ({ ok: true, auction: lotOf(1, 14, { currentPrice: 1300 }) }))
    api.push('auction:events', [bidEvent(9, 999, 1, 'S1.1', 5), bidEvent(14, 1300, 3, 'S1.1', 12)])
    frames.runFrame()
    await settle()
    expect(api.callsOf('auctions:get')).toEqual([{ auctionId: 'S1.1' }])
    expect(store.getState().auctions['S1.1']?.seq).toBe(14)
    expect(store.getState().auctions['S1.1']?.currentPrice).toBe(1300)
  })

  it('keeps the lot status that events carry', () => {
    const { api, store, frames } = setup()
    store.getState().upsertAuctions([auctionAt(5)])
    api.push('auction:events', [
      {
        ...bidEvent(6, 1000),
        type: 'auction_ended',
        status: 'ended',
        lotStatus: 'sold',
        result: { winnerId: 'p6', finalPrice: 1000, reserveMet: true },
      },
    ])
    frames.runFrame()
    expect(store.getState().auctions['lot-1']?.lotStatus).toBe('sold')
  })
})

describe('a watched sale', () => {
  it('takes the snapshot, then applies lot and sale events in seq order', async () => {
    const { api, store, frames } = setup()
    answerWatch(api, { sale: saleAt(10, { lotCount: 2 }), lots: [lotOf(2, 10), lotOf(1, 8)] })
    const release = feed?.sales.watch('S1')
    await settle()
    expect(api.callsOf('sales:watch')).toEqual([{ saleId: 'S1' }])
    expect(store.getState().saleLots.S1).toEqual(['S1.1', 'S1.2']) // catalogue order
    expect(store.getState().sales.S1?.lotCounts.active).toBe(2)

    api.push('sale:events', [bidEvent(11, 1000, 1, 'S1.1', 8), bidEvent(12, 1500, 1, 'S1.2', 10)])
    frames.runFrame()
    expect(store.getState().sales.S1?.seq).toBe(12)
    expect(store.getState().auctions['S1.1']?.currentPrice).toBe(1000)
    expect(store.getState().auctions['S1.2']?.currentPrice).toBe(1500)

    api.push('sale:events', [
      {
        ...bidEvent(13, 1000, 1, 'S1.1', 11),
        type: 'auction_ended',
        status: 'ended',
        lotStatus: 'sold',
        result: { winnerId: 'p11', finalPrice: 1000, reserveMet: true },
      },
      saleEvent(14, 'sale_closed', { status: 'closed' }),
    ])
    frames.runFrame()
    const sale = store.getState().sales.S1
    expect(sale?.status).toBe('closed')
    expect(sale?.closedAt).toBe(5_014)
    expect(sale?.lotCounts.sold).toBe(1)
    expect(sale?.lotCounts.active).toBe(1)
    expect(api.callsOf('sales:watch')).toHaveLength(1)
    release?.()
  })

  it('on a jump in seq re-reads the sale once; the events after it wait for the snapshot', async () => {
    const { api, store, frames } = setup()
    let answer: (value: { ok: true; sale: Sale; lots: Lot[] }) => void = () => undefined
    answerWatch(api, { sale: saleAt(10), lots: [lotOf(1, 10)] })
    feed?.sales.watch('S1')
    await settle()
    api.handle('sales:watch', () => new Promise((resolve) => (answer = resolve)))
    api.push('sale:events', [bidEvent(13, 1000, 1, 'S1.1', 12)])
    frames.runFrame()
    expect(api.callsOf('sales:watch')).toHaveLength(2)
    api.push('sale:events', [bidEvent(14, 1100, 2, 'S1.1', 13), bidEvent(15, 1200, 3, 'S1.1', 14)])
    frames.runFrame()
    expect(api.callsOf('sales:watch')).toHaveLength(2)
    answer({ ok: true, sale: saleAt(14), lots: [lotOf(1, 14, { currentPrice: 1100 })] })
    await settle()
    expect(store.getState().sales.S1?.seq).toBe(15)
    expect(store.getState().auctions['S1.1']?.currentPrice).toBe(1200)
  })

  it('applies lot events that a command answer already counted in the sale', async () => {
    const { api, store, frames } = setup()
    const waiting = { lotStatus: 'waiting', status: 'draft' } as const
    answerWatch(api, { sale: saleAt(10, { status: 'draft' }), lots: [lotOf(1, 10, waiting)] })
    feed?.sales.watch('S1')
    await settle()
    // sales:start answered (sale at seq 12) before its events arrived.
    store.getState().upsertSales([saleAt(12)])
    api.push('sale:events', [
      saleEvent(11, 'sale_started', { lotCount: 1 }),
      { ...bidEvent(12, 1000, 0, 'S1.1', 10), type: 'auction_started' },
    ])
    frames.runFrame()
    expect(store.getState().auctions['S1.1']?.lotStatus).toBe('active')
    expect(store.getState().auctions['S1.1']?.seq).toBe(12)
    expect(store.getState().sales.S1?.lotCounts.active).toBe(1)
    expect(api.callsOf('sales:watch')).toHaveLength(1)
  })

  it('holds events that arrive before the first snapshot', async () => {
    const { api, store, frames } = setup()
    let answer: (value: { ok: true; sale: Sale; lots: Lot[] }) => void = () => undefined
    api.handle('sales:watch', () => new Promise((resolve) => (answer = resolve)))
    feed?.sales.watch('S1')
    api.push('sale:events', [bidEvent(11, 1000, 1, 'S1.1', 10)])
    frames.runFrame()
    answer({ ok: true, sale: saleAt(10), lots: [lotOf(1, 10)] })
    await settle()
    expect(store.getState().sales.S1?.seq).toBe(11)
    expect(store.getState().auctions['S1.1']?.bidCount).toBe(1)
    expect(api.callsOf('sales:watch')).toHaveLength(1)
  })

  it('re-reads its lots when lots are added or edited, and drops a removed one', async () => {
    const { api, store, frames } = setup()
    answerWatch(api, {
      sale: saleAt(3, { status: 'draft' }),
      lots: [lotOf(1, 2, { lotStatus: 'waiting' }), lotOf(2, 3, { lotStatus: 'waiting' })],
    })
    api.handle('sales:lots', () => ({
      ok: true,
      lots: [1, 2, 10].map((n) => lotOf(n, 4, { lotStatus: 'waiting' })),
    }))
    feed?.sales.watch('S1')
    await settle()
    api.push('sale:events', [
      saleEvent(4, 'lot_added', { status: 'draft', lotId: 'S1.10', number: '10', lotCount: 3 }),
    ])
    frames.runFrame()
    await settle()
    expect(api.callsOf('sales:lots')).toEqual([{ saleId: 'S1' }])
    expect(store.getState().saleLots.S1).toEqual(['S1.1', 'S1.2', 'S1.10'])
    expect(store.getState().sales.S1?.lotCount).toBe(3)

    api.push('sale:events', [
      saleEvent(5, 'lot_removed', { status: 'draft', lotId: 'S1.2', number: '2', lotCount: 2 }),
    ])
    frames.runFrame()
    expect(store.getState().saleLots.S1).toEqual(['S1.1', 'S1.10'])
    expect(store.getState().sales.S1?.lotCounts.waiting).toBe(2)
  })

  it('applies a lot event heard both as a lot watch and as a sale watch once', async () => {
    const { api, store, frames } = setup()
    answerWatch(api, { sale: saleAt(10), lots: [lotOf(1, 10)] })
    feed?.sales.watch('S1')
    await settle()
    store.getState().openHistory('S1.1')
    store.getState().historyPage('S1.1', [])
    const event = bidEvent(11, 1000, 1, 'S1.1', 10)
    api.push('auction:events', [event])
    api.push('sale:events', [event])
    frames.runFrame()
    const history = store.getState().histories['S1.1']
    expect(history && newestFirst(history).map((bid) => bid.id)).toEqual([1])
    expect(store.getState().sales.S1?.seq).toBe(11)
  })
})

describe('the sales list', () => {
  it('applies newer sale-level events of sales it does not watch, jumps and all', () => {
    const { api, store, frames } = setup()
    store
      .getState()
      .upsertSales([saleAt(3, { status: 'scheduled', firstCloseAt: null, durationMs: 3_600_000 })])
    api.push('sale:events', [saleEvent(20, 'sale_started', { lotCount: 5 })])
    frames.runFrame()
    const sale = store.getState().sales.S1
    expect(sale?.status).toBe('open')
    expect(sale?.seq).toBe(20)
    expect(sale?.lotCount).toBe(5)
    expect(sale?.startsAt).toBe(5_020)
    expect(sale?.firstCloseAt).toBe(5_020 + 3_600_000)
    expect(api.callsOf('sales:watch')).toHaveLength(0)
  })

  it('reads a sale it hears of for the first time', async () => {
    const { api, store, frames } = setup()
    api.handle('sales:get', () => ({ ok: true, sale: saleAt(1, { title: 'New sale' }) }))
    api.push('sale:events', [
      saleEvent(1, 'sale_created', { title: 'New sale', mode: 'timed', sellerId: 's' }),
    ])
    frames.runFrame()
    await settle()
    expect(store.getState().sales.S1?.title).toBe('New sale')
  })
})
