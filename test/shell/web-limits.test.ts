// Limits per connection (security review, issue 9, defect 6): one socket cannot make the
// server hold unbounded work or memory for it, nor one tab watch unboundedly many auctions.
// At most 32 requests in flight per socket (more: TOO_MANY_REQUESTS at once), at most 8 MiB
// waiting for a socket that does not read (then it is closed), at most 200 watches (auctions
// and sales) per session (TOO_MANY_WATCHES; an unwatch frees a slot; twice what the
// console's own list watches).
import { ensureOperator, TEST_PASSWORD } from '../support/operators'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { Auction } from '../../src/shared/domain'
import { redisUrl } from '../support/engine'
import {
  connectClient,
  createLive,
  openRaw,
  type RawSocket,
  signIn,
  staff,
  startConsole,
  type TestClient,
  type TestConsole,
} from './support'

let server: TestConsole
let owner: TestClient
const auctions: Auction[] = []

beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
  owner = await connectClient(server)
  await signIn(owner.api, staff())
  for (let i = 0; i < 201; i++) auctions.push(await createLive(owner, { title: `Limit lot ${i}` }))
}, 120_000)
afterAll(async () => {
  owner.close()
  await server.stop()
})

type Answer = { id?: number; result?: { ok: boolean; error?: { code: string; limit?: number } } }

/** A raw socket past its hello, signed in as staff (its answer to the sign-in read). */
async function staffSocket(): Promise<RawSocket> {
  const profile = staff()
  await ensureOperator(redisUrl(), profile)
  const raw = await openRaw(server.port, { hello: server.token })
  await raw.next((frame) => (frame as { push?: string }).push === 'connection:state')
  const input = { operatorId: profile.operatorId, password: TEST_PASSWORD }
  raw.socket.send(JSON.stringify({ id: 0, name: 'auth:signIn', input }))
  await raw.next((frame) => (frame as Answer).id === 0)
  return raw
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

async function roundTrips(client: TestClient, count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const now = await client.api.call('clock:now', {})
    expect(now.ok).toBe(true)
    times.push(performance.now() - start)
  }
  return times
}

describe('requests in flight per socket', () => {
  it('answers TOO_MANY_REQUESTS at once past 32 in flight, answers every request once, and goes on serving', async () => {
    const raw = await staffSocket()
    const since = raw.received.length
    const COUNT = 300
    for (let id = 1; id <= COUNT; id++) {
      raw.socket.send(JSON.stringify({ id, name: 'auctions:list', input: { limit: 20 } }))
    }
    await expect
      .poll(() => raw.received.length - since, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(COUNT)
    const answers = raw.received.slice(since) as Answer[]
    const ids = answers.map((answer) => answer.id).filter((id) => id !== undefined)
    expect(new Set(ids).size).toBe(COUNT)
    const refused = answers.filter((answer) => answer.result?.error?.code === 'TOO_MANY_REQUESTS')
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0]?.result?.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 32 })
    expect(answers.filter((answer) => answer.result?.ok).length).toBeGreaterThanOrEqual(32)
    // Once the flood has drained, the same socket is served again.
    raw.socket.send(JSON.stringify({ id: COUNT + 1, name: 'clock:now', input: {} }))
    const after = (await raw.next((frame) => (frame as Answer).id === COUNT + 1)) as Answer
    expect(after.result?.ok).toBe(true)
    raw.socket.close()
  })
})

describe('a socket that does not read', () => {
  it('is closed once 8 MiB wait for it, and another session is not held up meanwhile', async () => {
    const other = await connectClient(server)
    const baseline = median(await roundTrips(other, 20))
    const raw = await staffSocket()
    // Stop reading: what the server sends it piles up (the kernel's buffers, then the server's).
    const tcp = (raw.socket as WebSocket & { _socket: { pause(): void; resume(): void } })._socket
    tcp.pause()
    let id = 1
    const flood = setInterval(() => {
      for (let i = 0; i < 32; i++) {
        raw.socket.send(JSON.stringify({ id: id++, name: 'auctions:list', input: { limit: 500 } }))
      }
    }, 5)
    try {
      // Meanwhile, another session is answered within a generous multiple of its baseline.
      const during = median(await roundTrips(other, 20))
      expect(during).toBeLessThan(baseline * 20 + 250)
      // Enough asked for (each answer is tens of KiB) to be far past 8 MiB plus the kernel's.
      await expect.poll(() => id, { timeout: 30_000 }).toBeGreaterThan(6000)
    } finally {
      clearInterval(flood)
    }
    tcp.resume()
    const closed = await raw.closed
    expect(closed).toEqual({ code: 1013, reason: 'too slow: more than 8 MiB unread' })
    // It was not answered to the end: the server stopped sending once it closed it.
    const answered = raw.received.filter((frame) => (frame as Answer).id !== undefined).length
    expect(answered).toBeLessThan(id - 1)
    other.close()
  }, 60_000)
})

describe('watches per session', () => {
  it('answers TOO_MANY_WATCHES past 200 auctions and sales; an unwatch frees a slot', async () => {
    const tab = await connectClient(server)
    await signIn(tab.api, staff())
    const sale = await tab.api.call('sales:create', {
      title: 'Limit sale',
      mode: 'live',
      currency: 'GBP',
      increment: '10.00',
    })
    if (!sale.ok) throw new Error(JSON.stringify(sale.error))
    const saleId = sale.sale.id
    for (const auction of auctions.slice(0, 199)) {
      const watched = await tab.api.call('auctions:watch', { auctionId: auction.id })
      expect(watched.ok, auction.id).toBe(true)
    }
    expect((await tab.api.call('sales:watch', { saleId })).ok).toBe(true)
    // 200 watches: watch #201 (an auction or a sale) is refused with the limit.
    const last = auctions[200] as Auction
    const refused = await tab.api.call('auctions:watch', { auctionId: last.id })
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'TOO_MANY_WATCHES',
      limit: 200,
    })
    const sale2 = await tab.api.call('sales:create', {
      title: 'Limit sale 2',
      mode: 'live',
      currency: 'GBP',
      increment: '10.00',
    })
    if (!sale2.ok) throw new Error(JSON.stringify(sale2.error))
    const refusedSale = await tab.api.call('sales:watch', { saleId: sale2.sale.id })
    expect(refusedSale.ok ? null : refusedSale.error.code).toBe('TOO_MANY_WATCHES')
    // Watching one already watched again is no new watch.
    expect((await tab.api.call('auctions:watch', { auctionId: auctions[0]?.id ?? '' })).ok).toBe(
      true,
    )
    expect((await tab.api.call('sales:watch', { saleId })).ok).toBe(true)
    // Another session has its own 200.
    const second = await connectClient(server)
    await signIn(second.api, staff())
    expect((await second.api.call('auctions:watch', { auctionId: last.id })).ok).toBe(true)
    // An unwatch frees a slot.
    expect((await tab.api.call('auctions:unwatch', { auctionId: auctions[0]?.id ?? '' })).ok).toBe(
      true,
    )
    expect((await tab.api.call('auctions:watch', { auctionId: last.id })).ok).toBe(true)
    expect((await tab.api.call('sales:unwatch', { saleId })).ok).toBe(true)
    expect((await tab.api.call('sales:watch', { saleId: sale2.sale.id })).ok).toBe(true)
    tab.close()
    second.close()
  }, 60_000)
})
