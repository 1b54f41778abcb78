// A refused command changes nothing: every key of the sale and its lots (hashes, histories,
// undo lists, books, the audit log stream) is exactly as before, and nothing is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { ErrorCode } from '../../src/shared/errors'
import { accepted, openEngine, person, redisUrl, rejected } from './fixtures'
import {
  absentee,
  booked,
  clerk,
  everything,
  liveSale,
  logOf,
  logStream,
  offer,
} from './live-fixtures'
import { ok, saleLog } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const stranger = person('stranger-1')

type Attempt = [ErrorCode, () => Promise<{ ok: boolean }>]

/** Runs each attempt: it must fail with its code and leave the sale's keys as they were. */
async function expectNoChange(saleId: string, attempts: Attempt[]): Promise<void> {
  const log = await saleLog(redisUrl(), [saleId])
  try {
    const before = await everything(engine, saleId)
    const logLength = await engine.redis.xlen(logStream(saleId))
    expect(logLength).toBeGreaterThan(2)
    for (const [i, [code, attempt]] of attempts.entries()) {
      expect(rejected(await attempt()).code, `attempt ${i}`).toBe(code)
      expect(await everything(engine, saleId), `attempt ${i} (${code})`).toEqual(before)
    }
    expect(await engine.redis.xlen(logStream(saleId))).toBe(logLength)
    expect(log.events).toEqual([])
  } finally {
    await log.close()
  }
}

describe('a refused command changes nothing', () => {
  it('on a sale with a lot on the block, a waiting lot with a book and a sold lot', async () => {
    const { sale, lots, seller } = await liveSale(engine, [
      { number: '1', reservePrice: '30.00' },
      '2',
      '3',
    ])
    const [one, two, three] = lots.map((lot) => lot.id) as [string, string, string]
    await offer(engine, sale.id, three)
    accepted(await engine.placeBid({ auctionId: three, bidderId: 'paddle-9', amount: '10.00' }))
    ok(await engine.hammerLot(three, {}, clerk))
    booked(await absentee(engine, two, 'paddle-5', '40.00'))
    await offer(engine, sale.id, one)
    accepted(
      await engine.placeBid({
        auctionId: one,
        bidderId: 'paddle-1',
        amount: '10.00',
        max: '20.00',
      }),
    )
    accepted(await engine.floorBid(one, { paddle: 'paddle-2' }, clerk))
    ok(await engine.askLot(one, '12.50', clerk))
    ok(await engine.warnLot(one, clerk))
    const bid = (bidderId: string, amount: string, extra: object = {}) =>
      engine.placeBid({ auctionId: one, bidderId, amount, ...extra })

    await expectNoChange(sale.id, [
      ['LOT_ON_BLOCK', () => engine.offerLot(sale.id, undefined, clerk)],
      ['LOT_ON_BLOCK', () => engine.offerLot(sale.id, two, clerk)],
      ['NOT_SELLER', () => engine.offerLot(sale.id, undefined, stranger)],
      ['INVALID_AMOUNT', () => engine.askLot(one, '11.00', clerk)],
      ['LOT_NOT_OPEN', () => engine.askLot(two, '20.00', clerk)],
      ['NOT_SELLER', () => engine.askLot(one, '20.00', stranger)],
      ['LOT_NOT_OPEN', () => engine.warnLot(two, clerk)],
      ['NOT_SELLER', () => engine.warnLot(one, stranger)],
      ['RESERVE_NOT_MET', () => engine.hammerLot(one, {}, clerk)],
      ['INVALID_INPUT', () => engine.hammerLot(one, { paddle: 'paddle-2' }, clerk)],
      ['INVALID_INPUT', () => engine.hammerLot(one, { paddle: seller.id }, clerk)],
      ['NOT_SELLER', () => engine.hammerLot(one, { belowReserve: true }, stranger)],
      ['LOT_NOT_OPEN', () => engine.hammerLot(two, {}, clerk)],
      ['LOT_NOT_OPEN', () => engine.passLot(three, clerk)],
      ['NOT_SELLER', () => engine.passLot(one, stranger)],
      ['LOT_NOT_OPEN', () => engine.retractBid(two, 'why', clerk)],
      ['NOT_SELLER', () => engine.retractBid(one, 'why', stranger)],
      ['INVALID_INPUT', () => engine.retractBid(one, ' ', clerk)],
      ['LOT_ON_BLOCK', () => engine.reopenLot(three, 'missed bid', clerk)],
      ['INVALID_STATUS', () => engine.reopenLot(two, 'missed bid', clerk)],
      ['INVALID_STATUS', () => engine.withdrawLot(one, clerk)],
      ['INVALID_STATUS', () => engine.withdrawLot(three, clerk)],
      ['NOT_SELLER', () => engine.withdrawLot(two, stranger)],
      ['NOT_SELLER', () => engine.floorBid(one, {}, stranger)],
      ['LOT_CLOSED', () => engine.floorBid(three, { paddle: 'paddle-3' }, clerk)],
      ['LOT_NOT_OPEN', () => engine.floorBid(two, { paddle: 'paddle-3' }, clerk)],
      ['BID_TOO_LOW', () => bid('paddle-3', '12.00')],
      ['ALREADY_LEADING', () => bid('paddle-1', '13.00', { max: '15.00' })],
      ['SELLER_CANNOT_BID', () => bid(seller.id, '13.00')],
      ['MAX_BELOW_AMOUNT', () => bid('paddle-3', '13.00', { max: '12.90' })],
      ['LOT_CLOSED', () => absentee(engine, three, 'paddle-3', '50.00')],
      ['LOT_NOT_OPEN', () => engine.placeBid({ auctionId: two, bidderId: 'p-3', amount: '20.00' })],
      ['BID_TOO_LOW', () => absentee(engine, two, 'paddle-5', '39.00')],
      ['BID_TOO_LOW', () => absentee(engine, two, 'paddle-6', '9.99')],
      ['SELLER_CANNOT_BID', () => absentee(engine, two, seller.id, '50.00')],
      [
        'INVALID_INPUT',
        () => engine.setDisplayRates(sale.id, [{ currency: 'USD', rate: '1' }], clerk),
      ],
      ['NOT_SELLER', () => engine.setDisplayRates(sale.id, [], stranger)],
    ])
  })

  it('on a lot on the block without bids, and with an anonymous floor leader', async () => {
    const { sale, lots, seller } = await liveSale(engine, ['1', '2'])
    const [one, two] = lots.map((lot) => lot.id) as [string, string]
    await offer(engine, sale.id)
    await expectNoChange(sale.id, [
      ['NO_BIDS', () => engine.hammerLot(one, {}, clerk)],
      ['NOTHING_TO_RETRACT', () => engine.retractBid(one, 'why', clerk)],
      // The starting price is the current price: an ask must be above it.
      ['INVALID_AMOUNT', () => engine.askLot(one, '10.00', clerk)],
    ])
    accepted(await engine.floorBid(one, {}, clerk))
    await expectNoChange(sale.id, [
      ['PADDLE_REQUIRED', () => engine.hammerLot(one, {}, clerk)],
      ['PADDLE_REQUIRED', () => engine.hammerLot(one, { paddle: 'floor' }, clerk)],
      ['SELLER_CANNOT_BID', () => engine.hammerLot(one, { paddle: seller.id }, clerk)],
    ])
    ok(await engine.hammerLot(one, { paddle: 'paddle-4' }, clerk))
    await offer(engine, sale.id)
    ok(await engine.passLot(two, clerk))
    await expectNoChange(sale.id, [
      ['NO_LOT_WAITING', () => engine.offerLot(sale.id, undefined, clerk)],
      ['LOT_CLOSED', () => engine.floorBid(two, { paddle: 'paddle-4' }, clerk)],
    ])
    expect((await logOf(engine, sale.id)).at(-1)?.action).toBe('pass')
  })
})
