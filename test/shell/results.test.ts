// A sale's terms and results over the contract (WebSocket): the seller sets the terms and
// changes them while a draft (watching consoles hear sale_updated without the rates), a
// bidder sees the premium but never the commission, staff read results, invoices and the
// report, and a seller only their own statement.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sale } from '../../src/shared/domain'
import { uniqueId } from '../support/engine'
import { startSellerConsole, stopSellerConsole } from './seller-console'
import {
  bidder,
  connectClient,
  seller,
  signIn,
  staff,
  type TestClient,
  type TestConsole,
} from './support'

let server: TestConsole
let redis: RedisClient
let owner: TestClient
const ownerId = uniqueId('seller')
const others: TestClient[] = []

beforeAll(async () => void ({ server, redis, owner } = await startSellerConsole(ownerId)))
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

const must = <T extends { ok: boolean }>(answer: T): Extract<T, { ok: true }> => {
  if (!answer.ok) throw new Error(JSON.stringify(answer))
  return answer as Extract<T, { ok: true }>
}

const FULL = {
  premiumBands: [{ upTo: null, rate: 250_000 }],
  premiumTaxRate: 200_000,
  commissionRate: 150_000,
  consignorRates: {},
  lotFee: 500,
  requireRegistration: false,
}

async function draftSale(consignor: string): Promise<Sale> {
  const { sale } = must(
    await owner.api.call('sales:create', {
      title: 'Results sale',
      mode: 'live',
      increment: '1.00',
      premium: [{ rate: '25%' }],
      premiumTax: '20%',
      commission: '15%',
      lotFee: '5.00',
    }),
  )
  for (const number of ['1', '2']) {
    must(
      await owner.api.call('lots:add', {
        saleId: sale.id,
        number,
        title: `Lot ${number}`,
        startingPrice: '100.00',
        ...(number === '2' ? { consignor } : {}),
      }),
    )
  }
  return sale
}

describe('terms over the contract', () => {
  it('a bidder sees the premium, never the commission; a draft change reaches watchers without rates', async () => {
    const sale = await draftSale(uniqueId('ada'))
    expect(sale.terms).toEqual(FULL)
    const paddle = await as(bidder())
    const seen = must(await paddle.api.call('sales:get', { saleId: sale.id })).sale
    expect(seen.terms).toEqual({ ...FULL, commissionRate: 0, lotFee: 0 })
    const watched = must(await paddle.api.call('sales:watch', { saleId: sale.id }))
    expect(watched.sale.terms?.commissionRate).toBe(0)
    const clerk = await as(staff())
    expect(must(await clerk.api.call('sales:get', { saleId: sale.id })).sale.terms).toEqual(FULL)

    const updated = must(
      await owner.api.call('sales:update', {
        saleId: sale.id,
        commission: '12%',
        title: 'Renamed',
      }),
    ).sale
    expect(updated).toMatchObject({ title: 'Renamed', terms: { commissionRate: 120_000 } })
    const batch = await paddle.waitFor('sale:events', (events) =>
      events.some((event) => event.type === 'sale_updated' && event.saleId === sale.id),
    )
    const event = batch.find((e) => e.type === 'sale_updated' && e.saleId === sale.id)
    expect(event).toMatchObject({ title: 'Renamed', changed: ['commissionRate', 'title'] })
    expect(JSON.stringify(event)).not.toContain('120000')

    const stranger = await as(seller())
    const refused = await stranger.api.call('sales:update', { saleId: sale.id, title: 'Mine' })
    expect(!refused.ok && refused.error.code).toBe('NOT_SELLER')
  })
})

describe('results over the contract', () => {
  it('staff read everything; a seller only their own statement; a consignor theirs', async () => {
    const adaId = uniqueId('ada')
    const sale = await draftSale(adaId)
    must(
      await owner.api.call('register:add', {
        saleId: sale.id,
        paddle: '142',
        name: 'Ada King',
        approved: true,
      }),
    )
    must(await owner.api.call('sales:start', { saleId: sale.id }))
    const lot = must(await owner.api.call('lots:offer', { saleId: sale.id })).lot
    must(
      await owner.api.call('lots:floor', {
        lotId: lot.id,
        paddle: '142',
        requestId: uniqueId('request'),
      }),
    )
    must(await owner.api.call('lots:hammer', { lotId: lot.id }))
    must(await owner.api.call('sales:end', { saleId: sale.id }))

    const clerk = await as(staff())
    // 100.00: premium 25.00, tax 5.00; commission 15.00, fee 5.00.
    const results = must(await clerk.api.call('sales:results', { saleId: sale.id }))
    expect(results.totals).toMatchObject({
      hammer: 10_000,
      premium: 2500,
      tax: 500,
      total: 13_000,
      lotsSold: 1,
      lotsPassed: 1,
    })
    const { invoice } = must(
      await clerk.api.call('sales:invoice', { saleId: sale.id, paddle: '142' }),
    )
    expect(invoice).toMatchObject({ paddle: '142', bidder: { name: 'Ada King' }, total: 13_000 })
    expect(must(await clerk.api.call('sales:invoices', { saleId: sale.id })).invoices).toEqual([
      invoice,
    ])
    const { statements } = must(await clerk.api.call('sales:statements', { saleId: sale.id }))
    expect(statements.map((s) => [s.sellerId, s.net]).sort()).toEqual(
      [
        [adaId, 0],
        [ownerId, 10_000 - 1500 - 500],
      ].sort(),
    )
    const { report } = must(await clerk.api.call('sales:report', { saleId: sale.id }))
    expect(report).toMatchObject({ sellThroughByLots: 0.5, hammerTotal: 10_000 })

    // The seller: their own statement, nothing else.
    const own = must(
      await owner.api.call('sales:statement', { saleId: sale.id, sellerId: ownerId }),
    )
    expect(own.statement).toMatchObject({
      sellerId: ownerId,
      commission: 1500,
      fees: 500,
      net: 8000,
    })
    const theirs = await owner.api.call('sales:statement', { saleId: sale.id, sellerId: adaId })
    expect(!theirs.ok && theirs.error.code).toBe('NOT_SELLER')
    for (const answer of [
      await owner.api.call('sales:results', { saleId: sale.id }),
      await owner.api.call('sales:invoice', { saleId: sale.id, paddle: '142' }),
      await owner.api.call('sales:statements', { saleId: sale.id }),
      await owner.api.call('sales:report', { saleId: sale.id }),
    ]) {
      expect(!answer.ok && answer.error.code).toBe('UNAUTHORIZED')
    }
    // A consignor of the sale (not its seller) reads their own statement of it.
    const ada = await as(seller(adaId))
    const adas = must(await ada.api.call('sales:statement', { saleId: sale.id, sellerId: adaId }))
    expect(adas.statement).toMatchObject({ lines: [], unsold: [{ number: '2', status: 'passed' }] })
    // A bidder: none of it.
    const paddle = await as(bidder())
    const denied = await paddle.api.call('sales:statement', { saleId: sale.id, sellerId: ownerId })
    expect(!denied.ok && denied.error.code).toBe('UNAUTHORIZED')
  })
})
