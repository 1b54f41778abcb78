// Every command of the contract over a real WebSocket against real Redis: answers,
// validation (INVALID_INPUT with the field, nothing changed) and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, type CommandName } from '../../src/shared/contract'
import { redisUrl } from '../support/engine'
import {
  bidder,
  connectClient,
  createLive,
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
let owner: TestClient
let anonymous: TestClient
let paddle: TestClient

beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
  ;[clerk, owner, anonymous, paddle] = await Promise.all([
    connectClient(server),
    connectClient(server),
    connectClient(server),
    connectClient(server),
  ])
  await signIn(clerk.api, staff())
  await signIn(owner.api, seller())
  await signIn(paddle.api, bidder())
})
afterAll(async () => {
  for (const client of [clerk, owner, anonymous, paddle]) client.close()
  await server.stop()
})

describe('commands', () => {
  it('profile:get answers who signed in; there is no profile:set', async () => {
    const client = await connectClient(server)
    expect(await client.api.call('profile:get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    })
    const profile = seller()
    expect(await signIn(client.api, profile)).toEqual(profile)
    expect(await client.api.call('profile:get', {})).toEqual({ ok: true, profile })
    const declared = await client.api.call(
      'profile:set' as CommandName,
      {
        ...profile,
        role: 'staff',
      } as never,
    )
    expect(!declared.ok && declared.error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' })
    expect(await client.api.call('profile:get', {})).toEqual({ ok: true, profile })
    client.close()
  })

  it('auctions:create uses the profile as the seller; auctions:get reads it back', async () => {
    const auction = await createLive(owner, { reservePrice: '50.00' })
    const profile = await owner.api.call('profile:get', {})
    expect(profile.ok && auction.sellerId === profile.profile?.operatorId).toBe(true)
    expect(auction.status).toBe('active')
    expect(auction.reservePrice).toBe(5000)
    const read = await clerk.api.call('auctions:get', { auctionId: auction.id })
    expect(read.ok && read.auction.id).toBe(auction.id)
  })

  it('auctions:start, auctions:end and auctions:cancel by the seller', async () => {
    const draft = await owner.api.call('auctions:create', {
      title: 'Draft lot',
      startingPrice: '5.00',
      increment: '1.00',
      durationMs: 60_000,
    })
    if (!draft.ok) throw new Error(draft.error.message)
    expect(draft.auction.status).toBe('draft')
    const started = await owner.api.call('auctions:start', { auctionId: draft.auction.id })
    expect(started.ok && started.auction.status).toBe('active')
    const ended = await owner.api.call('auctions:end', { auctionId: draft.auction.id })
    expect(ended.ok && ended.auction.status).toBe('ended')
    const other = await createLive(owner)
    const cancelled = await owner.api.call('auctions:cancel', { auctionId: other.id })
    expect(cancelled.ok && cancelled.auction.status).toBe('cancelled')
  })

  it('auctions:list filters by status and seller', async () => {
    const auction = await createLive(owner)
    const mine = await owner.api.call('auctions:list', { sellerId: auction.sellerId, limit: 500 })
    expect(mine.ok && mine.auctions.map((a) => a.id)).toContain(auction.id)
    const active = await clerk.api.call('auctions:list', { status: 'active', limit: 500 })
    expect(active.ok && active.auctions.every((a) => a.status === 'active')).toBe(true)
  })

  it('bids:place and bids:history (paged, newest first)', async () => {
    const auction = await createLive(owner)
    for (const amount of ['10.00', '11.00', '12.00']) {
      const bid = await clerk.api.call('bids:place', {
        auctionId: auction.id,
        bidderId: `paddle-${amount}`,
        amount,
        requestId: requestId(),
        source: 'floor',
      })
      expect(bid.ok && bid.result).toBe('leading')
    }
    const page = await clerk.api.call('bids:history', { auctionId: auction.id, limit: 2 })
    if (!page.ok) throw new Error(page.error.message)
    expect(page.total).toBe(3)
    expect(page.bids.map((b) => b.amount)).toEqual([1200, 1100])
    const older = await clerk.api.call('bids:history', {
      auctionId: auction.id,
      before: page.bids[1]?.id,
    })
    expect(older.ok && older.bids.map((b) => b.amount)).toEqual([1000])
    expect(older.ok && older.bids[0]?.source).toBe('floor')
  })

  it('a bid answered twice for one requestId is placed once', async () => {
    const auction = await createLive(owner)
    const input = { auctionId: auction.id, bidderId: 'p7', amount: '10.00', requestId: requestId() }
    const [first, second] = await Promise.all([
      clerk.api.call('bids:place', input),
      clerk.api.call('bids:place', input),
    ])
    expect(first.ok && second.ok).toBe(true)
    const history = await clerk.api.call('bids:history', { auctionId: auction.id })
    expect(history.ok && history.total).toBe(1)
  })

  it('auctions:watch answers a snapshot and the viewer count; unwatch ends it', async () => {
    const auction = await createLive(owner)
    const watched = await clerk.api.call('auctions:watch', { auctionId: auction.id })
    expect(watched.ok && watched.auction.id).toBe(auction.id)
    expect(watched.ok && watched.viewers).toBe(1)
    expect(await clerk.api.call('auctions:unwatch', { auctionId: auction.id })).toEqual({
      ok: true,
    })
    // Unwatching what is not watched is a no-op.
    expect(await clerk.api.call('auctions:unwatch', { auctionId: auction.id })).toEqual({
      ok: true,
    })
  })

  it('clock:now is the Redis server clock', async () => {
    const now = await clerk.api.call('clock:now', {})
    expect(now.ok && Number.isInteger(now.now)).toBe(true)
  })

  it('connection:status, settings:get and settings:test', async () => {
    const status = await anonymous.api.call('connection:status', {})
    expect(status.ok && status.state).toBe('live')
    expect(status.ok && status.embedded).toBe(false)
    const settings = await clerk.api.call('settings:get', {})
    expect(settings.ok && settings.overriddenBy).toBe('REDIS_URL')
    expect(settings.ok && 'password' in settings.settings).toBe(false)
    const test = await clerk.api.call('settings:test', { url: redisUrl() })
    expect(test.ok && test.serverVersion).toMatch(/^\d+\.\d+/)
    const refused = await clerk.api.call('settings:test', { url: 'redis://127.0.0.1:1' })
    expect(!refused.ok && refused.error.code).toBe('REDIS_UNAVAILABLE')
  })

  it('settings:save keeps REDIS_URL in charge and answers the status', async () => {
    const saved = await clerk.api.call('settings:save', {
      url: 'redis://127.0.0.1:1',
      username: 'ops',
      database: 2,
    })
    expect(saved.ok && saved.state).toBe('live')
    const settings = await clerk.api.call('settings:get', {})
    expect(settings.ok && settings.settings).toMatchObject({
      url: 'redis://127.0.0.1:1',
      database: 2,
    })
    expect(settings.ok && settings.overriddenBy).toBe('REDIS_URL')
    await clerk.api.call('settings:save', { url: '' })
  })
})

describe('access rules', () => {
  it('before sign-in everything but the auth commands is UNAUTHORIZED', async () => {
    const auction = await createLive(owner)
    const attempts = [
      anonymous.api.call('auctions:create', {
        title: 'x',
        startingPrice: '1.00',
        increment: '1.00',
        durationMs: 1000,
      }),
      anonymous.api.call('auctions:start', { auctionId: auction.id }),
      anonymous.api.call('auctions:end', { auctionId: auction.id }),
      anonymous.api.call('auctions:cancel', { auctionId: auction.id }),
      anonymous.api.call('bids:place', {
        auctionId: auction.id,
        bidderId: 'p1',
        amount: '10.00',
        requestId: requestId(),
      }),
    ]
    for (const answer of await Promise.all(attempts)) {
      expect(!answer.ok && answer.error.code).toBe('UNAUTHORIZED')
    }
    const read = await anonymous.api.call('auctions:get', { auctionId: auction.id })
    expect(!read.ok && read.error.code).toBe('UNAUTHORIZED')
    const after = await clerk.api.call('auctions:get', { auctionId: auction.id })
    expect(after.ok && after.auction).toMatchObject({ status: 'active', seq: auction.seq })
  })

  it('a seller acts only on their own auctions; staff on all', async () => {
    const auction = await createLive(owner)
    const stranger = await connectClient(server)
    await signIn(stranger.api, seller())
    for (const name of ['auctions:start', 'auctions:end', 'auctions:cancel'] as const) {
      const answer = await stranger.api.call(name, { auctionId: auction.id })
      expect(!answer.ok && answer.error.code, name).toBe('NOT_SELLER')
    }
    const ended = await clerk.api.call('auctions:end', { auctionId: auction.id })
    expect(ended.ok && ended.auction.status).toBe('ended')
    stranger.close()
  })

  it('reserve amounts only for staff and the seller', async () => {
    const auction = await createLive(owner, { reservePrice: '99.00' })
    const stranger = await connectClient(server)
    await signIn(stranger.api, seller())
    for (const viewer of [stranger, paddle]) {
      const read = await viewer.api.call('auctions:get', { auctionId: auction.id })
      expect(read.ok && read.auction.reservePrice).toBeNull()
      expect(read.ok && read.auction.hasReserve).toBe(true)
      const listed = await viewer.api.call('auctions:list', { sellerId: auction.sellerId })
      expect(listed.ok && listed.auctions.every((a) => a.reservePrice === null)).toBe(true)
      const watched = await viewer.api.call('auctions:watch', { auctionId: auction.id })
      expect(watched.ok && watched.auction.reservePrice).toBeNull()
    }
    const asStaff = await clerk.api.call('auctions:get', { auctionId: auction.id })
    expect(asStaff.ok && asStaff.auction.reservePrice).toBe(9900)
    const asOwner = await owner.api.call('auctions:get', { auctionId: auction.id })
    expect(asOwner.ok && asOwner.auction.reservePrice).toBe(9900)
    stranger.close()
  })

  it('a seller console cannot bid on its own auction', async () => {
    const auction = await createLive(owner)
    const answer = await owner.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'paddle-1',
      amount: '10.00',
      requestId: requestId(),
    })
    expect(!answer.ok && answer.error.code).toBe('SELLER_CANNOT_BID')
  })
})

describe('validation', () => {
  const cases: [CommandName, unknown, string][] = [
    ['auctions:get', { auctionId: 5 }, 'auctionId'],
    ['auctions:get', { auctionId: 'has space' }, 'auctionId'],
    ['auctions:get', null, 'auctionId'],
    ['auctions:list', { limit: 0 }, 'limit'],
    ['auctions:list', { status: 'sold' }, 'status'],
    ['auctions:create', { title: '', startingPrice: '1', increment: '1', durationMs: 1 }, 'title'],
    ['auctions:create', { title: 'x', startingPrice: '1', currency: 'usd' }, 'currency'],
    ['bids:place', { auctionId: 'a', bidderId: 'b', amount: '1', requestId: 'short' }, 'requestId'],
    ['bids:place', { auctionId: 'a', bidderId: 'b', amount: 1, requestId: 'longenough' }, 'amount'],
    [
      'bids:place',
      { auctionId: 'a', bidderId: 'b', amount: '1', requestId: 'long-enough', source: 'fax' },
      'source',
    ],
    ['bids:history', { auctionId: 'a', limit: 5000 }, 'limit'],
    ['auctions:watch', { auctionId: 'a', presence: 'yes' }, 'presence'],
    ['settings:save', { url: 'http://example.com' }, 'url'],
    ['settings:test', { url: 'redis://x', database: 99 }, 'database'],
    ['operators:add', { operatorId: 'a', displayName: 'A', role: 'admin', password: 'x' }, 'role'],
    ['operators:add', 'staff', 'input'],
    ['auth:signIn', { operatorId: 5, password: 'x' }, 'operatorId'],
    ['auth:setup', { operatorId: 'a b', displayName: 'A', password: 'x' }, 'operatorId'],
    ['auth:resume', { resume: 'short' }, 'resume'],
    ['operators:disable', {}, 'operatorId'],
    ['operators:enable', { operatorId: '' }, 'operatorId'],
    ['operators:passwd', { operatorId: 'a', password: '' }, 'password'],
    ['sales:list', { status: 'sold' }, 'status'],
    ['sales:get', { saleId: 'has space' }, 'saleId'],
    ['sales:lots', { saleId: 'a', status: 'ended' }, 'status'],
    ['sales:create', { title: 'x', mode: 'online' }, 'mode'],
    ['sales:start', {}, 'saleId'],
    ['sales:end', { saleId: 5 }, 'saleId'],
    ['sales:cancel', { saleId: '' }, 'saleId'],
    ['sales:watch', { saleId: null }, 'saleId'],
    ['sales:unwatch', {}, 'saleId'],
    ['lots:add', { saleId: 'a', number: 'A1', title: 'x', startingPrice: '1' }, 'number'],
    ['lots:update', { lotId: 'a', changes: { title: '' } }, 'changes.title'],
    ['lots:remove', { lotId: 'a b' }, 'lotId'],
    ['lots:import', { saleId: 'a', lots: [] }, 'lots'],
    ['lots:reorder', { saleId: 'a', order: [] }, 'order'],
    ['lots:offer', { saleId: 'a', lotId: 'a b' }, 'lotId'],
    ['lots:floor', { lotId: 'a', requestId: 'short' }, 'requestId'],
    ['lots:ask', { lotId: 'a', amount: 12 }, 'amount'],
    ['lots:warn', {}, 'lotId'],
    ['lots:hammer', { lotId: 'a', belowReserve: 'yes' }, 'belowReserve'],
    ['lots:pass', { lotId: 'a', reason: '' }, 'reason'],
    ['lots:retract', { lotId: 'a' }, 'reason'],
    ['lots:reopen', { lotId: 'a', reason: 'x'.repeat(201) }, 'reason'],
    ['lots:withdraw', { lotId: 5 }, 'lotId'],
    ['lots:book', { lotId: null }, 'lotId'],
    ['sales:log', { saleId: 'a', limit: 0 }, 'limit'],
    ['sales:verifyLog', {}, 'saleId'],
    ['sales:rates', { saleId: 'a', rates: 'EUR' }, 'rates'],
    ['display:link', { saleId: '' }, 'saleId'],
    ['register:list', { saleId: '' }, 'saleId'],
    ['register:add', { saleId: 'a', paddle: '1', name: '' }, 'name'],
    ['register:update', { saleId: 'a', paddle: '1', email: 'nope' }, 'email'],
    ['register:approve', { saleId: 'a', paddle: '1', approved: 'yes' }, 'approved'],
    ['register:import', { saleId: 'a', entries: [] }, 'entries'],
    ['sales:update', { saleId: 'a', commission: '15' }, 'commission'],
    ['sales:update', { saleId: 'a', premium: [{ rate: '5%', upTo: 'x', extra: 1 }] }, 'premium.0'],
    ['sales:update', { saleId: 'a', title: ' ' }, 'title'],
    ['sales:results', { saleId: 'a b' }, 'saleId'],
    ['sales:invoice', { saleId: 'a' }, 'paddle'],
    ['sales:invoices', {}, 'saleId'],
    ['sales:statement', { saleId: 'a', sellerId: '' }, 'sellerId'],
    ['sales:statements', { saleId: 5 }, 'saleId'],
    ['sales:report', { saleId: null }, 'saleId'],
    ['print:pdf', { fileName: ' ' }, 'fileName'],
  ]

  it.each(cases)('%s %j → INVALID_INPUT on %s', async (name, input, field) => {
    const answer = await clerk.api.call(name, input as never)
    expect(answer.ok).toBe(false)
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field })
  })

  it('an unknown command is INVALID_INPUT on name', async () => {
    const answer = await clerk.api.call('auctions:drop' as CommandName, {} as never)
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' })
  })

  it('an invalid bid changes nothing', async () => {
    const auction = await createLive(owner)
    const answer = await clerk.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'p1',
      amount: '10.001',
      requestId: requestId(),
    })
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'amount' })
    const after = await clerk.api.call('auctions:get', { auctionId: auction.id })
    expect(after.ok && after.auction.seq).toBe(auction.seq)
    expect(after.ok && after.auction.bidCount).toBe(0)
  })

  it('the test covers every command of the contract', () => {
    const covered = new Set(cases.map(([name]) => name))
    for (const name of [
      'auctions:create',
      'auctions:start',
      'auctions:end',
      'auctions:cancel',
      'auctions:unwatch',
      'clock:now',
      'connection:status',
      'settings:get',
      'profile:get',
      'auth:status',
      'auth:signOut',
      'operators:list',
    ] as const) {
      covered.add(name)
    }
    expect([...covered].sort()).toEqual(Object.keys(commands).sort())
  })
})

describe('consignors', () => {
  const auction = {
    title: 'For a consignor',
    startingPrice: '5.00',
    increment: '1.00',
    durationMs: 60_000,
  }

  it('staff create an auction or a sale for the consignor they name, who is its seller', async () => {
    const created = await clerk.api.call('auctions:create', { ...auction, sellerId: 'estate-7' })
    expect(created.ok && created.auction.sellerId).toBe('estate-7')
    const sale = await clerk.api.call('sales:create', {
      title: 'Consigned sale',
      mode: 'live',
      sellerId: 'estate-7',
    })
    expect(sale.ok && sale.sale.sellerId).toBe('estate-7')
    // Staff still control it.
    const ended = created.ok
      ? await clerk.api.call('auctions:cancel', { auctionId: created.auction.id })
      : null
    expect(ended?.ok).toBe(true)
  })

  it('a seller cannot create for someone else', async () => {
    const denied = await owner.api.call('auctions:create', { ...auction, sellerId: 'estate-7' })
    expect(!denied.ok && denied.error).toMatchObject({ code: 'NOT_SELLER', field: 'sellerId' })
    const sale = await owner.api.call('sales:create', {
      title: 'Not mine',
      mode: 'live',
      sellerId: 'estate-7',
    })
    expect(!sale.ok && sale.error.code).toBe('NOT_SELLER')
    // Naming oneself is the same as naming no one.
    const own = await owner.api.call('profile:get', {})
    const mine = await owner.api.call('auctions:create', {
      ...auction,
      sellerId: own.ok ? own.profile?.operatorId : undefined,
    })
    expect(mine.ok).toBe(true)
  })
})
