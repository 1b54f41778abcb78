// Statuses and transitions: create → draft | scheduled | active; start, end and cancel by
// the seller or staff; the close result; closing is idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { AuctionEngine as Engine, connectRedis } from '../../src/main/engine'
import type { Actor } from '../../src/shared/domain'
import {
  accepted,
  auctionOf,
  bidderId,
  eventLog,
  liveAuction,
  openEngine,
  person,
  redisUrl,
  rejected,
  snapshot,
  staff,
  uniqueId,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const draft = (overrides = {}) => liveAuction(engine, { start: false, ...overrides })

describe('create', () => {
  it('gives a draft whose duration counts from its start', async () => {
    const lot = await draft()
    expect(lot).toMatchObject({
      status: 'draft',
      startsAt: null,
      endsAt: null,
      durationMs: 3_600_000,
      seq: 1,
      bidCount: 0,
      currency: 'USD',
      startingPrice: 1000,
      increment: 100,
      reservePrice: null,
      hasReserve: false,
      reserveMet: true,
      softCloseSeconds: 0,
    })
  })

  it('gives a scheduled auction when a start time is given', async () => {
    const startsAt = (await engine.serverTime()) + 3_600_000
    const lot = await draft({ startsAt, durationMs: undefined, endsAt: startsAt + 60_000 })
    expect(lot).toMatchObject({ status: 'scheduled', startsAt, endsAt: startsAt + 60_000 })
  })

  it('with start: active at once, ending a duration after the server’s now', async () => {
    const lot = await liveAuction(engine, { durationMs: 90_000 })
    expect(lot).toMatchObject({ status: 'active', seq: 2, durationMs: null })
    expect(lot.startsAt).toBe(lot.createdAt)
    expect(lot.endsAt).toBe(lot.createdAt + 90_000)
  })
})

describe('start', () => {
  it('draft → active by the seller; the duration starts now', async () => {
    const lot = await draft({ durationMs: 120_000 })
    const before = await engine.serverTime()
    const started = await engine.startAuction(lot.id, person(lot.sellerId))
    expect(started.ok && started.auction).toMatchObject({
      status: 'active',
      durationMs: null,
      seq: 2,
    })
    const { startsAt, endsAt } = await auctionOf(engine, lot.id)
    expect(startsAt).toBeGreaterThanOrEqual(before)
    expect(endsAt).toBe((startsAt as number) + 120_000)
  })

  it('scheduled → active by staff before its time', async () => {
    const startsAt = (await engine.serverTime()) + 3_600_000
    const lot = await draft({ startsAt })
    const started = await engine.startAuction(lot.id, staff())
    expect(started.ok && started.auction.status).toBe('active')
  })

  it('NOT_SELLER for anyone else, and nothing changes', async () => {
    const lot = await draft()
    const before = await snapshot(engine, lot.id)
    for (const actor of [person(bidderId()), person(`${lot.sellerId}x`)]) {
      expect(rejected(await engine.startAuction(lot.id, actor)).code).toBe('NOT_SELLER')
      expect(rejected(await engine.endAuction(lot.id, actor)).code).toBe('NOT_SELLER')
      expect(rejected(await engine.cancelAuction(lot.id, actor)).code).toBe('NOT_SELLER')
    }
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })

  it('INVALID_STATUS unless draft or scheduled', async () => {
    const active = await liveAuction(engine)
    const ended = await liveAuction(engine)
    await engine.endAuction(ended.id, staff())
    const cancelled = await draft()
    await engine.cancelAuction(cancelled.id, staff())
    for (const [lot, status] of [
      [active, 'active'],
      [ended, 'ended'],
      [cancelled, 'cancelled'],
    ] as const) {
      const before = await snapshot(engine, lot.id)
      expect(rejected(await engine.startAuction(lot.id, staff()))).toMatchObject({
        code: 'INVALID_STATUS',
        status,
      })
      expect(await snapshot(engine, lot.id)).toEqual(before)
    }
  })

  it('AUCTION_NOT_FOUND for an unknown auction, for every transition', async () => {
    const id = uniqueId('nope')
    for (const answer of [
      await engine.startAuction(id, staff()),
      await engine.endAuction(id, staff()),
      await engine.cancelAuction(id, staff()),
      await engine.getAuction(id),
    ]) {
      expect(rejected(answer).code).toBe('AUCTION_NOT_FOUND')
    }
  })
})

describe('end', () => {
  it('active → ended by the seller at any time; endsAt becomes the end moment', async () => {
    const lot = await liveAuction(engine)
    const ended = await engine.endAuction(lot.id, person(lot.sellerId))
    if (!ended.ok) expect.fail(ended.error.code)
    expect(ended.auction.status).toBe('ended')
    expect(ended.auction.endsAt).toBeLessThan(lot.endsAt as number)
    expect(ended.auction.endsAt).toBeGreaterThanOrEqual(lot.createdAt)
  })

  it('only an active auction can end (AUCTION_NOT_ACTIVE otherwise)', async () => {
    const lot = await draft()
    expect(rejected(await engine.endAuction(lot.id, staff()))).toMatchObject({
      code: 'AUCTION_NOT_ACTIVE',
      status: 'draft',
    })
    await engine.cancelAuction(lot.id, staff())
    expect(rejected(await engine.endAuction(lot.id, staff()))).toMatchObject({
      code: 'AUCTION_NOT_ACTIVE',
      status: 'cancelled',
    })
  })

  it('is idempotent: many concurrent ends publish exactly one auction_ended', async () => {
    const lot = await liveAuction(engine)
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: 1000 }))
    const log = await eventLog({ auctions: [lot.id] })
    const clients = await Promise.all(
      Array.from({ length: 4 }, () => connectRedis({ url: redisUrl() })),
    )
    try {
      const engines = clients.map((c) => new Engine(c))
      const actors: Actor[] = [staff(), person(lot.sellerId)]
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (engines[i % engines.length] as Engine).endAuction(lot.id, actors[i % 2] as Actor),
        ),
      )
      for (const answer of answers) expect(answer.ok && answer.auction.status).toBe('ended')
      const ended = await log.waitFor((e) => e.type === 'auction_ended')
      const auction = await auctionOf(engine, lot.id)
      // Every event bumps the stored seq: nothing was published after this one.
      expect(auction.seq).toBe(ended.seq)
      expect(log.events.filter((e) => e.type === 'auction_ended')).toHaveLength(1)
    } finally {
      await log.close()
      await Promise.all(clients.map((c) => c.quit()))
    }
  })
})

describe('cancel', () => {
  it('any status but ended → cancelled; cancelling twice changes nothing', async () => {
    const startsAt = (await engine.serverTime()) + 3_600_000
    for (const lot of [await draft(), await draft({ startsAt }), await liveAuction(engine)]) {
      const answer = await engine.cancelAuction(lot.id, person(lot.sellerId))
      expect(answer.ok && answer.auction.status).toBe('cancelled')
      const before = await snapshot(engine, lot.id)
      const again = await engine.cancelAuction(lot.id, staff())
      expect(again.ok && again.auction.status).toBe('cancelled')
      expect(await snapshot(engine, lot.id)).toEqual(before)
    }
  })

  it('an ended auction cannot be cancelled (INVALID_STATUS)', async () => {
    const lot = await liveAuction(engine)
    await engine.endAuction(lot.id, staff())
    const before = await snapshot(engine, lot.id)
    expect(rejected(await engine.cancelAuction(lot.id, staff()))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'ended',
    })
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })
})

describe('close result', () => {
  const endAndRead = async (id: string) => {
    const ended = await engine.endAuction(id, staff())
    if (!ended.ok) expect.fail(ended.error.code)
    return ended.auction
  }

  it('the leader wins at the current price when there is no reserve', async () => {
    const lot = await liveAuction(engine)
    const alice = bidderId('alice')
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, max: 5000 }))
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: 1200 }))
    const auction = await endAndRead(lot.id)
    expect(auction.result).toEqual({ winnerId: alice, finalPrice: 1300, reserveMet: true })
  })

  it('no winner when the reserve is not met; finalPrice is still P', async () => {
    const lot = await liveAuction(engine, { reservePrice: '50.00' })
    accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: 1000, max: 4000 }),
    )
    const auction = await endAndRead(lot.id)
    expect(auction.result).toEqual({ winnerId: null, finalPrice: 1000, reserveMet: false })
  })

  it('the leader wins when the reserve is met', async () => {
    const lot = await liveAuction(engine, { reservePrice: '50.00' })
    const alice = bidderId('alice')
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000, max: 6000 }))
    const auction = await endAndRead(lot.id)
    expect(auction.result).toEqual({ winnerId: alice, finalPrice: 5000, reserveMet: true })
  })

  it('no bids: no winner, finalPrice is the starting price', async () => {
    const plain = await endAndRead((await liveAuction(engine)).id)
    expect(plain.result).toEqual({ winnerId: null, finalPrice: 1000, reserveMet: true })
    const reserved = await endAndRead((await liveAuction(engine, { reservePrice: 2000 })).id)
    expect(reserved.result).toEqual({ winnerId: null, finalPrice: 1000, reserveMet: false })
  })
})
