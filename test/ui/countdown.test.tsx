// @vitest-environment jsdom
// The countdown counts on the Redis server's clock (local clock + measured offset), warns
// under 5 minutes, is urgent under 1 minute, says ENDED at zero and follows an extension.
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Countdown } from '../../src/renderer/src/components/Countdown'
import { ConsoleProvider, useConsole } from '../../src/renderer/src/context'
import { measureClockOffset } from '../../src/renderer/src/live/clock'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { createConsoleStore } from '../../src/renderer/src/store'
import { auctionAt, createFakeApi, manualFrames } from './support/fakeApi'

const LOCAL = new Date('2030-01-01T12:00:00Z').getTime()
const HOUR = 3_600_000
let feed: Feed | undefined

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(LOCAL)
})
afterEach(() => {
  cleanup()
  feed?.stop()
  vi.useRealTimers()
})

describe('clock offset', () => {
  it('is the server time minus the middle of the round trip', async () => {
    const api = createFakeApi()
    api.handle('clock:now', () => ({ ok: true, now: LOCAL + HOUR + 50 }))
    const local = vi
      .fn()
      .mockReturnValueOnce(LOCAL)
      .mockReturnValueOnce(LOCAL + 100)
    expect(await measureClockOffset(api, local)).toBe(HOUR)
  })
})

describe('countdown', () => {
  it('shows the true time left when the local clock is an hour slow, and follows an extension', () => {
    const api = createFakeApi()
    api.handle('connection:status', () => ({
      ok: true,
      state: 'connecting',
      endpoint: '',
      embedded: false,
    }))
    const store = createConsoleStore()
    const frames = manualFrames()
    feed = startFeed(api, store, { schedule: frames.schedule })
    store.getState().setClockOffset(HOUR) // the server is an hour ahead of this machine
    const serverNow = LOCAL + HOUR
    store.getState().upsertAuctions([auctionAt(5, { endsAt: serverNow + 4 * 60_000 + 30_000 })])
    const Live = () => {
      const auction = useConsole((state) => state.auctions['lot-1'])
      return auction ? <Countdown auction={auction} size="large" /> : null
    }
    render(
      <ConsoleProvider services={{ api, store, feed }}>
        <Live />
      </ConsoleProvider>,
    )
    const timer = () => screen.getByRole('timer')
    expect(timer().textContent).toBe('00:04:30')
    expect(timer().className).toContain('countdown--warning')

    act(() => void vi.advanceTimersByTime(3 * 60_000 + 45_000))
    expect(timer().textContent).toBe('00:00:45')
    expect(timer().className).toContain('countdown--urgent')

    // A soft-close extension arrives: the countdown follows it at once.
    act(() => {
      api.push('auction:events', [
        {
          type: 'auction_extended',
          auctionId: 'lot-1',
          lotId: 'lot-1',
          saleId: 'lot-1',
          seq: 6,
          prevSeq: 5,
          lotStatus: 'active',
          at: serverNow,
          status: 'active',
          price: 1000,
          leaderId: 'p1',
          bidCount: 1,
          reserveMet: true,
          askingPrice: 1100,
          startsAt: 1_000,
          endsAt: serverNow + 8 * 60_000 + 45_000,
          previousEndsAt: serverNow + 4 * 60_000 + 30_000,
        },
      ])
      frames.runFrame()
    })
    expect(timer().textContent).toBe('00:05:00')
    expect(timer().className).toContain('countdown--calm')

    act(() => void vi.advanceTimersByTime(5 * 60_000))
    expect(timer().textContent).toBe('ENDED')
    expect(timer().className).toContain('countdown--ended')
  })
})
