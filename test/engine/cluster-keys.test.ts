// Cluster readiness: every key a sale's scripts touch carries the sale's hash tag {<id>},
// and one script call touches one sale only. Watched with MONITOR on a Redis of its own.
import { describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { AuctionEngine } from '../../src/main/engine'
import { accepted, bidderId, liveAuction, privateRedis, staff } from './fixtures'

const KEYED = new Set([
  'hmget',
  'hget',
  'hset',
  'hdel',
  'hexists',
  'hgetall',
  'rpush',
  'exists',
  'llen',
  'lrange',
  'zadd',
  'zrem',
  'zcard',
  'zrange',
  'del',
])
const LIST_CHANNELS = new Set(['auctions:events', 'sales:events'])

describe('hash tags', () => {
  it('scripts touch only {id}-tagged keys of one sale; SCAN finds no untagged key of it', async () => {
    const own = await privateRedis()
    const monitor: Redis = await own.redis.monitor()
    // Each script call from the client, with the commands the script ran inside Redis.
    const calls: { script: string[]; inside: string[][] }[] = []
    let sawMarker = false
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      const name = (args[0] ?? '').toLowerCase()
      if (name === 'echo' && args[1] === 'end-of-test') sawMarker = true
      else if (source === 'lua') calls[calls.length - 1]?.inside.push(args)
      else if (name === 'evalsha' || name === 'eval' || name === 'fcall')
        calls.push({ script: args, inside: [] })
    })
    try {
      const engine = new AuctionEngine(own.redis)
      const lot = await liveAuction(engine, { reservePrice: 3000, softCloseSeconds: 3600 })
      const other = await liveAuction(engine, { start: false })
      const [alice, bob] = [bidderId('alice'), bidderId('bob')]
      accepted(
        await engine.placeBid({
          auctionId: lot.id,
          bidderId: alice,
          amount: 1000,
          max: 2000,
          requestId: 'a1',
        }),
      )
      accepted(
        await engine.placeBid({
          auctionId: lot.id,
          bidderId: bob,
          amount: 1100,
          max: 4000,
          requestId: 'b1',
        }),
      )
      await engine.placeBid({ auctionId: lot.id, bidderId: bob, amount: 1100, requestId: 'b1' })
      await engine.placeBid({ auctionId: lot.id, bidderId: alice, amount: 1, requestId: 'low' })
      await engine.startAuction(other.id, staff())
      await engine.endAuction(lot.id, staff())
      await engine.cancelAuction(other.id, staff())
      await engine.history(lot.id)
      // MONITOR is asynchronous: a final marker shows everything before it has arrived.
      await own.redis.echo('end-of-test')
      await expect.poll(() => sawMarker).toBe(true)
      // 2 creates, 4 bids, start, end, cancel.
      expect(calls).toHaveLength(9)

      const ids = [lot.id, other.id]
      for (const call of calls) {
        const tags = new Set<string>()
        for (const args of call.inside) {
          const name = (args[0] ?? '').toLowerCase()
          if (KEYED.has(name)) tags.add(args[1] ?? '')
          if (name === 'publish' && !LIST_CHANNELS.has(args[1] ?? '')) tags.add(args[1] ?? '')
        }
        const touched = ids.filter((id) => [...tags].some((key) => key.includes(`{${id}}`)))
        expect(touched, `one auction per script call: ${[...tags].join(' ')}`).toHaveLength(1)
        for (const key of tags) expect(key).toContain(`{${touched[0]}}`)
        // Declared keys (numkeys, then keys) are tagged the same way.
        const numKeys = Number(call.script[2])
        for (const key of call.script.slice(3, 3 + numKeys))
          expect(key).toContain(`{${touched[0]}}`)
      }

      const keys: string[] = []
      let cursor = '0'
      do {
        const [next, batch] = await own.redis.scan(cursor, 'COUNT', 1000)
        cursor = next
        keys.push(...batch)
      } while (cursor !== '0')
      // Global registries name sales in their members, never in their key names.
      for (const id of ids) {
        for (const key of keys.filter((k) => k.includes(id))) expect(key).toContain(`{${id}}`)
      }
      const lotKeys = keys.filter((k) => k.includes(`{${lot.id}}`))
      expect(lotKeys).toEqual(
        expect.arrayContaining([
          `sale:{${lot.id}}`,
          `lot:{${lot.id}}:${lot.id}`,
          `lot:{${lot.id}}:${lot.id}:bids`,
          `lot:{${lot.id}}:${lot.id}:requests`,
        ]),
      )
    } finally {
      monitor.disconnect()
      await own.close()
    }
  })
})
