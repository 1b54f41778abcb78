// Viewer counts across machines: two console processes (two web servers, two services)
// share one Redis; counts are pushed when they change, and a console that vanished
// without leaving drops out once its heartbeat expires.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRedis } from '../../src/main/engine'
import { viewersKey } from '../../src/main/presence'
import { redisUrl } from '../support/engine'
import {
  connectClient,
  createLive,
  seller,
  signIn,
  staff,
  startConsole,
  type TestConsole,
} from './support'

let here: TestConsole
let there: TestConsole
let redis: RedisClient

beforeAll(async () => {
  ;[here, there] = await Promise.all([
    startConsole({
      redisUrl: redisUrl(),
      serviceOptions: { presence: { heartbeatMs: 200, ttlMs: 1000 } },
    }),
    startConsole({ redisUrl: redisUrl() }),
  ])
  redis = await connectRedis({ url: redisUrl() })
})
afterAll(async () => {
  await Promise.all([here.stop(), there.stop()])
  await redis.quit()
})

describe('presence', () => {
  it('counts viewers across consoles and prunes one that vanished', async () => {
    const owner = await connectClient(here)
    await signIn(owner.api, seller())
    const auction = await createLive(owner)
    const local = await connectClient(here)
    const remote = await connectClient(there)
    for (const client of [local, remote]) await signIn(client.api, staff())
    const viewers = (n: number) => (p: { auctionId: string; viewers: number }) =>
      p.auctionId === auction.id && p.viewers === n

    const first = await local.api.call('auctions:watch', { auctionId: auction.id })
    expect(first.ok && first.viewers).toBe(1)
    const second = await remote.api.call('auctions:watch', { auctionId: auction.id })
    expect(second.ok && second.viewers).toBe(2)
    await local.waitFor('auction:viewers', viewers(2))

    // A console that died without leaving: a member whose expiry is near, never refreshed.
    const [seconds, micros] = await redis.time()
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
    await redis.zadd(viewersKey(auction.id), now + 300, 'crashed-console:tab')
    const mark = local.pushes.length
    await local.waitFor('auction:viewers', viewers(3), mark)
    await local.waitFor('auction:viewers', viewers(2), mark)

    remote.close()
    await local.waitFor('auction:viewers', viewers(1), mark)
    expect(await redis.zcard(viewersKey(auction.id))).toBe(1)
    local.close()
    owner.close()
  })
})
