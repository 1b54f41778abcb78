// A live sale run from the CLI, as a clerk scripts it: a real process per command, one JSON
// document on stdout, exit 0 on success and 2 on a rejected command (which changes nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { BidAccepted, LogEntry, Lot } from '../../src/shared/domain'
import { person } from '../engine/fixtures'
import { everything, liveSale, logStream } from '../engine/live-fixtures'
import { ok as done } from '../engine/sale-fixtures'
import { openEngine, uniqueId } from '../support/engine'
import { cli, errorCode, type Run } from './support'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const lotOf = (run: Run): Lot => run.json.lot as Lot

async function ok(args: string[]): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(0)
  expect(run.json.ok).toBe(true)
  return run
}

/** A rejected command: exit 2 and the error code. */
async function refused(args: string[], code: string): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(2)
  expect(run.json.ok).toBe(false)
  expect(errorCode(run)).toBe(code)
  return run
}

const STAFF = ['--staff']

describe.concurrent('CLI: a live sale', { timeout: 120_000 }, () => {
  it('runs a sale: book, offer, ask, floor, warn, retract, hammer, reopen and resell', async () => {
    // The sale and its catalogue (sale create / lot add / sale start: test/cli/sales.test.ts).
    const seller = person(uniqueId('seller'))
    const { sale, lots } = await liveSale(
      engine,
      [
        { number: '1', reservePrice: '12.00' },
        { number: '2', startingPrice: '5.00' },
      ],
      { seller, sale: { currency: 'GBP' } },
    )
    const [one, two] = lots as [Lot, Lot]

    // An absentee bid before the lot is offered goes into its book.
    const book = await ok([
      'bid',
      one.id,
      '--bidder',
      'p-7',
      '--amount',
      '10.00',
      '--max',
      '11.00',
      '--source',
      'absentee',
    ])
    expect(book.json).toMatchObject({ result: 'booked', bidId: null, maxAmount: 1100 })

    const offered = await ok(['sale', 'offer', sale.id, ...STAFF])
    expect(Object.keys(offered.json).sort()).toEqual(['lot', 'ok'])
    expect(lotOf(offered)).toMatchObject({
      id: one.id,
      lotStatus: 'active',
      onBlock: true,
      currentPrice: 1000,
      leaderId: 'p-7',
      book: 1,
    })
    expect(lotOf(await ok(['lot', 'ask', one.id, '--amount', '10.50', ...STAFF]))).toMatchObject({
      askingPrice: 1050,
      askOverride: 1050,
    })
    const floorP5 = ['lot', 'floor', one.id, '--paddle', 'p-5', '--request-id', 'r-1', ...STAFF]
    const split = (await ok(floorP5)).json as unknown as BidAccepted
    expect(split).toMatchObject({ result: 'outbid', price: 1100, leaderId: 'p-7' })
    // The same request again (the same answer, not a second bid), and the room bids on.
    const [retried, floor] = await Promise.all([
      ok(floorP5),
      ok(['lot', 'floor', one.id, ...STAFF]),
    ])
    expect(retried.json).toEqual({ ...split, duplicate: true })
    expect(floor.json).toMatchObject({ result: 'leading', price: 1200, leaderId: 'floor' })
    const [warned] = await Promise.all([
      ok(['lot', 'warn', one.id, ...STAFF]),
      refused(['lot', 'hammer', one.id, ...STAFF], 'PADDLE_REQUIRED'),
    ])
    expect(lotOf(warned)).toMatchObject({ warning: true, currentPrice: 1200 })
    expect(
      lotOf(await ok(['lot', 'retract', one.id, '--reason', 'misheard the room', ...STAFF])),
    ).toMatchObject({ currentPrice: 1100, leaderId: 'p-7', warning: false, bidCount: 3 })
    const sold = lotOf(await ok(['lot', 'hammer', one.id, '--below-reserve', ...STAFF]))
    expect(sold).toMatchObject({ lotStatus: 'sold', status: 'ended', onBlock: false })
    expect(sold.result).toEqual({
      winnerId: 'p-7',
      finalPrice: 1100,
      reserveMet: false,
      hammerAt: sold.hammerAt,
      belowReserve: true,
    })
    await refused(['bid', one.id, '--bidder', 'p-8', '--amount', '13.00'], 'LOT_CLOSED')

    expect(
      lotOf(await ok(['lot', 'reopen', one.id, '--reason', 'missed online bid', ...STAFF])),
    ).toMatchObject({ lotStatus: 'active', onBlock: true, currentPrice: 1100, leaderId: 'p-7' })
    expect((await ok(['lot', 'floor', one.id, ...STAFF])).json).toMatchObject({
      result: 'leading',
      price: 1200,
      leaderId: 'floor',
    })
    const resold = lotOf(await ok(['lot', 'hammer', one.id, '--paddle', 'p-9', ...STAFF]))
    expect(resold).toMatchObject({ lotStatus: 'sold', leaderId: 'p-9' })
    expect(resold.result).toEqual({
      winnerId: 'p-9',
      finalPrice: 1200,
      reserveMet: true,
      hammerAt: resold.hammerAt,
    })

    const [log, newest] = await Promise.all([
      ok(['sale', 'log', sale.id]),
      ok(['sale', 'log', sale.id, '--limit', '2']),
    ])
    const entries = log.json.entries as LogEntry[]
    // The refused commands (PADDLE_REQUIRED, LOT_CLOSED) left no entry.
    expect(entries.map((e) => [e.action, e.operator, e.lotId])).toEqual([
      ['create', seller.id, null],
      ['lot_add', seller.id, one.id],
      ['lot_add', seller.id, two.id],
      ['start', seller.id, null],
      ['book', 'p-7', one.id],
      ['offer', 'staff', one.id],
      ['book_executed', 'staff', one.id],
      ['ask', 'staff', one.id],
      ['bid', 'staff', one.id],
      ['bid', 'staff', one.id],
      ['warning', 'staff', one.id],
      ['retract', 'staff', one.id],
      ['hammer', 'staff', one.id],
      ['reopen', 'staff', one.id],
      ['bid', 'staff', one.id],
      ['hammer', 'staff', one.id],
    ])
    const bids = entries.filter((e) => e.action === 'bid')
    expect(bids.map((e) => [e.detail?.bidder, e.detail?.source, e.priceAfter])).toEqual([
      ['p-5', 'floor', 1100],
      ['floor', 'floor', 1200],
      ['floor', 'floor', 1200],
    ])
    expect(entries.at(-1)).toMatchObject({ leaderBefore: 'floor', leaderAfter: 'p-9' })
    expect(entries.find((e) => e.action === 'retract')?.reason).toBe('misheard the room')
    expect(entries.find((e) => e.action === 'reopen')?.detail).toMatchObject({
      voided: { status: 'sold', winnerId: 'p-7', finalPrice: 1100, belowReserve: true },
    })
    expect(newest.json).toEqual({ ok: true, entries: entries.slice(-2) })
    expect(done(await engine.verifySaleLog(sale.id)).entries).toBe(entries.length)
    expect(entries.filter((e) => e.lotId === two.id).map((e) => e.action)).toEqual(['lot_add'])
  })

  it('withdraws, offers by id and passes; refused commands change nothing; a tampered log is exit 2', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2'])
    const saleId = sale.id
    const [one, two] = lots.map((lot) => lot.id) as [string, string]

    expect(lotOf(await ok(['lot', 'withdraw', one, ...STAFF]))).toMatchObject({
      lotStatus: 'withdrawn',
    })
    expect(lotOf(await ok(['sale', 'offer', saleId, '--lot', two, ...STAFF]))).toMatchObject({
      id: two,
      onBlock: true,
    })

    // Refused: each exit 2 with its code, and nothing stored moves.
    const before = await everything(engine, saleId)
    const runs = await Promise.all([
      cli(['lot', 'hammer', two, ...STAFF]),
      cli(['lot', 'retract', two, ...STAFF]),
      cli(['lot', 'pass', two, '--as', 'stranger']),
    ])
    expect(runs.map((run) => [run.code, errorCode(run)])).toEqual([
      [2, 'NO_BIDS'],
      [2, 'INVALID_INPUT'],
      [2, 'NOT_SELLER'],
    ])
    expect(runs[1]?.json.error).toMatchObject({ field: 'reason' })
    expect(await everything(engine, saleId)).toEqual(before)

    expect(lotOf(await ok(['lot', 'pass', two, ...STAFF]))).toMatchObject({
      lotStatus: 'passed',
      result: { winnerId: null, finalPrice: 1000, reserveMet: true },
    })
    const intact = await ok(['sale', 'verify-log', saleId])
    expect(intact.json).toEqual({ ok: true, entries: 7 })
    // One entry's text changed (the withdraw's operator), the stream rebuilt with the same ids.
    const key = logStream(saleId)
    const stored = await engine.redis.xrange(key, '-', '+')
    expect(stored.map(([, fields]) => JSON.parse(fields[1] as string).action)).toEqual([
      'create',
      'lot_add',
      'lot_add',
      'start',
      'withdraw',
      'offer',
      'pass',
    ])
    await engine.redis.del(key)
    for (const [i, [id, fields]] of stored.entries()) {
      const text = fields[1] as string
      await engine.redis.xadd(key, id, 'e', i === 4 ? text.replace('"staff"', '"x"') : text)
    }
    const [tampered, down] = await Promise.all([
      refused(['sale', 'verify-log', saleId], 'LOG_TAMPERED'),
      cli(['sale', 'verify-log', saleId], { REDIS_URL: 'redis://127.0.0.1:1' }),
    ])
    expect(tampered.json.error).toMatchObject({ entryId: stored[5]?.[0] })
    expect([down.code, errorCode(down)]).toEqual([1, 'REDIS_UNAVAILABLE'])
  })
})
