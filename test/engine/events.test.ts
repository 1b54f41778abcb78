// Events: published from inside the scripts, so their order is the state order; seq rises
// by exactly 1; max_raised carries no amount; no event holds a reserve or a leader's maximum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { AuctionEngine as Engine, connectRedis } from '../../src/main/engine'
import { AUCTION_LIST_CHANNEL, type AuctionEvent, type BidEntry } from '../../src/shared/domain'
import {
  accepted,
  auctionOf,
  bidderId,
  eventLog,
  liveAuction,
  openEngine,
  redisUrl,
  staff,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** Every key anywhere in a JSON value. */
const keysOf = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
    : []

describe('event stream of one auction', () => {
  it('types, seq +1, and the state each event carries', async () => {
    const list = await eventLog({ channels: [AUCTION_LIST_CHANNEL] })
    const lot = await liveAuction(engine, {
      start: false,
      durationMs: 60_000,
      softCloseSeconds: 3600,
      reservePrice: '43.21',
    })
    const log = await eventLog({ auctions: [lot.id] })
    try {
      const created = await list.waitFor((e) => e.auctionId === lot.id)
      expect(created).toMatchObject({
        type: 'auction_created',
        seq: 1,
        status: 'draft',
        sellerId: lot.sellerId,
        title: 'Test lot',
        currency: 'USD',
      })
      await engine.startAuction(lot.id, staff())
      const [alice, bob] = [bidderId('alice'), bidderId('bob')]
      accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1050, max: 2000 }),
      )
      accepted(
        await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1150, max: 3999 }),
      )
      accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: 1200, max: 1500 }))
      await engine.endAuction(lot.id, staff())
      const final = await auctionOf(engine, lot.id)
      await log.waitFor((e) => e.type === 'auction_ended')

      expect(log.events.map((e) => e.type)).toEqual([
        'auction_started',
        'bid_placed',
        'auction_extended',
        'max_raised',
        'bid_placed',
        'auction_extended',
        'auction_ended',
      ])
      expect(log.events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8])
      expect(final.seq).toBe(8)
      for (const event of log.events) expect(event.auctionId).toBe(lot.id)

      const [started, firstBid, , raised, outbid, , ended] = log.events as AuctionEvent[]
      expect(started).toMatchObject({ status: 'active', price: 1000, leaderId: null, bidCount: 0 })
      expect(firstBid).toMatchObject({
        price: 1050,
        leaderId: alice,
        bidCount: 1,
        askingPrice: 1150,
      })
      expect(firstBid?.type === 'bid_placed' && firstBid.bids).toEqual([
        expect.objectContaining({ id: 1, bidderId: alice, amount: 1050, seq: 3 }),
      ])
      expect(raised).toMatchObject({ price: 1050, leaderId: alice, bidCount: 1, bids: [] })
      expect(raised).not.toHaveProperty('bidderId')
      expect(outbid).toMatchObject({ price: 1600, leaderId: alice, bidCount: 3, reserveMet: false })
      expect(ended).toMatchObject({
        status: 'ended',
        result: { winnerId: null, finalPrice: 1600, reserveMet: false },
      })

      // The list channel gets status changes only.
      await list.waitFor((e) => e.auctionId === lot.id && e.type === 'auction_ended')
      expect(list.events.filter((e) => e.auctionId === lot.id).map((e) => e.type)).toEqual([
        'auction_created',
        'auction_started',
        'auction_ended',
      ])

      // Neither the reserve (43.21) nor the leader's maximum (39.99) is in any payload.
      for (const payload of [...log.raw, ...list.raw.filter((p) => p.includes(lot.id))]) {
        expect(payload).not.toMatch(/(?<!\d)(4321|3999)(?!\d)/)
        expect(keysOf(JSON.parse(payload))).not.toEqual(
          expect.arrayContaining([expect.stringMatching(/reserve(Price)?$|max/i)]),
        )
      }
    } finally {
      await log.close()
      await list.close()
    }
  })

  it('cancel is announced on both channels', async () => {
    const list = await eventLog({ channels: [AUCTION_LIST_CHANNEL] })
    const lot = await liveAuction(engine)
    const log = await eventLog({ auctions: [lot.id] })
    try {
      await engine.cancelAuction(lot.id, staff())
      const cancelled = await log.waitFor((e) => e.type === 'auction_cancelled')
      expect(cancelled).toMatchObject({ seq: 3, status: 'cancelled' })
      await list.waitFor((e) => e.auctionId === lot.id && e.type === 'auction_cancelled')
    } finally {
      await log.close()
      await list.close()
    }
  })
})

describe('event order is state order under concurrent bidding', () => {
  it('seq has no gaps and the bids in the events are the history, in order', async () => {
    const lot = await liveAuction(engine)
    const log = await eventLog({ auctions: [lot.id] })
    const clients = await Promise.all(
      Array.from({ length: 8 }, () => connectRedis({ url: redisUrl() })),
    )
    try {
      const bidders = clients.map((_, i) => bidderId(`c${i}`))
      await Promise.all(
        clients.map(async (client, i) => {
          const own = new Engine(client)
          let amount = 1000
          for (let round = 0; round < 12; round++) {
            const answer = await own.placeBid({
              auctionId: lot.id,
              bidderId: bidders[i] as string,
              amount,
              max: round % 3 === 0 ? amount + 700 : undefined,
            })
            amount = answer.ok
              ? answer.askingPrice + 100 * (i % 3)
              : (answer.error.minimumBid ?? amount + 100)
          }
        }),
      )
      const final = await auctionOf(engine, lot.id)
      await log.waitFor((e) => e.seq === final.seq)
      expect(log.events.map((e) => e.seq)).toEqual(
        Array.from({ length: log.events.length }, (_, i) => lot.seq + 1 + i),
      )
      const history = await engine.history(lot.id, { limit: 1000 })
      if (!history.ok) expect.fail(history.error.code)
      const fromEvents = log.events.flatMap((e) =>
        e.type === 'bid_placed' || e.type === 'max_raised' ? (e.bids ?? []) : [],
      ) as BidEntry[]
      expect(fromEvents).toEqual(history.bids.slice().reverse())
      let bidCount = 0
      for (const event of log.events) {
        expect(event.bidCount).toBeGreaterThanOrEqual(bidCount)
        bidCount = event.bidCount
      }
      expect(bidCount).toBe(final.bidCount)
    } finally {
      await log.close()
      await Promise.all(clients.map((c) => c.quit()))
    }
  })
})
