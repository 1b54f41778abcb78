// The sale's audit log: every action appended, inside its own script, to the stream
// `sale:{<saleId>}:log` as one JSON text that ends with the SHA-1 of the previous text, the
// head in the sale hash. The chain verifies; an edited or deleted entry is LOG_TAMPERED at
// the first entry whose chain no longer holds.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { saleKeys, type AuctionEngine } from '../../src/main/engine'
import { accepted, openEngine, rejected } from './fixtures'
import {
  absentee,
  booked,
  clerk,
  liveSale,
  logOf,
  logStream,
  newSeller,
  offer,
} from './live-fixtures'
import { ok } from './sale-fixtures'

let engine: AuctionEngine
let redis: RedisClient
let close: () => Promise<void>
beforeAll(async () => ({ engine, redis, close } = await openEngine()))
afterAll(() => close())

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex')

/** The stream as stored: [id, text] oldest first. */
async function stored(saleId: string): Promise<[string, string][]> {
  const raw = await redis.xrange(logStream(saleId), '-', '+')
  return raw.map(([id, fields]) => {
    expect(fields).toHaveLength(2)
    expect(fields[0]).toBe('e')
    return [id, fields[1] as string]
  })
}

/** Rewrites the stream with the same ids (XADD with explicit ids), the texts given. */
async function rewrite(saleId: string, entries: [string, string][]): Promise<void> {
  const key = logStream(saleId)
  await redis.del(key)
  for (const [id, text] of entries) await redis.xadd(key, id, 'e', text)
}

/** A small live sale run through every kind of action; answers the sale id. */
async function walkThrough(): Promise<{ saleId: string; lotIds: string[]; t0: number }> {
  const t0 = await engine.serverTime()
  const { sale, lots, seller } = await liveSale(engine, ['1', '2', '3'])
  const [one, two, three] = lots.map((lot) => lot.id) as [string, string, string]
  booked(await absentee(engine, one, 'paddle-1', '30.00'))
  await offer(engine, sale.id)
  ok(await engine.askLot(one, '10.50', clerk))
  accepted(await engine.floorBid(one, { paddle: 'paddle-2' }, clerk))
  ok(await engine.warnLot(one, clerk))
  accepted(await engine.placeBid({ auctionId: one, bidderId: 'paddle-3', amount: '40.00' }))
  ok(await engine.retractBid(one, 'wrong lot', clerk))
  ok(await engine.hammerLot(one, {}, clerk))
  ok(await engine.reopenLot(one, 'missed bid', clerk))
  ok(await engine.passLot(one, clerk))
  ok(await engine.withdrawLot(three, clerk))
  ok(await engine.setDisplayRates(sale.id, [{ currency: 'EUR', rate: '0.92' }], clerk))
  ok(await engine.endSale(sale.id, seller))
  return { saleId: sale.id, lotIds: [one, two, three], t0 }
}

describe('the audit log', () => {
  it('records every action once, in order, with who, what, and the price and leader around it', async () => {
    const { saleId, lotIds, t0 } = await walkThrough()
    const [one, two, three] = lotIds as [string, string, string]
    const t1 = await engine.serverTime()
    const log = await logOf(engine, saleId)
    const seller = log[0]?.operator as string
    const rows = log.map((e) => [
      e.action,
      e.operator,
      e.lotId,
      e.priceBefore,
      e.priceAfter,
      e.leaderBefore,
      e.leaderAfter,
      e.reason,
    ])
    expect(rows).toEqual([
      ['create', seller, null, null, null, null, null, null],
      // The catalogue: who added each lot.
      ['lot_add', seller, one, null, null, null, null, null],
      ['lot_add', seller, two, null, null, null, null, null],
      ['lot_add', seller, three, null, null, null, null, null],
      ['start', seller, null, null, null, null, null, null],
      ['book', 'paddle-1', one, null, null, null, null, null],
      ['offer', clerk.id, one, 1000, 1000, null, null, null],
      ['book_executed', clerk.id, one, 1000, 1000, null, 'paddle-1', null],
      ['ask', clerk.id, one, 1000, 1000, 'paddle-1', 'paddle-1', null],
      // The floor bid at 10.50 against the absentee's 30.00: it answers at 11.50.
      ['bid', clerk.id, one, 1000, 1150, 'paddle-1', 'paddle-1', null],
      ['warning', clerk.id, one, 1150, 1150, 'paddle-1', 'paddle-1', null],
      // Entered by the bidder: the operator is the bidder.
      ['bid', 'paddle-3', one, 1150, 4000, 'paddle-1', 'paddle-3', null],
      ['retract', clerk.id, one, 4000, 1150, 'paddle-3', 'paddle-1', 'wrong lot'],
      ['hammer', clerk.id, one, 1150, 1150, 'paddle-1', 'paddle-1', null],
      ['reopen', clerk.id, one, 1150, 1150, 'paddle-1', 'paddle-1', 'missed bid'],
      ['pass', clerk.id, one, 1150, 1150, 'paddle-1', 'paddle-1', null],
      ['withdraw', clerk.id, three, 1000, 1000, null, null, null],
      ['rates', clerk.id, null, null, null, null, null, null],
      ['end', seller, null, null, null, null, null, null],
    ])
    expect(seller).toMatch(/^seller-/)
    expect(log.filter((e) => e.lotId === two).map((e) => e.action)).toEqual(['lot_add'])
    // Server times, never going back.
    for (const [i, entry] of log.entries()) {
      expect(entry.at).toBeGreaterThanOrEqual(i === 0 ? t0 : (log[i - 1]?.at as number))
      expect(entry.at).toBeLessThanOrEqual(t1)
    }
    const detail = (action: string) => log.filter((e) => e.action === action).map((e) => e.detail)
    expect(detail('create')).toEqual([{ title: 'Live sale', mode: 'live' }])
    expect(detail('book')).toEqual([{ bidder: 'paddle-1', amount: 3000, max: 3000 }])
    expect(detail('book_executed')).toEqual([{ entries: 1, max: 3000 }])
    expect(detail('ask')).toEqual([{ askingBefore: 1100, asking: 1050 }])
    expect(detail('bid')).toEqual([
      {
        bidder: 'paddle-2',
        source: 'floor',
        amount: 1050,
        max: 1050,
        result: 'outbid',
        bidIds: [2, 3],
      },
      {
        bidder: 'paddle-3',
        source: 'online',
        amount: 4000,
        max: 4000,
        result: 'leading',
        bidIds: [4, 5],
      },
    ])
    expect(detail('retract')).toEqual([{ bidIds: [4, 5] }])
    expect(detail('rates')).toEqual([{ rates: [{ currency: 'EUR', rate: '0.92' }] }])
    const hammer = log.find((e) => e.action === 'hammer')
    expect(hammer?.detail).toEqual({
      result: { winnerId: 'paddle-1', finalPrice: 1150, reserveMet: true, hammerAt: hammer?.at },
    })
  })

  it("records the catalogue's changes by whoever made them: staff creating for a consignor too", async () => {
    const consignor = newSeller()
    const sale = ok(
      await engine.createSale(
        { title: 'For a consignor', mode: 'live', increment: '1.00' },
        consignor,
        clerk.id,
      ),
    ).sale
    const lots = []
    for (const number of ['1', '2', '3']) {
      const input = { number, title: `Lot ${number}`, startingPrice: '10.00' }
      lots.push(ok(await engine.addLot(sale.id, input, clerk)).lot)
    }
    const [one, two] = lots.map((lot) => lot.id) as [string, string]
    ok(await engine.updateLot(one, { title: 'Teapot, London 1790' }, consignor))
    ok(await engine.removeLot(two, clerk))
    ok(await engine.reorderLots(sale.id, ['3', '1'], consignor))
    const log = await logOf(engine, sale.id)
    expect(log.map((e) => [e.action, e.operator, e.lotId])).toEqual([
      ['create', clerk.id, null],
      ['lot_add', clerk.id, one],
      ['lot_add', clerk.id, two],
      ['lot_add', clerk.id, lots[2]?.id],
      ['lot_update', consignor.id, one],
      ['lot_remove', clerk.id, two],
      ['reorder', consignor.id, null],
    ])
    expect(log[4]?.detail).toMatchObject({ changes: { title: 'Teapot, London 1790' } })
    expect(log[5]?.detail).toEqual({ number: '2' })
    expect(ok(await engine.verifySaleLog(sale.id)).entries).toBe(7)
  })

  it('records a cancelled sale: create, start, cancel, each by whoever did it', async () => {
    const { sale, seller } = await liveSale(engine, ['1'])
    ok(await engine.cancelSale(sale.id, clerk))
    expect((await logOf(engine, sale.id)).map((e) => [e.action, e.operator])).toEqual([
      ['create', seller.id],
      ['lot_add', seller.id],
      ['start', seller.id],
      ['cancel', clerk.id],
    ])
    expect(ok(await engine.verifySaleLog(sale.id)).entries).toBe(4)
  })

  it('chains each entry to the previous one by SHA-1, the head in the sale hash', async () => {
    const { saleId } = await walkThrough()
    const texts = await stored(saleId)
    const log = await logOf(engine, saleId)
    expect(log.map((e) => e.id)).toEqual(texts.map(([id]) => id))
    let previous = ''
    for (const [i, [, text]] of texts.entries()) {
      expect(text.endsWith(`,"prev":"${previous}"}`), text).toBe(true)
      expect(JSON.parse(text)).toMatchObject({ prev: previous, action: log[i]?.action })
      expect(log[i]).toMatchObject({ prev: previous, hash: sha1(text) })
      previous = sha1(text)
    }
    expect(await redis.hget(saleKeys(saleId).sale, 'logHead')).toBe(previous)
    expect(ok(await engine.verifySaleLog(saleId))).toEqual({ ok: true, entries: texts.length })
  })

  it('reads the newest entries with a limit, oldest first', async () => {
    const { saleId } = await walkThrough()
    const all = await logOf(engine, saleId)
    const newest = ok(await engine.saleLog(saleId, { limit: 3 })).entries
    expect(newest).toEqual(all.slice(-3))
    expect(newest.map((e) => e.action)).toEqual(['withdraw', 'rates', 'end'])
    expect(ok(await engine.saleLog(saleId, { limit: 1000 })).entries).toEqual(all)
    expect(rejected(await engine.saleLog(saleId, { limit: 0 }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'limit',
    })
    expect(rejected(await engine.saleLog('NO-SUCH-SALE')).code).toBe('SALE_NOT_FOUND')
    expect(rejected(await engine.verifySaleLog('NO-SUCH-SALE')).code).toBe('SALE_NOT_FOUND')
  })
})

describe('tampering', () => {
  it('an edited entry breaks the chain at the next entry: LOG_TAMPERED names it', async () => {
    const { saleId } = await walkThrough()
    const original = await stored(saleId)
    const k = original.findIndex(([, text]) => JSON.parse(text).action === 'hammer')
    expect(k).toBeGreaterThan(0)
    const [hammerId, hammerText] = original[k] as [string, string]
    const edited = hammerText.replace('"finalPrice":1150', '"finalPrice":150')
    expect(edited).not.toBe(hammerText)
    const forged = original.map(([id, text]): [string, string] => [
      id,
      id === hammerId ? edited : text,
    ])
    await rewrite(saleId, forged)
    // The forged entry is read as written...
    const log = await logOf(engine, saleId)
    expect(log[k]?.detail).toMatchObject({ result: { finalPrice: 150 } })
    // ... and its successor no longer names its hash.
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: original[k + 1]?.[0],
    })
    // The same ids and texts rebuilt are whole again: the rebuild itself is not what is seen.
    await rewrite(saleId, original)
    expect(ok(await engine.verifySaleLog(saleId)).entries).toBe(original.length)
  })

  it('an edit of the first or the last entry is seen too (the last by the head)', async () => {
    const { saleId } = await walkThrough()
    const original = await stored(saleId)
    const change = (index: number): [string, string][] =>
      original.map(([id, text], i): [string, string] => [
        id,
        i === index ? text.replace('"operator":"', '"operator":"x') : text,
      ])
    await rewrite(saleId, change(0))
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: original[1]?.[0],
    })
    await rewrite(saleId, change(original.length - 1))
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: original.at(-1)?.[0],
    })
  })

  it('an inserted entry is seen, even one that names the hash before it', async () => {
    const { saleId } = await walkThrough()
    const original = await stored(saleId)
    const k = original.findIndex(([, text]) => JSON.parse(text).action === 'hammer')
    const hammerText = (original[k] as [string, string])[1]
    // A forged bid entry right after the hammer, chained to it as a script would have; the
    // stream rebuilt with ids 1-1, 1-2, … (an id only orders the entries).
    const forged = `{"at":1,"operator":"${clerk.id}","action":"bid","prev":"${sha1(hammerText)}"}`
    const texts = original.map(([, text]) => text)
    texts.splice(k + 1, 0, forged)
    await rewrite(
      saleId,
      texts.map((text, i): [string, string] => [`1-${i + 1}`, text]),
    )
    expect((await logOf(engine, saleId))[k + 1]).toMatchObject({ id: `1-${k + 2}`, action: 'bid' })
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: `1-${k + 3}`,
    })
    // Without the forged entry, the renumbered stream verifies.
    texts.splice(k + 1, 1)
    await rewrite(
      saleId,
      texts.map((text, i): [string, string] => [`1-${i + 1}`, text]),
    )
    expect(ok(await engine.verifySaleLog(saleId)).entries).toBe(original.length)
  })

  it('a deleted log is LOG_TAMPERED: the head names an entry that is not there', async () => {
    const { saleId } = await walkThrough()
    await redis.del(logStream(saleId))
    expect(rejected(await engine.verifySaleLog(saleId)).code).toBe('LOG_TAMPERED')
    expect(ok(await engine.saleLog(saleId)).entries).toEqual([])
  })

  it('a deleted entry breaks the chain at the entry after it; the last one by the head', async () => {
    const { saleId } = await walkThrough()
    const original = await stored(saleId)
    const k = original.findIndex(([, text]) => JSON.parse(text).action === 'retract')
    await redis.xdel(logStream(saleId), original[k]?.[0] as string)
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: original[k + 1]?.[0],
    })
    await rewrite(saleId, original.slice(0, -1))
    expect(rejected(await engine.verifySaleLog(saleId))).toMatchObject({
      code: 'LOG_TAMPERED',
      entryId: original.at(-2)?.[0],
    })
    await rewrite(saleId, original)
    expect(ok(await engine.verifySaleLog(saleId)).entries).toBe(original.length)
  })
})
