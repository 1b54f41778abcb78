// The bidder register over the contract (WebSocket): staff and the sale's seller keep it,
// nobody else reads it; an edit changes only the fields it sends; an import's bad rows are
// numbered by position; a watching console hears register_changed without any limit.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sale } from '../../src/shared/domain'
import {
  bidder,
  connectClient,
  seller,
  signIn,
  staff,
  type TestClient,
  type TestConsole,
} from './support'
import { startSellerConsole, stopSellerConsole } from './seller-console'

let server: TestConsole
let redis: RedisClient
let owner: TestClient
const others: TestClient[] = []

beforeAll(async () => void ({ server, redis, owner } = await startSellerConsole()))
afterAll(async () => {
  for (const client of others) client.close()
  await stopSellerConsole({ server, redis, owner })
})

async function as(profile: Parameters<typeof signIn>[1]): Promise<TestClient> {
  const client = await connectClient(server)
  others.push(client)
  await signIn(client.api, profile)
  return client
}

async function draftSale(): Promise<Sale> {
  const created = await owner.api.call('sales:create', {
    title: 'Register sale',
    mode: 'live',
    increment: '1.00',
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.sale
}

describe('register commands', () => {
  it('staff and the seller keep the register; another seller and a bidder cannot even read it', async () => {
    const sale = await draftSale()
    const added = await owner.api.call('register:add', {
      saleId: sale.id,
      paddle: '142',
      name: 'Ada',
      approved: true,
      limit: '500.00',
    })
    expect(added.ok && added.entry).toMatchObject({ paddle: '142', approved: true, limit: 50000 })

    const clerk = await as(staff())
    const listed = await clerk.api.call('register:list', { saleId: sale.id })
    expect(listed.ok && listed.entries.map((entry) => entry.paddle)).toEqual(['142'])

    const stranger = await as(seller())
    for (const answer of [
      await stranger.api.call('register:list', { saleId: sale.id }),
      await stranger.api.call('register:add', { saleId: sale.id, paddle: '1', name: 'N' }),
      await stranger.api.call('register:approve', { saleId: sale.id, paddle: '142' }),
    ]) {
      expect(!answer.ok && answer.error.code).toBe('NOT_SELLER')
    }
    const paddle = await as(bidder())
    const denied = await paddle.api.call('register:list', { saleId: sale.id })
    expect(!denied.ok && denied.error.code).toBe('UNAUTHORIZED')
    expect(await redis.hgetall(`sale:{${sale.id}}:paddles`)).toEqual({ '142': '1|50000' })
  })

  it('an edit keeps what it does not send; approve defaults to approving', async () => {
    const sale = await draftSale()
    await owner.api.call('register:add', {
      saleId: sale.id,
      paddle: '7',
      name: 'Seven',
      kind: 'phone',
      approved: true,
      limit: 1000,
    })
    const renamed = await owner.api.call('register:update', {
      saleId: sale.id,
      paddle: '7',
      name: 'Seven Sevens',
    })
    expect(renamed.ok && renamed.entry).toMatchObject({
      name: 'Seven Sevens',
      kind: 'phone',
      approved: true,
      limit: 1000,
    })
    const revoked = await owner.api.call('register:approve', {
      saleId: sale.id,
      paddle: '7',
      approved: false,
    })
    expect(revoked.ok && revoked.entry.approved).toBe(false)
    const approved = await owner.api.call('register:approve', { saleId: sale.id, paddle: '7' })
    expect(approved.ok && approved.entry.approved).toBe(true)
    const missing = await owner.api.call('register:update', {
      saleId: sale.id,
      paddle: '8',
      name: 'Eight',
    })
    expect(!missing.ok && missing.error.code).toBe('PADDLE_NOT_FOUND')
  })

  it('imports all or nothing (rows by position) and tells watching consoles', async () => {
    const sale = await draftSale()
    const watched = await owner.api.call('sales:watch', { saleId: sale.id })
    expect(watched.ok).toBe(true)
    const bad = await owner.api.call('register:import', {
      saleId: sale.id,
      entries: [
        { paddle: '1', name: 'One' },
        { paddle: '2', name: 'Two', limit: '1.001' },
        { paddle: '1', name: 'Again' },
      ],
    })
    expect(!bad.ok && bad.error.code).toBe('INVALID_CATALOGUE')
    expect(!bad.ok && bad.error.rows?.map((row) => [row.line, row.code])).toEqual([
      [2, 'INVALID_AMOUNT'],
      [3, 'PADDLE_TAKEN'],
    ])
    const good = await owner.api.call('register:import', {
      saleId: sale.id,
      entries: [
        { paddle: '2', name: 'Two', limit: '10.00' },
        { paddle: '1', name: 'One' },
      ],
    })
    expect(good.ok && good.entries.map((entry) => entry.paddle)).toEqual(['1', '2'])
    const events = await owner.waitFor('sale:events', (batch) =>
      batch.some((event) => event.type === 'register_changed' && event.saleId === sale.id),
    )
    const event = events.find((e) => e.type === 'register_changed' && e.saleId === sale.id)
    expect(event).toMatchObject({ saleId: sale.id, paddles: ['2', '1'] })
    expect(JSON.stringify(event)).not.toContain('limit')
  })
})
