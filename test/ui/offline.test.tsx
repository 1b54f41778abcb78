// @vitest-environment jsdom
// Offline is impossible to miss: a plain-words banner with the time the connection was
// lost (the technical detail behind a disclosure), the board marked stale with the time
// since its last update and its countdown stopped, and no bid that can be sent, only the
// retry of an unanswered one once connected. Also when the web mode's own server is gone.
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionStatus } from '../../src/shared/contract'
import { createWebSocketApi, type SocketLike } from '../../src/renderer/src/api/ws-client'
import { App } from '../../src/renderer/src/App'
import { ConnectionBanner } from '../../src/renderer/src/components/ConnectionBanner'
import { formatTime } from '../../src/renderer/src/lib/format'
import { startFeed } from '../../src/renderer/src/live/feed'
import { auctionAt, settle } from './support/fakeApi'
import { openRoom, stopConsoles, testConsole } from './support/console'

afterEach(() => {
  stopConsoles()
  vi.useRealTimers()
})

const LOST = new Date('2030-01-01T14:02:11').getTime()
const offline: ConnectionStatus = {
  state: 'offline',
  endpoint: 'redis://127.0.0.1:6391',
  embedded: false,
  problem: { code: 'CONNECTION_FAILED', message: 'connect ECONNREFUSED 127.0.0.1:6391' },
}

describe('offline', () => {
  it('says so in plain words, marks the board stale and sends no bid', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(LOST - 60_000)
    const console = testConsole()
    const lot = auctionAt(3, { endsAt: LOST + 10 * 60_000, askingPrice: 1000 })
    await openRoom(console, lot)
    console.show(<ConnectionBanner />)
    expect(screen.queryByTestId('offline-banner')).toBeNull()
    expect(screen.getByRole('button', { name: 'Place bid' })).toHaveProperty('disabled', false)

    vi.setSystemTime(LOST)
    act(() => console.api.push('connection:state', offline))
    vi.setSystemTime(LOST + 65_000)
    // One tick of the shared clock (four a second) reads the new time.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await settle()
    })

    const banner = screen.getByTestId('offline-banner')
    expect(screen.getByTestId('offline-headline').textContent).toBe(
      `No connection to the auction server since ${formatTime(LOST)} — bids are not being placed.`,
    )
    // The raw error is there for whoever needs it, behind a disclosure.
    const details = banner.querySelector('details') as HTMLDetailsElement
    expect(details.open).toBe(false)
    expect(within(details).getByTestId('offline-detail').textContent).toBe(
      'connect ECONNREFUSED 127.0.0.1:6391 (Redis redis://127.0.0.1:6391)',
    )

    expect(screen.getByTestId('board').className).toContain('board--stale')
    expect(screen.getByTestId('stale-note').textContent).toContain(
      `Not live: last update ${formatTime(LOST)}, 1 min 5 s ago.`,
    )
    expect(screen.getByTestId('status').textContent).toBe('Last known: Live')
    // The countdown stopped where the last update left it: 10 minutes before the close.
    expect(screen.getByTestId('countdown').textContent).toBe('00:10:00')
    expect(screen.getByTestId('countdown').className).toContain('countdown--stale')

    const place = screen.getByRole('button', { name: 'Place bid (offline)' })
    expect(place).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: /^Bid asking/ })).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByLabelText('Paddle'), { target: { value: '42' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('bid-form'))
      fireEvent.keyDown(window, { key: 'F2' })
      await settle()
    })
    expect(console.api.callsOf('bids:place')).toHaveLength(0)
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Offline: no bid can be placed until the connection is back.',
    )

    act(() =>
      console.api.push('connection:state', { ...offline, state: 'live', problem: undefined }),
    )
    await act(async () => settle())
    expect(screen.queryByTestId('offline-banner')).toBeNull()
    expect(screen.getByTestId('board').className).not.toContain('board--stale')
    expect(screen.getByRole('button', { name: 'Place bid' })).toHaveProperty('disabled', false)
  })

  it('an unanswered bid waits for "retry when connected", with the same request id', async () => {
    const console = testConsole()
    const answers = [
      { ok: false as const, error: { code: 'REDIS_UNAVAILABLE' as const, message: 'down' } },
    ]
    console.api.handle(
      'bids:place',
      (input) =>
        answers.shift() ?? {
          ok: true,
          bidId: 1,
          auctionId: input.auctionId,
          result: 'leading',
          price: 1000,
          leaderId: input.bidderId,
          bidCount: 1,
          endsAt: null,
          extended: false,
          duplicate: false,
          reserveMet: true,
          maxAmount: 1000,
          askingPrice: 1100,
        },
    )
    await openRoom(console, auctionAt(3, { askingPrice: 1000 }))
    fireEvent.change(screen.getByLabelText('Paddle'), { target: { value: '42' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('bid-form'))
      await settle()
    })
    act(() => console.api.push('connection:state', offline))
    await act(async () => settle())
    expect(screen.getByRole('button', { name: 'Retry when connected' })).toHaveProperty(
      'disabled',
      true,
    )
    act(() =>
      console.api.push('connection:state', { ...offline, state: 'live', problem: undefined }),
    )
    await act(async () => settle())
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry bid' }))
      await settle()
    })
    const sent = console.api.callsOf('bids:place') as { requestId: string }[]
    expect(sent).toHaveLength(2)
    expect(sent[1]?.requestId).toBe(sent[0]?.requestId)
  })

  it('shows the banner when the web console’s own server is gone', async () => {
    const sockets: SocketLike[] = []
    const api = createWebSocketApi({
      url: 'ws://127.0.0.1:5719/ws?token=secret',
      reconnectMinMs: 60_000,
      createSocket: () => {
        const socket: SocketLike = {
          readyState: 1,
          send: () => undefined,
          close: () => undefined,
          onopen: null,
          onmessage: null,
          onclose: null,
          onerror: null,
        }
        sockets.push(socket)
        return socket
      },
    })
    const live = { state: 'live', endpoint: 'redis://127.0.0.1:6390', embedded: true }
    const socket = sockets[0] as SocketLike
    socket.onopen?.({})
    socket.onmessage?.({ data: JSON.stringify({ push: 'connection:state', payload: live }) })
    const console = testConsole()
    const feed = startFeed(api, console.store)
    console.show(<ConnectionBanner />)
    await act(async () => settle())
    expect(screen.queryByTestId('offline-banner')).toBeNull()

    act(() => socket.onclose?.({}))
    expect(screen.getByTestId('offline-headline').textContent).toMatch(
      /^No connection to the auction server since .+ — bids are not being placed\.$/,
    )
    expect(screen.getByTestId('offline-detail').textContent).toContain(
      'The connection to the console server at 127.0.0.1:5719 was lost',
    )
    expect(screen.getByTestId('offline-detail').textContent).not.toContain('secret')
    feed.stop()
    api.close()
  })

  it('the whole console dims what it shows while not live', async () => {
    const console = testConsole({ initial: { route: { screen: 'auctions' } } })
    console.api.handle('auctions:list', () => ({ ok: true, auctions: [] }))
    const { container } = console.show(<App />)
    await act(async () => settle())
    expect(container.querySelector('.app')?.className).not.toContain('app--stale')
    act(() => console.api.push('connection:state', offline))
    expect(container.querySelector('.app')?.className).toContain('app--stale')
  })
})
