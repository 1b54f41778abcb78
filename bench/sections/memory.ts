// Section 5: Redis memory per stored bid and per auction, from INFO used_memory deltas and
// from MEMORY USAGE of the keys themselves (which leaves out allocator and keyspace overhead).
import type { Redis } from 'ioredis'
import { counterBids, placeBid } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { createAuctions } from '../lib/fixtures'
import { sleep } from '../lib/stats'

export interface MemoryUse {
  auctions: number
  bidsPerAuction: number
  bidsPlaced: number
  /** History entries stored (manual and automatic). */
  storedBids: number
  rejected: number
  /** INFO used_memory delta ÷ stored bids (÷ auctions); null when the server is shared. */
  bytesPerBid: number | null
  bytesPerAuction: number | null
  /** MEMORY USAGE per key kind, summed over the run's keys, in bytes. */
  keys: {
    auctionHashes: number
    bidHistories: number
    requestHashes: number
    bidderIndices: number
    globalIndices: number
  }
  /** (histories + request ids + bidder index entries) ÷ stored bids. */
  keyBytesPerBid: number
  /** (auction hash + its history of zero bids + index entries) ÷ auctions, before bidding. */
  keyBytesPerAuction: number
}

const usedMemory = async (redis: Redis): Promise<number> => {
  await sleep(200) // let client buffers from the last burst drain
  const info = await redis.info('memory')
  return Number(/used_memory:(\d+)/.exec(info)?.[1])
}

async function usage(redis: Redis, keys: string[]): Promise<number> {
  const pipeline = redis.pipeline()
  for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', '0')
  const replies = (await pipeline.exec()) ?? []
  return replies.reduce((sum, [, bytes]) => sum + Number(bytes ?? 0), 0)
}

export async function memoryUse(ctx: BenchContext, count: number): Promise<MemoryUse> {
  const total = ctx.sizes.memoryBids
  const base = ctx.exclusive ? await usedMemory(ctx.redis) : 0
  const ids = await createAuctions(ctx.engine, count)
  const afterCreate = ctx.exclusive ? await usedMemory(ctx.redis) : 0
  const globalKeys = [
    'auctions:all',
    'auctions:ending',
    'auctions:status:active',
    'seller:bench-seller:auctions',
  ]
  const auctionKeyBytes =
    (await usage(
      ctx.redis,
      ids.map((id) => `auction:{${id}}`),
    )) + (await usage(ctx.redis, globalKeys))

  // Round-robin over the auctions, 64 bids in flight, each bid one cent above the last.
  const bids = counterBids(count)
  let sent = 0
  let rejected = 0
  const worker = async (): Promise<void> => {
    while (sent < total) {
      const index = sent++ % count
      const outcome = await placeBid(ctx.engine, ids[index] as string, bids.next(index))
      if (!outcome.ok) rejected++
    }
  }
  await Promise.all(Array.from({ length: 64 }, worker))
  const afterBids = ctx.exclusive ? await usedMemory(ctx.redis) : 0

  const lengths = await Promise.all(ids.map((id) => ctx.redis.llen(`auction:{${id}}:bids`)))
  const storedBids = lengths.reduce((a, b) => a + b, 0)
  const bidderKeys = Array.from({ length: 16 }, (_, i) => `bidder:bidder-${i}:auctions`)
  const keys = {
    auctionHashes: await usage(
      ctx.redis,
      ids.map((id) => `auction:{${id}}`),
    ),
    bidHistories: await usage(
      ctx.redis,
      ids.map((id) => `auction:{${id}}:bids`),
    ),
    requestHashes: await usage(
      ctx.redis,
      ids.map((id) => `auction:{${id}}:requests`),
    ),
    bidderIndices: await usage(ctx.redis, bidderKeys),
    globalIndices: await usage(ctx.redis, globalKeys),
  }
  const result: MemoryUse = {
    auctions: count,
    bidsPerAuction: Math.round(total / count),
    bidsPlaced: total,
    storedBids,
    rejected,
    bytesPerBid: ctx.exclusive ? Math.round((afterBids - afterCreate) / storedBids) : null,
    // A few auctions move used_memory less than its own noise (buffers, lazy frees).
    bytesPerAuction:
      ctx.exclusive && count >= 100 ? Math.round((afterCreate - base) / count) : null,
    keys,
    keyBytesPerBid: Math.round(
      (keys.bidHistories + keys.requestHashes + keys.bidderIndices) / storedBids,
    ),
    keyBytesPerAuction: Math.round(auctionKeyBytes / count),
  }
  ctx.log(
    `memory, ${count} auctions: ${result.bytesPerBid ?? '-'} B per bid (keys ${result.keyBytesPerBid} B), ` +
      `${result.bytesPerAuction ?? '-'} B per auction (keys ${result.keyBytesPerAuction} B)`,
  )
  return result
}
