// Helpers for the live-sale tests: an open live sale with its lots in one call, the lot and
// its history as staff see them, absentee bids, the sale's audit log, and everything Redis
// holds for a sale (to show that a refused command changed nothing).
import { expect } from 'vitest'
import { saleKeys, type AuctionEngine, type RedisClient } from '../../src/main/engine'
import type { Actor, BidAccepted, BidEntry, LogEntry, Lot, Sale } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import type { LotInput, SaleCreateInput } from '../../src/shared/sale-schemas'
import { accepted, keysMatching, person, staff, uniqueId } from './fixtures'
import { lotInput, ok } from './sale-fixtures'

export const clerk = staff('clerk-7')
export const newSeller = (): Actor => person(uniqueId('seller'))

/**
 * A live sale (USD, increment 1.00) with these lots, in this order; open unless
 * `open: false`. Lots are `{ number, ...overrides }`: start 10.00 unless given.
 */
export async function liveSale(
  engine: AuctionEngine,
  lots: (string | ({ number: string } & Partial<LotInput>))[],
  options: { seller?: Actor; open?: boolean; sale?: Partial<SaleCreateInput> } = {},
): Promise<{ sale: Sale; lots: Lot[]; seller: Actor }> {
  const seller = options.seller ?? newSeller()
  const created = ok(
    await engine.createSale(
      { title: 'Live sale', mode: 'live', increment: '1.00', ...options.sale },
      seller,
    ),
    'createSale',
  ).sale
  const added: Lot[] = []
  for (const lot of lots) {
    const { number, ...overrides } = typeof lot === 'string' ? { number: lot } : lot
    added.push(
      ok(await engine.addLot(created.id, lotInput(number, overrides), seller), 'addLot').lot,
    )
  }
  const sale =
    options.open === false ? created : ok(await engine.startSale(created.id, seller), 'start').sale
  return { sale, lots: added, seller }
}

/** An open live sale (lots as for liveSale) whose first lot is on the block. */
export async function onBlock(
  engine: AuctionEngine,
  first: Parameters<typeof liveSale>[1][0] = '1',
  more: string[] = [],
): Promise<{ sale: Sale; lot: Lot; lots: Lot[]; seller: Actor }> {
  const { sale, lots, seller } = await liveSale(engine, [first, ...more])
  const lot = await offer(engine, sale.id)
  return { sale, lot, lots, seller }
}

/** The lot as staff see it (reserve included). */
export async function lotNow(engine: AuctionEngine, lotId: string): Promise<Lot> {
  return ok(await engine.getAuction(lotId), 'getAuction').auction
}

/** The whole history, oldest first. */
export async function historyOf(engine: AuctionEngine, lotId: string): Promise<BidEntry[]> {
  return ok(await engine.history(lotId, { limit: 1000 }), 'history')
    .bids.slice()
    .reverse()
}

/** [bidder, amount, kind, outcome, source] of each history entry, oldest first. */
export async function entriesOf(
  engine: AuctionEngine,
  lotId: string,
): Promise<[string, number, string, string, string][]> {
  return (await historyOf(engine, lotId)).map((b) => [
    b.bidderId,
    b.amount,
    b.kind,
    b.outcome,
    b.source,
  ])
}

/** An absentee (commission) bid with a maximum, as the clerk enters it before the lot. */
export const absentee = (
  engine: AuctionEngine,
  lotId: string,
  bidderId: string,
  max: string,
  extra: { amount?: string; requestId?: string } = {},
): Promise<BidAccepted | Failure> =>
  engine.placeBid({
    auctionId: lotId,
    bidderId,
    amount: extra.amount ?? max,
    max,
    source: 'absentee',
    requestId: extra.requestId ?? null,
  })

/** The answer must be a bid taken into the book. */
export function booked(answer: BidAccepted | Failure): BidAccepted {
  const bid = accepted(answer)
  expect(bid.result).toBe('booked')
  return bid
}

/** Puts `lotId` (or the next waiting lot) on the block; answers the lot. */
export async function offer(engine: AuctionEngine, saleId: string, lotId?: string): Promise<Lot> {
  return ok(await engine.offerLot(saleId, lotId, clerk), 'offerLot').lot
}

/** The sale's audit log, oldest first. */
export async function logOf(engine: AuctionEngine, saleId: string): Promise<LogEntry[]> {
  return ok(await engine.saleLog(saleId), 'saleLog').entries
}

/** The stream that holds the sale's audit log. */
export const logStream = (saleId: string): string => `${saleKeys(saleId).sale}:log`

/**
 * Every key Redis holds for the sale and its lots (they share the sale's hash tag), with its
 * full content: what a refused command must leave exactly as it was.
 */
export async function everything(
  engine: AuctionEngine,
  saleId: string,
): Promise<Record<string, unknown>> {
  const redis = engine.redis as RedisClient
  const keys = await keysMatching(redis, `*{${saleId}}*`)
  return contentOf(redis, keys)
}

/** Each key's full content, whatever its type, in key order. */
export async function contentOf(
  redis: RedisClient,
  keys: string[],
): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {}
  for (const key of [...keys].sort()) {
    const type = await redis.type(key)
    if (type === 'hash') state[key] = await redis.hgetall(key)
    else if (type === 'list') state[key] = await redis.lrange(key, 0, -1)
    else if (type === 'zset') state[key] = await redis.zrange(key, '0', '-1', 'WITHSCORES')
    else if (type === 'stream') state[key] = await redis.xrange(key, '-', '+')
    else if (type === 'set') state[key] = (await redis.smembers(key)).sort()
    else state[key] = [type, await redis.get(key)]
  }
  return state
}

/** The lot without the fields every published change moves (its seq). */
export const withoutSeq = (lot: Lot): Omit<Lot, 'seq'> => {
  const { seq: _seq, ...rest } = lot
  return rest
}
