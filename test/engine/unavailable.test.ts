// Redis down: a write fails with REDIS_UNAVAILABLE instead of waiting in a queue, nothing
// changes, and after a restart the same requestId goes through exactly once.
import { describe, expect, it } from 'vitest'
import { AuctionEngine, connectRedis } from '../../src/main/engine'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { accepted, bidderId, liveAuction, rejected, snapshot, staff } from './fixtures'

describe('REDIS_UNAVAILABLE', () => {
  it('fails fast while Redis is down; the retry with the same requestId works once', async () => {
    const servers: RedisProcess[] = [await startRedis()]
    const first = servers[0] as RedisProcess
    // A command timeout far beyond the test's own: a write that waited for Redis instead
    // of failing at once would time the test out rather than pass.
    const redis = await connectRedis({ url: first.url, commandTimeoutMs: 120_000 })
    try {
      const engine = new AuctionEngine(redis)
      const lot = await liveAuction(engine)
      const [alice, bob] = [bidderId('alice'), bidderId('bob')]
      accepted(await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1000 }))
      const before = await snapshot(engine, lot.id)

      await first.stop({ keepData: true })
      const bid = { auctionId: lot.id, bidderId: bob, amount: '11.00', requestId: 'retry-me' }
      expect(rejected(await engine.placeBid(bid)).code).toBe('REDIS_UNAVAILABLE')
      expect(rejected(await engine.placeBid(bid)).code).toBe('REDIS_UNAVAILABLE')
      expect(rejected(await engine.endAuction(lot.id, staff())).code).toBe('REDIS_UNAVAILABLE')
      expect(rejected(await engine.getAuction(lot.id)).code).toBe('REDIS_UNAVAILABLE')
      const create = await engine.createAuction({
        title: 'while down',
        sellerId: 'seller-x',
        startingPrice: 100,
        increment: 10,
        durationMs: 60_000,
      })
      expect(rejected(create).code).toBe('REDIS_UNAVAILABLE')

      servers.push(await startRedis({ dir: first.dir, port: first.port }))
      await expect.poll(() => redis.status, { timeout: 15_000 }).toBe('ready')
      expect(await snapshot(engine, lot.id)).toEqual(before)

      const retried = accepted(await engine.placeBid(bid))
      expect(retried).toMatchObject({ duplicate: false, bidId: 2, price: 1100, leaderId: bob })
      expect(await engine.placeBid(bid)).toEqual({ ...retried, duplicate: true })
      const history = await engine.history(lot.id)
      expect(history.ok && history.total).toBe(2)
    } finally {
      redis.disconnect()
      for (const server of servers.reverse()) await server.stop()
    }
  })
})
