// Section 6: Redis memory per stored bid and per lot, from INFO used_memory deltas and from
// MEMORY USAGE of the keys themselves (which leaves out allocator and keyspace overhead).
// Lots sit in timed sales of `lotsPerSale` lots; the last row is standalone auctions (a sale
// of one lot each). Keys are found by SCAN and sorted by what they hold, so a key the layout
// adds is counted without being named here.
import type { Redis } from 'ioredis'
import { lotKeys } from '../../src/main/engine'
import { counterBids, placeBid } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { allLots, createAuctions, createOpenSales } from '../lib/fixtures'
import { sleep } from '../lib/stats'

export type MemoryLayout = 'sales' | 'standalone'

export interface KeyBytes {
  /** Lot hashes (`lot:{sale}:<lot>`). */
  lotHashes: number
  /** Bid histories (`lot:{sale}:<lot>:bids`). */
  bidHistories: number
  /** Request id → answer hashes of the lots (`lot:{sale}:<lot>:requests`). */
  requestHashes: number
  /** The sale hashes and the sales' own indices (`sale:{sale}…`). */
  saleKeys: number
  /** The bidders' sales and lots (`bidder:<id>:…`). */
  bidderIndices: number
  /** Everything else: the global registries and lists, the schema version. */
  registries: number
}

export interface MemoryUse {
  layout: MemoryLayout
  lots: number
  sales: number
  bidsPerLot: number
  bidsPlaced: number
  /** History entries stored (manual and automatic). */
  storedBids: number
  rejected: number
  /** INFO used_memory delta ÷ stored bids (÷ lots); null when the server is shared. */
  bytesPerBid: number | null
  bytesPerLot: number | null
  /** MEMORY USAGE per key kind, summed over every key, after the bids. */
  keys: KeyBytes
  /** (histories + request ids + bidder indices) ÷ stored bids. */
  keyBytesPerBid: number
  /** Every key before the first bid (lots, their sales' share, registries) ÷ lots. */
  keyBytesPerLot: number
}

const usedMemory = async (redis: Redis): Promise<number> => {
  await sleep(200) // let client buffers from the last burst drain
  const info = await redis.info('memory')
  return Number(/used_memory:(\d+)/.exec(info)?.[1])
}

const KINDS: [keyof KeyBytes, RegExp][] = [
  ['bidHistories', /^lot:\{[^}]+\}:.+:bids$/],
  ['requestHashes', /^lot:\{[^}]+\}:.+:requests$/],
  ['lotHashes', /^lot:\{[^}]+\}:[^:]+$/],
  ['saleKeys', /^sale:\{[^}]+\}/],
  ['bidderIndices', /^bidder:/],
]

/** MEMORY USAGE of every key in the database, by kind. */
async function keyBytes(redis: Redis): Promise<KeyBytes> {
  const bytes: KeyBytes = {
    lotHashes: 0,
    bidHistories: 0,
    requestHashes: 0,
    saleKeys: 0,
    bidderIndices: 0,
    registries: 0,
  }
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000)
    cursor = next
    const pipeline = redis.pipeline()
    for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', '0')
    const replies = (await pipeline.exec()) ?? []
    keys.forEach((key, i) => {
      const kind = KINDS.find(([, pattern]) => pattern.test(key))?.[0] ?? 'registries'
      bytes[kind] += Number(replies[i]?.[1] ?? 0)
    })
  } while (cursor !== '0')
  return bytes
}

const sum = (bytes: KeyBytes): number => Object.values(bytes).reduce((a, b) => a + b, 0)

export async function memoryUse(
  ctx: BenchContext,
  layout: MemoryLayout,
  count: number,
): Promise<MemoryUse> {
  const total = ctx.sizes.memoryBids
  const base = ctx.exclusive ? await usedMemory(ctx.redis) : 0
  let ids: string[]
  let sales: number
  if (layout === 'sales') {
    const created = await createOpenSales(ctx.engine, count, ctx.sizes.lotsPerSale)
    ids = allLots(created)
    sales = created.length
  } else {
    ids = await createAuctions(ctx.engine, count)
    sales = count
  }
  const afterCreate = ctx.exclusive ? await usedMemory(ctx.redis) : 0
  const beforeBids = await keyBytes(ctx.redis)

  // Round-robin over the lots, 64 bids in flight, each bid one cent above the last.
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
  // The bidder registries are written after the bid, never awaited: let the last land.
  await sleep(100)
  const afterBids = ctx.exclusive ? await usedMemory(ctx.redis) : 0

  const lengths = await Promise.all(ids.map((id) => ctx.redis.llen(lotKeys(id).bids)))
  const storedBids = lengths.reduce((a, b) => a + b, 0)
  const keys = await keyBytes(ctx.redis)
  const result: MemoryUse = {
    layout,
    lots: count,
    sales,
    bidsPerLot: Math.round(total / count),
    bidsPlaced: total,
    storedBids,
    rejected,
    bytesPerBid: ctx.exclusive ? Math.round((afterBids - afterCreate) / storedBids) : null,
    // A few lots move used_memory less than its own noise (buffers, lazy frees).
    bytesPerLot: ctx.exclusive && count >= 100 ? Math.round((afterCreate - base) / count) : null,
    keys,
    keyBytesPerBid: Math.round(
      (keys.bidHistories + keys.requestHashes + keys.bidderIndices) / storedBids,
    ),
    keyBytesPerLot: Math.round(sum(beforeBids) / count),
  }
  ctx.log(
    `memory, ${count} lots (${layout}): ${result.bytesPerBid ?? '-'} B per bid ` +
      `(keys ${result.keyBytesPerBid} B), ${result.bytesPerLot ?? '-'} B per lot ` +
      `(keys ${result.keyBytesPerLot} B)`,
  )
  return result
}
