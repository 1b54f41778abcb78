// Reopen: a sold or passed lot of an open live sale goes back on the block in its state at
// the hammer (a missed internet bid…), and can be sold again; the voided result stays in the
// audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, openEngine, person, rejected } from './fixtures'
import { clerk, entriesOf, liveSale, logOf, lotNow, offer, withoutSeq } from './live-fixtures'
import { ok, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const bid = (lotId: string, bidderId: string, amount: string, max?: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, ...(max ? { max } : {}) })

describe('reopen', () => {
  it('puts a sold lot back on the block as it was at the hammer, and resells it', async () => {
    const { sale, lots } = await liveSale(engine, [{ number: '1', reservePrice: '20.00' }, '2'])
    const lot = lots[0] as (typeof lots)[0]
    await offer(engine, sale.id)
    accepted(await bid(lot.id, 'paddle-1', '10.00', '24.00'))
    accepted(await bid(lot.id, 'paddle-2', '22.00'))
    const atHammer = await lotNow(engine, lot.id)
    const sold = ok(await engine.hammerLot(lot.id, {}, clerk)).lot
    expect(sold.result).toMatchObject({ winnerId: 'paddle-1', finalPrice: 2300 })
    // The missed bid is refused while the hammer stands.
    expect(rejected(await bid(lot.id, 'paddle-3', '25.00')).code).toBe('LOT_CLOSED')

    const reopened = ok(await engine.reopenLot(lot.id, 'missed internet bid', clerk)).lot
    expect(withoutSeq(reopened)).toEqual(withoutSeq(atHammer))
    expect(reopened).not.toHaveProperty('result')
    expect(await saleOf(engine, sale.id)).toMatchObject({
      onBlockLotId: lot.id,
      lotCounts: { active: 1, sold: 0, waiting: 1 },
    })

    // The leader's maximum is still there: 24.00 answers a bid at 24.00 (earlier wins).
    expect(accepted(await bid(lot.id, 'paddle-3', '24.00'))).toMatchObject({
      result: 'outbid',
      price: 2400,
      leaderId: 'paddle-1',
    })
    expect(accepted(await bid(lot.id, 'paddle-3', '25.00'))).toMatchObject({
      result: 'leading',
      price: 2500,
    })
    const resold = ok(await engine.hammerLot(lot.id, {}, clerk)).lot
    expect(resold).toMatchObject({
      lotStatus: 'sold',
      result: { winnerId: 'paddle-3', finalPrice: 2500, reserveMet: true },
    })
    expect(resold.hammerAt).toBeGreaterThanOrEqual(sold.hammerAt as number)
    expect(await entriesOf(engine, lot.id)).toEqual([
      ['paddle-1', 1000, 'manual', 'leading', 'online'],
      ['paddle-1', 2000, 'auto', 'leading', 'online'],
      ['paddle-2', 2200, 'manual', 'outbid', 'online'],
      ['paddle-1', 2300, 'auto', 'leading', 'online'],
      ['paddle-3', 2400, 'manual', 'outbid', 'online'],
      ['paddle-1', 2400, 'auto', 'leading', 'online'],
      ['paddle-3', 2500, 'manual', 'leading', 'online'],
    ])

    const log = await logOf(engine, sale.id)
    const tail = log.slice(log.findIndex((entry) => entry.action === 'hammer'))
    expect(tail.map((entry) => entry.action)).toEqual(['hammer', 'reopen', 'bid', 'bid', 'hammer'])
    expect(tail[1]).toMatchObject({
      operator: clerk.id,
      lotId: lot.id,
      reason: 'missed internet bid',
      priceBefore: 2300,
      priceAfter: 2300,
      leaderBefore: 'paddle-1',
      leaderAfter: 'paddle-1',
      detail: {
        voided: {
          status: 'sold',
          winnerId: 'paddle-1',
          finalPrice: 2300,
          hammerAt: sold.hammerAt,
          belowReserve: false,
        },
      },
    })
    expect(ok(await engine.verifySaleLog(sale.id)).entries).toBe(log.length)
  })

  it('a passed lot reopens too; a below-reserve sale is voided with its flag', async () => {
    const { sale, lots } = await liveSale(engine, [{ number: '1', reservePrice: '50.00' }])
    const lot = lots[0] as (typeof lots)[0]
    await offer(engine, sale.id)
    accepted(await bid(lot.id, 'paddle-1', '10.00'))
    ok(await engine.passLot(lot.id, clerk))
    const reopened = ok(await engine.reopenLot(lot.id, 'seller accepts lower', clerk)).lot
    expect(reopened).toMatchObject({
      lotStatus: 'active',
      onBlock: true,
      currentPrice: 1000,
      leaderId: 'paddle-1',
      hammerAt: null,
    })
    const sold = ok(await engine.hammerLot(lot.id, { belowReserve: true }, clerk)).lot
    ok(await engine.reopenLot(lot.id, 'wrong lot hammered', clerk))
    const entries = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'reopen')
    expect(entries.map((entry) => entry.detail?.voided)).toEqual([
      {
        status: 'passed',
        winnerId: null,
        finalPrice: 1000,
        hammerAt: expect.any(Number),
        belowReserve: false,
      },
      {
        status: 'sold',
        winnerId: 'paddle-1',
        finalPrice: 1000,
        hammerAt: sold.hammerAt,
        belowReserve: true,
      },
    ])
  })

  it('a floor sale reopens with the paddle that bought it as the leader', async () => {
    const { sale, lots } = await liveSale(engine, ['1'])
    const lot = lots[0] as (typeof lots)[0]
    await offer(engine, sale.id)
    accepted(await engine.floorBid(lot.id, {}, clerk))
    ok(await engine.hammerLot(lot.id, { paddle: 'paddle-44' }, clerk))
    const reopened = ok(await engine.reopenLot(lot.id, 'paddle misread', clerk)).lot
    expect(reopened).toMatchObject({ leaderId: 'paddle-44', currentPrice: 1000 })
    // The hammer needs no paddle now: the leader has one.
    expect(ok(await engine.hammerLot(lot.id, {}, clerk)).lot.result).toMatchObject({
      winnerId: 'paddle-44',
    })
  })

  it('refuses while another lot is on the block, a lot not sold or passed, a closed sale', async () => {
    const { sale, lots, seller } = await liveSale(engine, ['1', '2', '3'])
    const [one, two, three] = lots as [(typeof lots)[0], (typeof lots)[0], (typeof lots)[0]]
    await offer(engine, sale.id)
    accepted(await bid(one.id, 'paddle-1', '10.00'))
    ok(await engine.hammerLot(one.id, {}, clerk))
    await offer(engine, sale.id)
    expect(rejected(await engine.reopenLot(one.id, 'missed bid', clerk))).toMatchObject({
      code: 'LOT_ON_BLOCK',
      lotId: two.id,
    })
    expect(rejected(await engine.reopenLot(two.id, 'on the block', clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'active',
    })
    ok(await engine.passLot(two.id, clerk))
    expect(rejected(await engine.reopenLot(three.id, 'not offered', clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'waiting',
    })
    expect(rejected(await engine.reopenLot(one.id, '', clerk))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'reason',
    })
    expect(rejected(await engine.reopenLot(one.id, 'why', person('stranger'))).code).toBe(
      'NOT_SELLER',
    )
    ok(await engine.endSale(sale.id, seller))
    expect(rejected(await engine.reopenLot(one.id, 'after the sale', clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'closed',
    })
    expect(await lotNow(engine, one.id)).toMatchObject({
      lotStatus: 'sold',
      result: { winnerId: 'paddle-1', finalPrice: 1000 },
    })
  })
})
