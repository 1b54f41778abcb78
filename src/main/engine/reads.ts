// Reads: a lot with its sale's status, a sale with its lot counts, lists. Each read of one
// sale is a MULTI on its slot, so what it answers existed together.
import type { Cluster, Redis } from 'ioredis'
import type { Actor, Auction, LotStatus, Sale, SaleStatus } from '../../shared/domain'
import { LOT_STATUSES, saleIdOf } from '../../shared/domain'
import { decodeAuction, decodeSale } from './codec'
import { lotKeys, saleKeys } from './keys'

type Client = Redis | Cluster

/** The replies of a MULTI, or a throw of its first error. */
async function exec(multi: ReturnType<Client['multi']>): Promise<unknown[]> {
  const replies = (await multi.exec()) ?? []
  return replies.map(([error, value]) => {
    if (error) throw error
    return value
  })
}

export async function readLot(
  redis: Client,
  lotId: string,
  viewer?: Actor,
): Promise<Auction | null> {
  const [hash, saleStatus] = (await exec(
    redis
      .multi()
      .hgetall(lotKeys(lotId).lot)
      .hget(saleKeys(saleIdOf(lotId)).sale, 'status'),
  )) as [Record<string, string>, string | null]
  if (!hash.id || !saleStatus) return null
  return decodeAuction(hash, saleStatus as SaleStatus, viewer)
}

/** The sale as `viewer` may see it (no viewer: everything, as for staff). */
export async function readSale(
  redis: Client,
  saleId: string,
  viewer?: Actor,
): Promise<Sale | null> {
  const keys = saleKeys(saleId)
  const multi = redis.multi([
    ['hgetall', keys.sale],
    ['zcard', keys.lots],
    ['zrange', keys.byLotStatus('active'), '0', '0'],
    ...LOT_STATUSES.map((status) => ['zcard', keys.byLotStatus(status)]),
  ])
  const [hash, lotCount, active, ...counts] = (await exec(multi)) as [
    Record<string, string>,
    number,
    string[],
    ...number[],
  ]
  if (!hash.id) return null
  const lotCounts = Object.fromEntries(
    LOT_STATUSES.map((status, i) => [status, counts[i] ?? 0]),
  ) as Record<LotStatus, number>
  return decodeSale(hash, lotCounts, lotCount, active[0] ?? null, viewer)
}

/** The sale's lots in catalogue order, optionally of one lot status. */
export async function readLots(
  redis: Client,
  saleId: string,
  status: LotStatus | undefined,
  viewer?: Actor,
): Promise<Auction[] | null> {
  const keys = saleKeys(saleId)
  const [saleStatus, ids] = (await exec(
    redis
      .multi()
      .hget(keys.sale, 'status')
      .zrange(status ? keys.byLotStatus(status) : keys.lots, '0', '-1'),
  )) as [string | null, string[]]
  if (!saleStatus) return null
  if (ids.length === 0) return []
  const multi = redis.multi(ids.map((id) => ['hgetall', lotKeys(id).lot]))
  const hashes = (await exec(multi)) as Record<string, string>[]
  return hashes
    .filter((hash) => hash.id)
    .map((hash) => decodeAuction(hash, saleStatus as SaleStatus, viewer))
}

/**
 * Reads the entities a registry names, newest first, keeping only those that exist and
 * match: registries are hints and may hold stale entries or miss some.
 */
export async function readFromRegistry<T>(
  redis: Client,
  registry: string,
  limit: number,
  read: (id: string) => Promise<T | null>,
  keep: (item: T) => boolean,
): Promise<T[]> {
  const found: T[] = []
  for (let offset = 0; found.length < limit;) {
    const ids = await redis.zrevrange(registry, offset, offset + limit * 2 - 1)
    if (ids.length === 0) break
    offset += ids.length
    const items = await Promise.all(ids.map(read))
    for (const item of items) {
      if (item === null || !keep(item)) continue
      found.push(item)
      if (found.length === limit) break
    }
  }
  return found
}
