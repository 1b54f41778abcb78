// Shared helpers for the engine tests: engines on the run's Redis or on a private one,
// full snapshots of an auction, and an event log fed by a real subscriber connection.
import { expect } from 'vitest'
import type { Redis } from 'ioredis'
import type { RedisClient } from '../../src/main/engine'
import {
  AuctionEngine,
  auctionKeys,
  connectRedisServer,
  isCluster,
  openEventFeed,
} from '../../src/main/engine'
import type { EventFeed } from '../../src/main/engine'
import type { Actor, Auction, AuctionEvent, BidAccepted } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { redisUrl, uniqueId } from '../support/engine'
import { startRedis, type RedisProcess } from '../support/redis-server'

export { liveAuction, openEngine, redisUrl, uniqueId } from '../support/engine'

export const staff = (id = 'clerk-1'): Actor => ({ id, staff: true })
export const person = (id: string): Actor => ({ id, staff: false })

/** A redis-server of its own, for tests that must not share the index with a scheduler. */
export async function privateRedis(): Promise<{
  server: RedisProcess
  redis: Redis
  engine: AuctionEngine
  url: string
  close: () => Promise<void>
}> {
  const server = await startRedis()
  const redis = await connectRedisServer({ url: server.url })
  return {
    server,
    redis,
    engine: new AuctionEngine(redis),
    url: server.url,
    close: async () => {
      redis.disconnect()
      await server.stop()
    },
  }
}

/**
 * Every key matching `pattern`, on one server or on a cluster: a cluster answers KEYS/SCAN for
 * one node only, so each master is scanned and the answers joined.
 */
export async function keysMatching(redis: RedisClient, pattern: string): Promise<string[]> {
  const servers: Redis[] = isCluster(redis) ? redis.nodes('master') : [redis]
  const keys: string[] = []
  for (const server of servers) {
    let cursor = '0'
    do {
      const [next, found] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
      keys.push(...found)
      cursor = next
    } while (cursor !== '0')
  }
  // SCAN may answer a key twice; each key once.
  return [...new Set(keys)].sort()
}

/** The answer must be an accepted bid; fails the test with the error otherwise. */
export function accepted(answer: BidAccepted | Failure): BidAccepted {
  if (!answer.ok) expect.fail(`bid rejected: ${JSON.stringify(answer.error)}`)
  return answer
}

/** The answer must be a rejection; answers its error. */
export function rejected(answer: { ok: boolean } | Failure): Failure['error'] {
  if (answer.ok) expect.fail(`expected a rejection, got ${JSON.stringify(answer)}`)
  return (answer as Failure).error
}

/** The auction as its seller sees it (reserve included). */
export async function auctionOf(engine: AuctionEngine, id: string): Promise<Auction> {
  const result = await engine.getAuction(id)
  if (!result.ok) expect.fail(`getAuction failed: ${JSON.stringify(result.error)}`)
  return result.auction
}

/** Everything stored for one auction, raw and decoded, to compare before/after. */
export async function snapshot(engine: AuctionEngine, id: string): Promise<unknown> {
  const redis = engine.redis as RedisClient
  const keys = auctionKeys(id)
  const [hash, bids, requests, auction, history] = await Promise.all([
    redis.hgetall(keys.auction),
    redis.lrange(keys.bids, 0, -1),
    redis.hgetall(keys.requests),
    engine.getAuction(id),
    engine.history(id, { limit: 1000 }),
  ])
  return { hash, bids, requests, auction, history }
}

export interface EventLog {
  events: AuctionEvent[]
  /** The payloads exactly as published. */
  raw: string[]
  /** Waits until the log holds an event matching `match`; answers it. */
  waitFor(match: (event: AuctionEvent) => boolean, timeoutMs?: number): Promise<AuctionEvent>
  close(): Promise<void>
}

/** Subscribes to auctions' channels (and optionally the list channel) on `url`. */
export async function eventLog(
  options: { url?: string; auctions?: string[]; channels?: string[] } = {},
): Promise<EventLog & { feed: EventFeed }> {
  const events: AuctionEvent[] = []
  const raw: string[] = []
  const feed = await openEventFeed({ url: options.url ?? redisUrl() }, (event) => {
    events.push(event)
  })
  feed.client.on('message', (_channel: string, payload: string) => raw.push(payload))
  for (const id of options.auctions ?? []) await feed.watch(id)
  for (const channel of options.channels ?? []) await feed.watchChannel(channel)
  return {
    feed,
    events,
    raw,
    async waitFor(match, timeoutMs = 10_000) {
      let found: AuctionEvent | undefined
      await expect
        .poll(() => (found = events.find(match)), { timeout: timeoutMs, interval: 10 })
        .toBeDefined()
      return found as AuctionEvent
    },
    close: () => feed.close(),
  }
}

/** A fresh bidder id. */
export const bidderId = (name = 'bidder'): string => uniqueId(name)
