// Amounts are exact text everywhere: over the WebSocket, " 12", "12\n" and "\t12.00" are
// INVALID_AMOUNT with the field, as the CLI and the engine say, never trimmed into 12.00; and
// nothing is placed or created.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sale } from '../../src/shared/domain'
import {
  connectClient,
  createLive,
  requestId,
  signIn,
  staff,
  type TestClient,
  type TestConsole,
} from './support'
import { startSellerConsole, stopSellerConsole } from './seller-console'

let server: TestConsole
let redis: RedisClient
let owner: TestClient
let clerk: TestClient

beforeAll(async () => {
  ;({ server, redis, owner } = await startSellerConsole())
  clerk = await connectClient(server)
  await signIn(clerk.api, staff())
})
afterAll(async () => {
  clerk.close()
  await stopSellerConsole({ server, redis, owner })
})

const PADDED = [' 12', '12\n', '\t12.00', '12.00 ']

/** The answer must be INVALID_AMOUNT on `field`. */
function invalidAmount(answer: { ok: boolean }, field: string, what: string): void {
  expect(answer.ok, what).toBe(false)
  expect((answer as { error?: unknown }).error, what).toMatchObject({
    code: 'INVALID_AMOUNT',
    field,
  })
}

describe('amounts with whitespace over the contract', () => {
  it('bids:place amount and max: INVALID_AMOUNT, nothing placed', async () => {
    const auction = await createLive(owner)
    for (const text of PADDED) {
      const bid = await clerk.api.call('bids:place', {
        auctionId: auction.id,
        bidderId: 'p-1',
        amount: text,
        requestId: requestId(),
      })
      invalidAmount(bid, 'amount', JSON.stringify(text))
      const max = await clerk.api.call('bids:place', {
        auctionId: auction.id,
        bidderId: 'p-1',
        amount: '10.00',
        max: text,
        requestId: requestId(),
      })
      invalidAmount(max, 'max', JSON.stringify(text))
    }
    const read = await clerk.api.call('auctions:get', { auctionId: auction.id })
    expect(read.ok && [read.auction.bidCount, read.auction.leaderId]).toEqual([0, null])
  })

  it('auctions:create starting price, reserve, increment and table: INVALID_AMOUNT, nothing created', async () => {
    const before = await clerk.api.call('auctions:list', { limit: 200 })
    for (const text of PADDED) {
      const base = { title: 'Padded', increment: '1.00', durationMs: 3_600_000 }
      for (const [field, input] of [
        ['startingPrice', { ...base, startingPrice: text }],
        ['reservePrice', { ...base, startingPrice: '10.00', reservePrice: text }],
        ['increment', { ...base, startingPrice: '10.00', increment: text }],
      ] as const) {
        invalidAmount(
          await clerk.api.call('auctions:create', input),
          field,
          `${field} ${JSON.stringify(text)}`,
        )
      }
      const table = await clerk.api.call('auctions:create', {
        title: 'Padded',
        startingPrice: '10.00',
        durationMs: 3_600_000,
        incrementTable: [{ from: '0', increment: text }],
      })
      expect(!table.ok && table.error.code, JSON.stringify(text)).toBe('INVALID_AMOUNT')
    }
    const after = await clerk.api.call('auctions:list', { limit: 200 })
    expect(after.ok && after.auctions.filter((a) => a.title === 'Padded')).toEqual(
      before.ok && before.auctions.filter((a) => a.title === 'Padded'),
    )
  })

  it('sales:create increment and lots:add prices and estimates: INVALID_AMOUNT, nothing added', async () => {
    for (const text of PADDED) {
      const sale = await owner.api.call('sales:create', {
        title: 'Padded',
        mode: 'live',
        increment: text,
      })
      invalidAmount(sale, 'increment', JSON.stringify(text))
    }
    const created = await owner.api.call('sales:create', {
      title: 'Exact',
      mode: 'live',
      increment: '1.00',
    })
    expect(created.ok).toBe(true)
    const saleId = (created as { sale: Sale }).sale.id
    for (const text of PADDED) {
      for (const [field, extra] of [
        ['startingPrice', { startingPrice: text }],
        ['reservePrice', { startingPrice: '10.00', reservePrice: text }],
        ['estimateLow', { startingPrice: '10.00', estimateLow: text, estimateHigh: '20.00' }],
      ] as const) {
        const added = await owner.api.call('lots:add', {
          saleId,
          number: '1',
          title: 'Lot',
          ...extra,
        })
        invalidAmount(added, field, `${field} ${JSON.stringify(text)}`)
      }
    }
    const lots = await owner.api.call('sales:lots', { saleId })
    expect(lots.ok && lots.lots).toEqual([])
  })

  it("lots:ask, the clerk's asking price: INVALID_AMOUNT, the ask unchanged", async () => {
    const created = await clerk.api.call('sales:create', {
      title: 'Live',
      mode: 'live',
      increment: '1.00',
    })
    const saleId = (created as { sale: Sale }).sale.id
    const added = await clerk.api.call('lots:add', {
      saleId,
      number: '1',
      title: 'Lot',
      startingPrice: '10.00',
    })
    expect(added.ok).toBe(true)
    expect((await clerk.api.call('sales:start', { saleId })).ok).toBe(true)
    const offered = await clerk.api.call('lots:offer', { saleId })
    const lotId = (offered as { lot: { id: string } }).lot.id
    for (const text of PADDED) {
      const asked = await clerk.api.call('lots:ask', { lotId, amount: text })
      invalidAmount(asked, 'amount', JSON.stringify(text))
    }
    const read = await clerk.api.call('auctions:get', { auctionId: lotId })
    expect(read.ok && read.auction.askingPrice).toBe(1000)
  })

  it('a non-string amount stays INVALID_INPUT; exact text is accepted', async () => {
    const auction = await createLive(owner)
    const number = await clerk.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'p-2',
      amount: 12 as never,
      requestId: requestId(),
    })
    expect(!number.ok && number.error).toMatchObject({ code: 'INVALID_INPUT', field: 'amount' })
    const exact = await clerk.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'p-2',
      amount: '12.00',
      requestId: requestId(),
    })
    expect(exact.ok && exact.price).toBe(1200)
  })
})
