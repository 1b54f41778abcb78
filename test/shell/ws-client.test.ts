// The renderer's WebSocket adapter against the real web server: calls wait for the first
// open, fail at once with REDIS_UNAVAILABLE while the socket is down, and after a
// reconnect the operator profile is sent again before anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createWebSocketApi, type SocketLike } from '../../src/renderer/src/api/ws-client'
import { redisUrl } from '../support/engine'
import {
  createLive,
  requestId,
  seller,
  signIn,
  staff,
  startConsole,
  type TestConsole,
} from './support'

let server: TestConsole
beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
})
afterAll(() => server.stop())

/** A socket factory that keeps the sockets, so the test can cut them like a network would. */
function cuttable() {
  const sockets: WebSocket[] = []
  const createSocket = (url: string): SocketLike => {
    const socket = new WebSocket(url)
    sockets.push(socket)
    return socket as unknown as SocketLike
  }
  return { sockets, createSocket }
}

describe('websocket adapter', () => {
  it('holds calls until the first open, then answers them', async () => {
    const { createSocket } = cuttable()
    const api = createWebSocketApi({
      url: `ws://127.0.0.1:${server.port}/ws`,
      token: server.token,
      createSocket,
    })
    const now = await api.call('clock:now', {})
    expect(now.ok).toBe(true)
    api.close()
    const after = await api.call('clock:now', {})
    expect(!after.ok && after.error.code).toBe('REDIS_UNAVAILABLE')
  })

  it('fails calls while down, reconnects and resumes its sign-in first', async () => {
    const { sockets, createSocket } = cuttable()
    const states: string[] = []
    const api = createWebSocketApi({
      url: `ws://127.0.0.1:${server.port}/ws`,
      token: server.token,
      createSocket,
      reconnectMinMs: 200,
      reconnectMaxMs: 200,
      offlineAfterMs: 60_000,
    })
    api.on('connection:state', (status) => states.push(status.state))
    const profile = staff()
    await signIn(api, profile)

    const owner = createWebSocketApi({
      url: `ws://127.0.0.1:${server.port}/ws`,
      token: server.token,
      createSocket: cuttable().createSocket,
    })
    await signIn(owner, seller())
    const auction = await createLive({ api: owner } as never)

    sockets[0]?.terminate()
    await expect.poll(() => states.at(-1)).toBe('reconnecting')
    const during = await api.call('auctions:get', { auctionId: auction.id })
    expect(!during.ok && during.error.code).toBe('REDIS_UNAVAILABLE')

    await expect.poll(() => sockets.length).toBeGreaterThan(1)
    await expect.poll(() => states.at(-1)).toBe('live')
    // A new server session, yet the sign-in carries on (auth:resume): a bid needs one.
    expect(await api.call('profile:get', {})).toEqual({ ok: true, profile })
    const bid = await api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'p1',
      amount: '10.00',
      requestId: requestId(),
    })
    expect(bid.ok).toBe(true)
    api.close()
    owner.close()
  })

  it('keeps its own requests in flight within the server’s cap: 100 at once all answer', async () => {
    const { createSocket } = cuttable()
    const api = createWebSocketApi({
      url: `ws://127.0.0.1:${server.port}/ws`,
      token: server.token,
      createSocket,
    })
    // A list of 100 rows watches them all at once; none may come back TOO_MANY_REQUESTS.
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => api.call('connection:status', {})),
    )
    expect(answers.filter((answer) => !answer.ok)).toEqual([])
    api.close()
  })

  it('a wrong token never opens; calls held for the first open fail', async () => {
    const api = createWebSocketApi({
      url: `ws://127.0.0.1:${server.port}/ws`,
      token: 'wrong',
      createSocket: cuttable().createSocket,
      reconnectMinMs: 50,
    })
    const answer = await api.call('clock:now', {})
    expect(!answer.ok && answer.error.code).toBe('REDIS_UNAVAILABLE')
    api.close()
  })
})
