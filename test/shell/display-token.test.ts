// The room display's door in the web mode: `display:link` mints a display-only token bound to
// one sale (staff or the sale's seller only). A tab opened with it loads the page (no cookie:
// the token goes in its socket's hello), may call only the display's reads for that one
// sale (UNAUTHORIZED for everything else), and everything it is sent is redacted: no reserve
// amount, no leader, no bidder id, no seller.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { CommandInput, CommandName, OperatorProfile } from '../../src/shared/contract'
import { WS_CLOSE } from '../../src/shared/web-hello'
import { redisUrl, uniqueId } from '../support/engine'
import {
  connectClient,
  openRaw,
  requestId,
  seller,
  signIn,
  staff,
  startConsole,
  type TestClient,
  type TestConsole,
} from './support'

let server: TestConsole
let clerk: TestClient
let consignor: string
let saleId: string
let otherSaleId: string
const BIDDER = uniqueId('paddle-secret')
const clients: TestClient[] = []

/** A live, open sale of two lots (lot 1 with a reserve of 250.00) consigned by `consignor`. */
async function liveSale(title: string): Promise<string> {
  const created = await clerk.api.call('sales:create', {
    title,
    mode: 'live',
    currency: 'GBP',
    increment: '10.00',
    sellerId: consignor,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const id = created.sale.id
  for (const [number, reservePrice] of [
    ['1', '250.00'],
    ['2', undefined],
  ] as const) {
    const lot: CommandInput<'lots:add'> = {
      saleId: id,
      number,
      title: `Lot ${number}`,
      startingPrice: '100.00',
      ...(reservePrice ? { reservePrice } : {}),
    }
    const added = await clerk.api.call('lots:add', lot)
    if (!added.ok) throw new Error(JSON.stringify(added.error))
  }
  const started = await clerk.api.call('sales:start', { saleId: id })
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  return id
}

async function tab(profile?: OperatorProfile): Promise<TestClient> {
  const client = await connectClient(server)
  clients.push(client)
  if (profile) await signIn(client.api, profile)
  return client
}

async function displayLink(id: string): Promise<{ url: URL; token: string }> {
  const answer = await clerk.api.call('display:link', { saleId: id })
  if (!answer.ok) throw new Error(JSON.stringify(answer.error))
  const url = new URL(answer.url)
  return { url, token: url.searchParams.get('token') ?? '' }
}

async function displayTab(token: string): Promise<TestClient> {
  const client = await connectClient(server, token)
  clients.push(client)
  return client
}

/** Raw GET: its status and any Set-Cookie. */
function get(path: string): Promise<{ status: number; setCookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      res.resume()
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          setCookie: res.headers['set-cookie']?.join('\n'),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
  clerk = await tab(staff())
  consignor = uniqueId('consignor')
  saleId = await liveSale('Display sale')
  otherSaleId = await liveSale('Another sale')
})
afterAll(async () => {
  for (const client of clients) client.close()
  await server.stop()
})

describe('display:link', () => {
  it('gives staff a link to the display route with a token of its own', async () => {
    const { url, token } = await displayLink(saleId)
    expect(url.origin).toBe(`http://127.0.0.1:${server.port}`)
    expect(url.hash).toBe(`#/display/${saleId}`)
    expect(token.length).toBeGreaterThan(20)
    expect(token).not.toBe(server.token)
  })

  it('gives the sale’s seller a link, and refuses another seller, a bidder and no profile', async () => {
    const owner = await tab(seller(consignor))
    expect((await owner.api.call('display:link', { saleId })).ok).toBe(true)
    const stranger = await tab(seller())
    const refused = await stranger.api.call('display:link', { saleId })
    expect(refused.ok ? null : refused.error.code).toBe('NOT_SELLER')
    const bidder = await tab({ displayName: 'B', operatorId: uniqueId('bidder'), role: 'bidder' })
    const asBidder = await bidder.api.call('display:link', { saleId })
    expect(asBidder.ok ? null : asBidder.error.code).toBe('UNAUTHORIZED')
    const nobody = await tab()
    const asNobody = await nobody.api.call('display:link', { saleId })
    expect(asNobody.ok ? null : asNobody.error.code).toBe('UNAUTHORIZED')
  })

  it('answers SALE_NOT_FOUND for an unknown sale and INVALID_INPUT for a bad id', async () => {
    const missing = await clerk.api.call('display:link', { saleId: 'NO-SUCH-SALE' })
    expect(missing.ok ? null : missing.error.code).toBe('SALE_NOT_FOUND')
    const bad = await clerk.api.call('display:link', { saleId: 'a b' })
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT')
  })
})

describe('the display page over http', () => {
  it('loads without a cookie: its token stays in the tab and goes in the socket’s hello', async () => {
    const { token } = await displayLink(saleId)
    const first = await get(`/?token=${token}`)
    expect(first.status).toBe(200)
    expect(first.setCookie).toBeUndefined()
    expect((await get('/assets/app.js')).setCookie).toBeUndefined()
  })

  it('refuses a made-up token in the hello; a display token in the URL counts for nothing', async () => {
    const madeUp = await openRaw(server.port, { hello: 'not-a-token' })
    expect((await madeUp.closed).code).toBe(WS_CLOSE.unauthorized)
    expect(madeUp.received).toEqual([])
    const { token } = await displayLink(saleId)
    const inUrl = await openRaw(server.port, { path: `/ws?token=${token}`, hello: '' })
    expect((await inUrl.closed).code).toBe(WS_CLOSE.unauthorized)
  })

  it('keeps the Origin check on the display’s WebSocket (refused before any hello)', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
        headers: { origin: 'http://evil.example' },
      })
      socket.on('open', () => {
        socket.close()
        resolve(101)
      })
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0)
        socket.terminate()
      })
      socket.on('error', () => undefined)
    })
    expect(status).toBe(403)
  })
})

describe('a display session', () => {
  const REFUSED: [CommandName, unknown][] = [
    ['auth:signIn', { operatorId: 'x', password: 'a password' }],
    ['auth:setup', { operatorId: 'x', displayName: 'X', password: 'a password' }],
    ['operators:list', {}],
    ['profile:get', {}],
    ['bids:place', { auctionId: 'S.1', bidderId: 'x', amount: 'asking', requestId: 'request-1' }],
    ['bids:history', { auctionId: 'S.1' }],
    ['auctions:get', { auctionId: 'S.1' }],
    ['auctions:list', {}],
    ['auctions:watch', { auctionId: 'S.1' }],
    ['sales:list', {}],
    ['settings:get', {}],
    ['lots:offer', { saleId: 'S' }],
    ['lots:floor', { lotId: 'S.1', requestId: 'request-1' }],
    ['lots:warn', { lotId: 'S.1' }],
    ['lots:hammer', { lotId: 'S.1' }],
    ['lots:pass', { lotId: 'S.1' }],
    ['lots:retract', { lotId: 'S.1', reason: 'x' }],
    ['lots:book', { lotId: 'S.1' }],
    ['sales:log', { saleId: 'S' }],
    ['sales:rates', { saleId: 'S', rates: [] }],
    ['sales:start', { saleId: 'S' }],
    ['sales:end', { saleId: 'S' }],
    ['display:link', { saleId: 'S' }],
  ]

  it('answers UNAUTHORIZED to every command but the display’s reads', async () => {
    const display = await displayTab((await displayLink(saleId)).token)
    for (const [name, input] of REFUSED) {
      const fixed = JSON.parse(JSON.stringify(input).replaceAll('"S', `"${saleId}`)) as never
      const answer = await display.api.call(name, fixed)
      expect(answer.ok ? 'ok' : answer.error.code, name).toBe('UNAUTHORIZED')
    }
    const made = await display.api.call('bids:place', {
      auctionId: `${saleId}.1`,
      bidderId: BIDDER,
      amount: 'asking',
      requestId: requestId(),
      source: 'online',
    })
    expect(made.ok).toBe(false)
  })

  it('reads only its own sale', async () => {
    const display = await displayTab((await displayLink(saleId)).token)
    for (const name of ['sales:get', 'sales:watch', 'sales:lots'] as const) {
      const other = await display.api.call(name, { saleId: otherSaleId })
      expect(other.ok ? 'ok' : other.error.code, name).toBe('UNAUTHORIZED')
    }
    expect((await display.api.call('clock:now', {})).ok).toBe(true)
    expect((await display.api.call('connection:status', {})).ok).toBe(true)
  })

  it('is sent its sale redacted: no reserve, leader, bidder or seller, in answers and pushes', async () => {
    const offered = await clerk.api.call('lots:offer', { saleId })
    expect(offered.ok).toBe(true)
    const display = await displayTab((await displayLink(saleId)).token)
    const watched = await display.api.call('sales:watch', { saleId })
    if (!watched.ok) throw new Error(JSON.stringify(watched.error))
    const since = display.pushes.length
    const bid = await clerk.api.call('bids:place', {
      auctionId: `${saleId}.1`,
      bidderId: BIDDER,
      amount: 'asking',
      max: '300.00',
      requestId: requestId(),
      source: 'phone',
    })
    expect(bid.ok).toBe(true)
    // The clerk sees the reserve and the leader; the display must not.
    const full = await clerk.api.call('sales:lots', { saleId })
    expect(full.ok && full.lots[0]?.reservePrice).toBe(25000)
    const events = await display.waitFor(
      'sale:events',
      (batch) => batch.some((event) => event.type === 'bid_placed'),
      since,
    )
    const placed = events.find((event) => event.type === 'bid_placed')
    expect(placed && 'leaderId' in placed ? placed.leaderId : 'missing').toBeNull()
    // Another sale's events never reach it, nor the auctions list.
    await clerk.api.call('lots:offer', { saleId: otherSaleId })
    const lots = await display.api.call('sales:lots', { saleId })
    const sale = await display.api.call('sales:get', { saleId })
    const hammered = await clerk.api.call('lots:hammer', { lotId: `${saleId}.1` })
    expect(hammered.ok).toBe(true)
    await display.waitFor('sale:events', (b) => b.some((e) => e.type === 'lot_sold'), since)
    const seen = JSON.stringify([watched, lots, sale, display.pushes])
    expect(seen).not.toContain(BIDDER)
    expect(seen).not.toContain(consignor)
    expect(seen).not.toMatch(/"reservePrice":(?!null)/)
    expect(seen).not.toMatch(/"maxAmount"/)
    expect(seen).not.toContain(otherSaleId)
    expect(display.pushes.some((push) => push.name === 'auction:events')).toBe(false)
    expect(watched.lots[0]?.lotStatus).toBe('active')
    expect(watched.lots[0]?.hasReserve).toBe(true)
  })
})
