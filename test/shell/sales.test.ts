// Sales over the contract end to end: the access rules of the sale and lot commands, and the
// relay on one channel per sale: a sale watch hears every event of the sale, a lot watch
// only its lot's, both share one reference-counted subscription, and the sales list
// channel reaches every tab.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CommandInput } from '../../src/shared/contract'
import { isLotEvent, saleChannel, type Sale } from '../../src/shared/domain'
import { uniqueId } from '../support/engine'
import {
  connectClient,
  requestId,
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
let ownerId: string

beforeAll(async () => {
  ownerId = uniqueId('seller')
  ;({ server, redis, owner } = await startSellerConsole(ownerId))
})
afterAll(() => stopSellerConsole({ server, redis, owner }))

async function clerk(): Promise<TestClient> {
  const client = await connectClient(server)
  await signIn(client.api, staff())
  return client
}

/** A draft timed sale of the owner with lots 1 and 2 (lot 2 with a reserve). */
async function draftSale(): Promise<Sale> {
  const created = await owner.api.call('sales:create', {
    title: 'Shell sale',
    mode: 'timed',
    increment: '1.00',
    durationMs: 3_600_000,
    closeIntervalSeconds: 60,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const lot = (number: string, extra: Partial<CommandInput<'lots:add'>> = {}) =>
    owner.api.call('lots:add', {
      saleId: created.sale.id,
      number,
      title: `Lot ${number}`,
      startingPrice: '10.00',
      ...extra,
    })
  for (const added of [await lot('1'), await lot('2', { reservePrice: '50.00' })]) {
    if (!added.ok) throw new Error(JSON.stringify(added.error))
  }
  return created.sale
}

const subscribers = async (channel: string): Promise<number> => {
  const reply = (await redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number]
  return Number(reply[1])
}

describe('sale commands', () => {
  it('need a sign-in for anything; the creator is the seller', async () => {
    const anonymous = await connectClient(server)
    const denied = await anonymous.api.call('sales:create', { title: 'x', mode: 'live' })
    expect(!denied.ok && denied.error.code).toBe('UNAUTHORIZED')
    const sale = await draftSale()
    expect(sale.sellerId).toBe(ownerId)
    expect(sale.status).toBe('draft')
    for (const answer of [
      await anonymous.api.call('sales:start', { saleId: sale.id }),
      await anonymous.api.call('lots:add', {
        saleId: sale.id,
        number: '3',
        title: 'x',
        startingPrice: '1',
      }),
      await anonymous.api.call('lots:remove', { lotId: `${sale.id}.1` }),
    ]) {
      expect(!answer.ok && answer.error.code).toBe('UNAUTHORIZED')
    }
    const read = await anonymous.api.call('sales:get', { saleId: sale.id })
    expect(!read.ok && read.error.code).toBe('UNAUTHORIZED')
    const after = await owner.api.call('sales:get', { saleId: sale.id })
    expect(after.ok && after.sale).toMatchObject({ lotCount: 2, status: 'draft' })
    anonymous.close()
  })

  it('a seller acts on their own sales only; staff on all', async () => {
    const sale = await draftSale()
    const stranger = await connectClient(server)
    await signIn(stranger.api, seller())
    const refused = await stranger.api.call('sales:start', { saleId: sale.id })
    expect(!refused.ok && refused.error.code).toBe('NOT_SELLER')
    const staffer = await clerk()
    const started = await staffer.api.call('sales:start', { saleId: sale.id })
    expect(started.ok && started.sale.status).toBe('open')
    stranger.close()
    staffer.close()
  })

  it('reserve amounts of lots only for staff and the seller', async () => {
    const sale = await draftSale()
    const stranger = await connectClient(server)
    await signIn(stranger.api, seller())
    const reserveOf = (lots: { number: string; reservePrice: number | null }[]) =>
      lots.find((lot) => lot.number === '2')?.reservePrice
    const asStranger = await stranger.api.call('sales:lots', { saleId: sale.id })
    expect(asStranger.ok && reserveOf(asStranger.lots)).toBeNull()
    const watched = await stranger.api.call('sales:watch', { saleId: sale.id })
    expect(watched.ok && reserveOf(watched.lots)).toBeNull()
    const asOwner = await owner.api.call('sales:lots', { saleId: sale.id })
    expect(asOwner.ok && reserveOf(asOwner.lots)).toBe(5000)
    stranger.close()
  })

  it('imports a catalogue all or nothing, bad rows numbered by position', async () => {
    const sale = await draftSale()
    const lots = [
      { number: '3', title: 'Three', startingPrice: '5.00' },
      { number: '1', title: 'Taken', startingPrice: '5.00' },
    ]
    const refused = await owner.api.call('lots:import', { saleId: sale.id, lots })
    expect(!refused.ok && refused.error.code).toBe('INVALID_CATALOGUE')
    expect(!refused.ok && refused.error.rows?.map((row) => row.line)).toEqual([2])
    const imported = await owner.api.call('lots:import', {
      saleId: sale.id,
      lots: [lots[0] as (typeof lots)[number]],
      requestId: requestId(),
    })
    expect(imported.ok && imported.lots.map((lot) => lot.number)).toEqual(['3'])
  })

  it('a failed watch of an unknown sale leaves no subscription', async () => {
    const a = await clerk()
    const answer = await a.api.call('sales:watch', { saleId: 'no-such-sale-x1' })
    expect(!answer.ok && answer.error.code).toBe('SALE_NOT_FOUND')
    expect(await subscribers(saleChannel('no-such-sale-x1'))).toBe(0)
    a.close()
  })
})

describe('sale relay', () => {
  it('a sale watch hears every event, a lot watch its lot only, on one subscription', async () => {
    const sale = await draftSale()
    const channel = saleChannel(sale.id)
    const [saleWatcher, lotWatcher, bystander] = await Promise.all([clerk(), clerk(), clerk()])
    const watched = await saleWatcher.api.call('sales:watch', { saleId: sale.id })
    expect(watched.ok && watched.lots.map((lot) => lot.number)).toEqual(['1', '2'])
    const lotOne = `${sale.id}.1`
    const lotTwo = watched.ok ? (watched.lots[1]?.id as string) : ''
    expect(await subscribers(channel)).toBe(1)

    const started = await owner.api.call('sales:start', { saleId: sale.id })
    expect(started.ok).toBe(true)
    await lotWatcher.api.call('auctions:watch', { auctionId: lotTwo })
    expect(await subscribers(channel)).toBe(1)
    expect(server.service.relayChannels()).toContain(channel)

    for (const [lotId, amount] of [
      [lotOne, '10.00'],
      [lotTwo, '12.00'],
    ] as const) {
      const bid = await saleWatcher.api.call('bids:place', {
        auctionId: lotId,
        bidderId: 'paddle-7',
        amount,
        requestId: requestId(),
      })
      expect(bid.ok).toBe(true)
    }
    const heard = await saleWatcher.waitFor('sale:events', (batch) =>
      batch.some((e) => isLotEvent(e) && e.type === 'bid_placed' && e.auctionId === lotTwo),
    )
    expect(heard.length).toBeGreaterThan(0)
    const saleEvents = saleWatcher.saleEvents().filter((e) => e.saleId === sale.id)
    const seqs = saleEvents.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(saleEvents.some((e) => e.type === 'sale_started')).toBe(true)
    expect(saleEvents.filter((e) => e.type === 'bid_placed')).toHaveLength(2)

    await lotWatcher.waitFor('auction:events', (batch) =>
      batch.some((e) => e.type === 'bid_placed' && e.auctionId === lotTwo),
    )
    const lotBids = lotWatcher.events().filter((e) => e.type === 'bid_placed')
    expect(lotBids.map((e) => e.auctionId)).toEqual([lotTwo])
    expect(bystander.events().some((e) => e.type === 'bid_placed')).toBe(false)
    // The sales list channel reaches everyone: sale-level events only.
    await bystander.waitFor('sale:events', (batch) =>
      batch.some((e) => e.saleId === sale.id && e.type === 'sale_started'),
    )
    expect(bystander.saleEvents().some((e) => isLotEvent(e))).toBe(false)

    await saleWatcher.api.call('sales:unwatch', { saleId: sale.id })
    expect(await subscribers(channel)).toBe(1) // the lot watch still holds it
    lotWatcher.close()
    await vi.waitFor(async () => expect(await subscribers(channel)).toBe(0), { timeout: 5000 })
    saleWatcher.close()
    bystander.close()
  })
})
