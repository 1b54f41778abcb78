// Malformed API input: each gets its clear error code (and the field at fault), and no
// auction is created or changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine, CreateAuctionInput, PlaceBidInput } from '../../src/main/engine'
import { indexKeys } from '../../src/main/engine'
import type { Auction } from '../../src/shared/domain'
import {
  accepted,
  bidderId,
  liveAuction,
  openEngine,
  person,
  rejected,
  snapshot,
  staff,
  uniqueId,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
let lot: Auction
let before: unknown
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
  lot = await liveAuction(engine)
  accepted(
    await engine.placeBid({ auctionId: lot.id, bidderId: 'alice', amount: 1000, requestId: 'r1' }),
  )
  before = await snapshot(engine, lot.id)
})
afterAll(() => close())

type Expected = [code: string, field?: string]
const HOUR = 3_600_000

describe('createAuction', () => {
  const sellerId = uniqueId('seller')
  const base: CreateAuctionInput = {
    title: 'Lot',
    sellerId,
    startingPrice: '10.00',
    increment: '1.00',
    durationMs: HOUR,
  }
  const bands = (...b: [string | number, string | number][]) =>
    b.map(([from, increment]) => ({ from, increment }))
  const cases: [
    string,
    Partial<CreateAuctionInput> | (() => Promise<Partial<CreateAuctionInput>>),
    Expected,
  ][] = [
    ['seller id with a space', { sellerId: 'bad id' }, ['INVALID_INPUT', 'sellerId']],
    ['seller id with a pipe', { sellerId: 'a|b' }, ['INVALID_INPUT', 'sellerId']],
    ['seller id with braces', { sellerId: '{x}' }, ['INVALID_INPUT', 'sellerId']],
    ['empty seller id', { sellerId: '' }, ['INVALID_INPUT', 'sellerId']],
    ['seller id too long', { sellerId: 's'.repeat(65) }, ['INVALID_INPUT', 'sellerId']],
    ['empty title', { title: '' }, ['INVALID_INPUT', 'title']],
    ['blank title', { title: '   ' }, ['INVALID_INPUT', 'title']],
    ['title too long', { title: 't'.repeat(201) }, ['INVALID_INPUT', 'title']],
    ['description too long', { description: 'd'.repeat(5001) }, ['INVALID_INPUT', 'description']],
    ['unknown currency', { currency: 'ABC' }, ['INVALID_INPUT', 'currency']],
    ['lower-case currency', { currency: 'usd' }, ['INVALID_INPUT', 'currency']],
    ['not a currency code', { currency: 'US' }, ['INVALID_INPUT', 'currency']],
    ['increment and table', { incrementTable: bands([0, 100]) }, ['INVALID_INPUT', 'increment']],
    ['neither increment nor table', { increment: undefined }, ['INVALID_INPUT', 'increment']],
    ['zero increment', { increment: 0 }, ['INVALID_AMOUNT', 'increment']],
    ['negative increment', { increment: '-1.00' }, ['INVALID_AMOUNT', 'increment']],
    ['increment with 3 decimals', { increment: '0.001' }, ['INVALID_AMOUNT', 'increment']],
    [
      'empty table',
      { increment: undefined, incrementTable: [] },
      ['INVALID_INPUT', 'incrementTable'],
    ],
    [
      'first band not from 0',
      { increment: undefined, incrementTable: bands([100, 10]) },
      ['INVALID_INPUT', 'incrementTable.0'],
    ],
    [
      'bands not rising',
      { increment: undefined, incrementTable: bands([0, 10], [500, 20], [500, 30]) },
      ['INVALID_INPUT', 'incrementTable.2'],
    ],
    [
      'bands falling',
      { increment: undefined, incrementTable: bands([0, 10], [500, 20], [400, 30]) },
      ['INVALID_INPUT', 'incrementTable.2'],
    ],
    [
      'band with zero increment',
      { increment: undefined, incrementTable: bands([0, 10], [500, 0]) },
      ['INVALID_INPUT', 'incrementTable.1'],
    ],
    [
      'band with a malformed amount',
      { increment: undefined, incrementTable: bands([0, 10], ['5.001', 20]) },
      ['INVALID_AMOUNT', 'incrementTable.1.from'],
    ],
    [
      'band with a negative increment',
      { increment: undefined, incrementTable: bands([0, '-1']) },
      ['INVALID_AMOUNT', 'incrementTable.0.increment'],
    ],
    [
      'end time and duration',
      async () => ({ endsAt: (await engine.serverTime()) + HOUR }),
      ['INVALID_INPUT', 'endsAt'],
    ],
    ['neither end time nor duration', { durationMs: undefined }, ['INVALID_INPUT', 'endsAt']],
    [
      'end time in the past',
      async () => ({ durationMs: undefined, endsAt: (await engine.serverTime()) - 1000 }),
      ['INVALID_INPUT', 'endsAt'],
    ],
    [
      'start after end',
      async () => {
        const now = await engine.serverTime()
        return { durationMs: undefined, startsAt: now + 2 * HOUR, endsAt: now + HOUR }
      },
      ['INVALID_INPUT', 'startsAt'],
    ],
    [
      'a start time and start now',
      async () => ({ startsAt: (await engine.serverTime()) + HOUR, start: true }),
      ['INVALID_INPUT', 'startsAt'],
    ],
    ['zero duration', { durationMs: 0 }, ['INVALID_INPUT', 'durationMs']],
    ['negative duration', { durationMs: -5 }, ['INVALID_INPUT', 'durationMs']],
    ['fractional duration', { durationMs: 1.5 }, ['INVALID_INPUT', 'durationMs']],
    ['duration over a year', { durationMs: 367 * 24 * HOUR }, ['INVALID_INPUT', 'durationMs']],
    ['fractional start time', { startsAt: 1.5 }, ['INVALID_INPUT', 'startsAt']],
    ['negative soft close', { softCloseSeconds: -1 }, ['INVALID_INPUT', 'softCloseSeconds']],
    ['soft close over an hour', { softCloseSeconds: 3601 }, ['INVALID_INPUT', 'softCloseSeconds']],
    ['negative starting price', { startingPrice: '-1.00' }, ['INVALID_AMOUNT', 'startingPrice']],
    ['negative minor units', { startingPrice: -100 }, ['INVALID_AMOUNT', 'startingPrice']],
    ['fractional minor units', { startingPrice: 10.5 }, ['INVALID_AMOUNT', 'startingPrice']],
    ['huge starting price', { startingPrice: 1e14 }, ['INVALID_AMOUNT', 'startingPrice']],
    ['NaN starting price', { startingPrice: Number.NaN }, ['INVALID_AMOUNT', 'startingPrice']],
    ['exponent', { startingPrice: '1e3' }, ['INVALID_AMOUNT', 'startingPrice']],
    ['too many decimals', { startingPrice: '10.001' }, ['INVALID_AMOUNT', 'startingPrice']],
    [
      'decimals in JPY',
      { currency: 'JPY', startingPrice: '10.5', increment: 1 },
      ['INVALID_AMOUNT', 'startingPrice'],
    ],
    ['malformed reserve', { reservePrice: '50,00' }, ['INVALID_AMOUNT', 'reservePrice']],
    [
      'starting price of the wrong type',
      { startingPrice: true as unknown as string },
      ['INVALID_INPUT', 'startingPrice'],
    ],
  ]

  it.each(cases)('%s', async (_name, override, [code, field]) => {
    const input = { ...base, ...(typeof override === 'function' ? await override() : override) }
    const answer = await engine.createAuction(input)
    const error = rejected(answer)
    expect(error.code).toBe(code)
    if (field) expect(error.field).toBe(field)
    expect(error.message).toBeTruthy()
  })

  it('created nothing', async () => {
    expect(await engine.redis.zcard(indexKeys.bySeller(sellerId))).toBe(0)
    // The base input itself is valid: the cases fail for their one flaw.
    const good = await engine.createAuction(base)
    expect(good.ok).toBe(true)
  })
})

describe('placeBid', () => {
  const bid = (override: Partial<PlaceBidInput>): PlaceBidInput => ({
    auctionId: lot.id,
    bidderId: bidderId(),
    amount: '20.00',
    ...override,
  })
  const cases: [string, Partial<PlaceBidInput>, Expected][] = [
    ['auction id with a space', { auctionId: 'bad id' }, ['INVALID_INPUT', 'auctionId']],
    ['auction id with braces', { auctionId: '{x}' }, ['INVALID_INPUT', 'auctionId']],
    ['empty auction id', { auctionId: '' }, ['INVALID_INPUT', 'auctionId']],
    ['bidder id with a pipe', { bidderId: 'a|b' }, ['INVALID_INPUT', 'bidderId']],
    ['empty bidder id', { bidderId: '' }, ['INVALID_INPUT', 'bidderId']],
    ['negative amount', { amount: -5 }, ['INVALID_AMOUNT', 'amount']],
    ['fractional minor units', { amount: 2000.5 }, ['INVALID_AMOUNT', 'amount']],
    ['huge amount', { amount: 1e14 }, ['INVALID_AMOUNT', 'amount']],
    ['empty amount', { amount: '' }, ['INVALID_AMOUNT', 'amount']],
    ['amount of the wrong type', { amount: {} as unknown as string }, ['INVALID_INPUT', 'amount']],
    ['negative maximum', { max: -1 }, ['INVALID_AMOUNT', 'max']],
    ['maximum below amount', { max: '19.99' }, ['MAX_BELOW_AMOUNT']],
    ['unknown source', { source: 'carrier-pigeon' }, ['INVALID_INPUT', 'source']],
    ['empty request id', { requestId: '' }, ['INVALID_INPUT', 'requestId']],
    ['request id too long', { requestId: 'r'.repeat(129) }, ['INVALID_INPUT', 'requestId']],
  ]

  it.each(cases)('%s', async (_name, override, [code, field]) => {
    const error = rejected(await engine.placeBid(bid(override)))
    expect(error.code).toBe(code)
    if (field) expect(error.field).toBe(field)
  })
})

describe('transitions and reads', () => {
  it('bad auction or actor ids', async () => {
    for (const call of [
      () => engine.startAuction('bad id', staff()),
      () => engine.endAuction('a|b', staff()),
      () => engine.cancelAuction('', staff()),
      () => engine.getAuction('{x}'),
      () => engine.history('bad id'),
    ]) {
      expect(rejected(await call())).toMatchObject({ code: 'INVALID_INPUT', field: 'auctionId' })
    }
    for (const actor of [person('bad actor'), person(''), { id: 'x|y', staff: true }]) {
      expect(rejected(await engine.endAuction(lot.id, actor))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'actor',
      })
      expect(rejected(await engine.cancelAuction(lot.id, actor)).code).toBe('INVALID_INPUT')
    }
  })

  it.each([0, -1, 1.5, 1001, Number.NaN])('history limit %d', async (limit) => {
    expect(rejected(await engine.history(lot.id, { limit }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'limit',
    })
  })

  it.each([0, -1, 2.5, Number.NaN])('history before %d', async (before) => {
    expect(rejected(await engine.history(lot.id, { before }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'before',
    })
  })

  it('list filters', async () => {
    const status = await engine.listAuctions({ status: 'open' as never })
    expect(rejected(status)).toMatchObject({ code: 'INVALID_INPUT', field: 'status' })
    const seller = await engine.listAuctions({ sellerId: 'bad id' })
    expect(rejected(seller)).toMatchObject({ code: 'INVALID_INPUT', field: 'sellerId' })
  })

  it('starting a draft whose fixed end has passed', async () => {
    const endsAt = (await engine.serverTime()) + 150
    const draft = await liveAuction(engine, { start: false, durationMs: undefined, endsAt })
    await expect.poll(() => engine.serverTime(), { interval: 50 }).toBeGreaterThan(endsAt)
    const draftBefore = await snapshot(engine, draft.id)
    expect(rejected(await engine.startAuction(draft.id, staff()))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'endsAt',
    })
    expect(await snapshot(engine, draft.id)).toEqual(draftBefore)
  })
})

describe('afterwards', () => {
  it('the auction every case aimed at is exactly as it was', async () => {
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })
})
