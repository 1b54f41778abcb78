// The live relay end to end: events of watched auctions reach every watching tab with
// their seq untouched, list events reach everyone, subscriptions are reference-counted on
// the one subscriber connection, and viewer counts are pushed when they change.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EventBatcher } from '../../src/main/relay'
import { AUCTION_LIST_CHANNEL, auctionChannel, type AuctionEvent } from '../../src/shared/domain'
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

beforeAll(async () => {
  ;({ server, redis, owner } = await startSellerConsole())
})
afterAll(() => stopSellerConsole({ server, redis, owner }))

const subscribers = async (channel: string): Promise<number> => {
  const reply = (await redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number]
  return Number(reply[1])
}

/** Polls Redis until the channel has `count` subscribers (a session close is async). */
async function expectSubscribers(channel: string, count: number): Promise<void> {
  await vi.waitFor(async () => expect(await subscribers(channel)).toBe(count), {
    timeout: 5000,
    interval: 20,
  })
}

async function clerk(): Promise<TestClient> {
  const client = await connectClient(server)
  await signIn(client.api, staff())
  return client
}

describe('relay', () => {
  it('relays a bid to two watching tabs, seq untouched', async () => {
    const auction = await createLive(owner)
    const [a, b] = await Promise.all([clerk(), clerk()])
    for (const client of [a, b]) {
      const watched = await client.api.call('auctions:watch', { auctionId: auction.id })
      expect(watched.ok && watched.auction.seq).toBe(auction.seq)
    }
    const bid = await a.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'paddle-9',
      amount: '10.00',
      requestId: requestId(),
    })
    expect(bid.ok).toBe(true)
    for (const client of [a, b]) {
      const events = await client.waitFor('auction:events', (batch) =>
        batch.some((e) => e.auctionId === auction.id && e.type === 'bid_placed'),
      )
      const placed = events.find((e) => e.type === 'bid_placed') as AuctionEvent
      expect(placed.seq).toBe(auction.seq + 1)
      expect(placed.price).toBe(1000)
      expect(placed.leaderId).toBe('paddle-9')
    }
    a.close()
    b.close()
  })

  it('sends list events to every tab, auction events only to watchers', async () => {
    const auction = await createLive(owner)
    const [watcher, bystander] = await Promise.all([clerk(), clerk()])
    await watcher.api.call('auctions:watch', { auctionId: auction.id })
    await watcher.api.call('bids:place', {
      auctionId: auction.id,
      bidderId: 'p1',
      amount: '10.00',
      requestId: requestId(),
    })
    await owner.api.call('auctions:end', { auctionId: auction.id })
    // Both hear the list-level auction_ended; only the watcher heard the bid.
    for (const client of [watcher, bystander]) {
      await client.waitFor('auction:events', (batch) =>
        batch.some((e) => e.auctionId === auction.id && e.type === 'auction_ended'),
      )
    }
    const mine = (client: TestClient) => client.events().filter((e) => e.auctionId === auction.id)
    expect(mine(watcher).some((e) => e.type === 'bid_placed')).toBe(true)
    expect(mine(bystander).some((e) => e.type === 'bid_placed')).toBe(false)
    // The watcher hears auction_ended on two channels but gets it once per batch.
    const ended = mine(watcher).filter((e) => e.type === 'auction_ended')
    expect(new Set(ended.map((e) => e.seq)).size).toBe(ended.length)
    watcher.close()
    bystander.close()
  })

  it('a watcher gets a lot event once, however late its list-channel copy comes', async () => {
    const auction = await createLive(owner)
    const [watcher, bystander] = await Promise.all([clerk(), clerk()])
    await watcher.api.call('auctions:watch', { auctionId: auction.id })
    await owner.api.call('auctions:end', { auctionId: auction.id })
    const ended = await watcher.waitFor('auction:events', (batch) =>
      batch.some((e) => e.auctionId === auction.id && e.type === 'auction_ended'),
    )
    const event = ended.find((e) => e.auctionId === auction.id && e.type === 'auction_ended')
    // The list copy well after the batch window, as on a cluster, where the two channels
    // come over different connections.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const since = bystander.pushes.length
    await redis.publish(AUCTION_LIST_CHANNEL, JSON.stringify(event))
    await bystander.waitFor(
      'auction:events',
      (batch) => batch.some((e) => e.auctionId === auction.id && e.type === 'auction_ended'),
      since,
    )
    const copies = watcher
      .events()
      .filter((e) => e.auctionId === auction.id && e.seq === event?.seq)
    expect(copies).toHaveLength(1)
    watcher.close()
    bystander.close()
  })

  it('reference-counts subscriptions across tabs on one subscriber connection', async () => {
    const auction = await createLive(owner)
    const channel = auctionChannel(auction.id)
    const [a, b] = await Promise.all([clerk(), clerk()])
    expect(await subscribers(channel)).toBe(0)
    await a.api.call('auctions:watch', { auctionId: auction.id })
    expect(await subscribers(channel)).toBe(1)
    await b.api.call('auctions:watch', { auctionId: auction.id })
    await a.api.call('auctions:watch', { auctionId: auction.id })
    expect(await subscribers(channel)).toBe(1)
    expect(server.service.relayChannels()).toContain(channel)
    await a.api.call('auctions:unwatch', { auctionId: auction.id })
    expect(await subscribers(channel)).toBe(1)
    await b.api.call('auctions:unwatch', { auctionId: auction.id })
    expect(await subscribers(channel)).toBe(0)
    expect(server.service.relayChannels()).not.toContain(channel)
    // Closing a tab drops its watches.
    await a.api.call('auctions:watch', { auctionId: auction.id })
    expect(await subscribers(channel)).toBe(1)
    a.close()
    await expectSubscribers(channel, 0)
    b.close()
  })

  it('a failed watch of an unknown auction leaves no subscription', async () => {
    const a = await clerk()
    const answer = await a.api.call('auctions:watch', { auctionId: 'no-such-auction-x1' })
    expect(!answer.ok && answer.error.code).toBe('AUCTION_NOT_FOUND')
    expect(await subscribers(auctionChannel('no-such-auction-x1'))).toBe(0)
    a.close()
  })

  it('pushes the viewer count when it changes; presence:false does not count', async () => {
    const auction = await createLive(owner)
    const [a, b, listOnly] = await Promise.all([clerk(), clerk(), clerk()])
    const first = await a.api.call('auctions:watch', { auctionId: auction.id })
    expect(first.ok && first.viewers).toBe(1)
    const row = await listOnly.api.call('auctions:watch', {
      auctionId: auction.id,
      presence: false,
    })
    expect(row.ok && row.viewers).toBe(1)
    const second = await b.api.call('auctions:watch', { auctionId: auction.id })
    expect(second.ok && second.viewers).toBe(2)
    const match = (n: number) => (p: { auctionId: string; viewers: number }) =>
      p.auctionId === auction.id && p.viewers === n
    await a.waitFor('auction:viewers', match(2))
    await listOnly.waitFor('auction:viewers', match(2))
    b.close()
    await a.waitFor('auction:viewers', match(1))
    for (const client of [a, listOnly]) client.close()
  })
})

describe('batching', () => {
  const event = (seq: number): AuctionEvent =>
    ({ type: 'auction_started', auctionId: 'A1', seq }) as AuctionEvent

  it('sends at most one push per window, in order, once per event', () => {
    vi.useFakeTimers()
    try {
      const sent: number[][] = []
      const batcher = new EventBatcher(
        (events) => sent.push(events.map((e) => e.seq)),
        16,
        () => Date.now(),
      )
      // A quiet auction: the first event goes on the next tick, with its same-tick fellows.
      batcher.add(event(1))
      batcher.add(event(1))
      batcher.add(event(2))
      expect(sent).toEqual([])
      vi.advanceTimersByTime(0)
      expect(sent).toEqual([[1, 2]])
      // A burst right after: held until one window after the last push, then one push.
      vi.advanceTimersByTime(5)
      for (const seq of [3, 4, 5]) batcher.add(event(seq))
      vi.advanceTimersByTime(10)
      expect(sent).toHaveLength(1)
      vi.advanceTimersByTime(1)
      expect(sent).toEqual([
        [1, 2],
        [3, 4, 5],
      ])
      // flush() sends at once (before a snapshot), and nothing is sent twice.
      batcher.add(event(6))
      batcher.flush()
      vi.advanceTimersByTime(100)
      expect(sent).toEqual([[1, 2], [3, 4, 5], [6]])
      batcher.close()
    } finally {
      vi.useRealTimers()
    }
  })

  it('with a window of 0, sends what one turn queued as one push, right after that turn', async () => {
    const sent: number[][] = []
    const batcher = new EventBatcher((events) => sent.push(events.map((e) => e.seq)), 0)
    const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
    for (const seq of [1, 1, 2, 3]) batcher.add(event(seq))
    expect(sent).toEqual([])
    await nextTurn()
    expect(sent).toEqual([[1, 2, 3]])
    batcher.add(event(4))
    await nextTurn()
    expect(sent).toEqual([[1, 2, 3], [4]])
    batcher.close()
  })
})
