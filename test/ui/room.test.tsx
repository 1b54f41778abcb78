// @vitest-environment jsdom
// The auction room: an id the main side does not know shows "not found" with a way back
// (never an endless "Loading…"), and the bid history shows only the rows in view, newest
// first, with live bids arriving on top.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BidEntry } from '../../src/shared/domain'
import { fail } from '../../src/shared/errors'
import { ConsoleProvider } from '../../src/renderer/src/context'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { AuctionRoom } from '../../src/renderer/src/screens/AuctionRoom'
import { createConsoleStore } from '../../src/renderer/src/store'
import { auctionAt, bidEvent, createFakeApi, manualFrames, settle } from './support/fakeApi'

let feed: Feed | undefined
afterEach(() => {
  cleanup()
  feed?.stop()
})

function setup() {
  const api = createFakeApi()
  api.handle('connection:status', () => ({
    ok: true,
    state: 'live',
    endpoint: '',
    embedded: false,
  }))
  api.handle('clock:now', () => ({ ok: true, now: Date.now() }))
  api.handle('auctions:unwatch', () => ({ ok: true }))
  const store = createConsoleStore({
    profile: { displayName: 'Clerk', operatorId: 'clerk-1', role: 'staff' },
  })
  const frames = manualFrames()
  feed = startFeed(api, store, { schedule: frames.schedule })
  const services = { api, store, feed }
  const open = (auctionId: string) => {
    store.getState().go({ screen: 'room', auctionId })
    return render(
      <ConsoleProvider services={services}>
        <AuctionRoom auctionId={auctionId} />
      </ConsoleProvider>,
    )
  }
  return { api, store, frames, open }
}

/** `count` bids, newest first as bids:history answers, ids 1..count. */
function bids(count: number): BidEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: count - i,
    bidderId: `p${count - i}`,
    amount: 1000 + (count - i) * 100,
    kind: 'manual' as const,
    outcome: 'leading' as const,
    source: 'floor' as const,
    at: 2_000 + count - i,
    seq: count - i,
  }))
}

describe('an auction that does not exist', () => {
  it('says so and offers the way back instead of loading forever', async () => {
    const { api, store, open } = setup()
    let answer: (() => void) | undefined
    api.handle(
      'auctions:watch',
      () =>
        new Promise((resolve) => {
          answer = () => resolve(fail('AUCTION_NOT_FOUND', 'No auction ghost-1.'))
        }),
    )
    api.handle('bids:history', () => fail('AUCTION_NOT_FOUND', 'No auction ghost-1.'))
    open('ghost-1')
    expect(screen.getByText('Loading auction…')).toBeTruthy()

    await act(async () => {
      answer?.()
      await settle()
    })
    expect(screen.queryByText('Loading auction…')).toBeNull()
    expect(screen.getByRole('heading', { name: 'Auction not found' })).toBeTruthy()
    expect(screen.getByText('ghost-1')).toBeTruthy()
    const back = screen.getByRole('button', { name: '← Back to auctions' })
    expect(document.activeElement).toBe(back)

    fireEvent.click(back)
    expect(store.getState().route).toEqual({ screen: 'list' })
  })

  it('keeps loading while Redis is down (the watch is sent again when live)', async () => {
    const { api, open } = setup()
    api.handle('auctions:watch', () => fail('REDIS_UNAVAILABLE', 'Redis is not reachable.'))
    api.handle('bids:history', () => fail('REDIS_UNAVAILABLE', 'Redis is not reachable.'))
    open('lot-1')
    await act(async () => settle())
    expect(screen.getByText('Loading auction…')).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Auction not found' })).toBeNull()
  })
})

describe('bid history', () => {
  it('reads the newest page once, renders only the rows in view, newest first, and puts live bids on top', async () => {
    const { api, open, frames } = setup()
    const auction = auctionAt(500, { bidCount: 500, currentPrice: 51_000, askingPrice: 51_100 })
    api.handle('auctions:watch', () => ({ ok: true, auction, viewers: 1 }))
    let sendPage: (() => void) | undefined
    api.handle(
      'bids:history',
      () =>
        new Promise((resolve) => {
          sendPage = () => resolve({ ok: true, bids: bids(500), total: 500 })
        }),
    )
    open('lot-1')
    // The snapshot lands while the first page is on its way: that page is enough.
    await act(async () => {
      await settle()
      frames.runFrame()
      await settle()
    })
    expect(api.callsOf('bids:history')).toHaveLength(1)
    await act(async () => {
      sendPage?.()
      await settle()
    })
    const table = screen.getByRole('table', { name: 'Bid history, newest first' })
    const rows = () => within(table).getAllByTestId('bid-row')
    const firstCell = (row: HTMLElement) => within(row).getAllByRole('cell')[0]?.textContent
    expect(firstCell(rows()[0] as HTMLElement)).toBe('500')
    // A window of rows, not 500 of them.
    expect(rows().length).toBeGreaterThan(10)
    expect(rows().length).toBeLessThan(100)
    expect(screen.getByText('500 bids')).toBeTruthy()

    await act(async () => {
      api.push('auction:events', [bidEvent(501, 51_100, 501)])
      frames.runFrame()
      await settle()
    })
    expect(firstCell(rows()[0] as HTMLElement)).toBe('501')
    expect(rows()[0]?.className).toContain('history__row--fresh')
    expect(firstCell(rows()[1] as HTMLElement)).toBe('500')
    expect(screen.getByText('501 bids')).toBeTruthy()
  })
})
