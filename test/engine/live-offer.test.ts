// The block of a live sale: at most one lot on it. Offering takes the next waiting lot in
// catalogue order, or any waiting or passed lot by id; withdrawing takes a waiting lot out of
// the sale (its absentee book kept in the log). Each with its error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, openEngine, person, rejected, uniqueId } from './fixtures'
import { absentee, booked, clerk, liveSale, logOf, lotNow, offer } from './live-fixtures'
import { lotsOf, ok, saleOf, saleWithLots } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('offer', () => {
  it('offers the waiting lots in catalogue order, one at a time, then NO_LOT_WAITING', async () => {
    const { sale, lots } = await liveSale(engine, ['3', '1', '2A', '2'])
    const byNumber = new Map(lots.map((lot) => [lot.number, lot.id]))
    const offered: string[] = []
    for (let i = 0; i < 4; i++) {
      const before = await engine.serverTime()
      const lot = await offer(engine, sale.id)
      expect(lot).toMatchObject({ lotStatus: 'active', status: 'active', onBlock: true })
      expect(lot.startsAt).toBeGreaterThanOrEqual(before)
      expect(await saleOf(engine, sale.id)).toMatchObject({ onBlockLotId: lot.id })
      // Another lot on the block: LOT_ON_BLOCK, naming it.
      expect(rejected(await engine.offerLot(sale.id, undefined, clerk))).toMatchObject({
        code: 'LOT_ON_BLOCK',
        lotId: lot.id,
      })
      offered.push(lot.number)
      ok(await engine.passLot(lot.id, clerk))
      expect(await saleOf(engine, sale.id)).toMatchObject({ onBlockLotId: null })
    }
    expect(offered).toEqual(['1', '2', '2A', '3'])
    expect(rejected(await engine.offerLot(sale.id, undefined, clerk)).code).toBe('NO_LOT_WAITING')
    expect(byNumber.size).toBe(4)
    const log = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'offer')
    expect(log.map((entry) => [entry.lotId, entry.operator, entry.detail])).toEqual(
      ['1', '2', '2A', '3'].map((number) => [
        byNumber.get(number),
        clerk.id,
        { number, again: false },
      ]),
    )
  })

  it('offers a waiting lot out of order, and a passed lot again as it was', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2', '3'])
    const [one, two, three] = lots as [(typeof lots)[0], (typeof lots)[0], (typeof lots)[0]]
    expect((await offer(engine, sale.id, three.id)).id).toBe(three.id)
    accepted(await engine.placeBid({ auctionId: three.id, bidderId: 'paddle-1', amount: '12.00' }))
    const passed = ok(await engine.passLot(three.id, clerk)).lot
    expect((await offer(engine, sale.id)).id).toBe(one.id)
    ok(await engine.passLot(one.id, clerk))
    const again = await offer(engine, sale.id, three.id)
    expect(again).toMatchObject({
      lotStatus: 'active',
      onBlock: true,
      currentPrice: 1200,
      leaderId: 'paddle-1',
      bidCount: 1,
      startsAt: passed.startsAt,
      hammerAt: null,
    })
    expect(again).not.toHaveProperty('result')
    expect((await logOf(engine, sale.id)).at(-1)).toMatchObject({
      action: 'offer',
      lotId: three.id,
      detail: { number: '3', again: true },
    })
    ok(await engine.passLot(three.id, clerk))
    expect((await offer(engine, sale.id)).id).toBe(two.id)
  })

  it('refuses a sold or withdrawn lot (INVALID_STATUS) and a lot of another sale', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2', '3'])
    const [one, two] = lots as [(typeof lots)[0], (typeof lots)[0]]
    await offer(engine, sale.id, one.id)
    accepted(await engine.floorBid(one.id, { paddle: 'paddle-1' }, clerk))
    ok(await engine.hammerLot(one.id, {}, clerk))
    expect(rejected(await engine.offerLot(sale.id, one.id, clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'sold',
    })
    ok(await engine.withdrawLot(two.id, clerk))
    expect(rejected(await engine.offerLot(sale.id, two.id, clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'withdrawn',
    })
    const other = await liveSale(engine, ['1'])
    const foreign = (other.lots[0] as (typeof lots)[0]).id
    expect(rejected(await engine.offerLot(sale.id, foreign, clerk)).code).toBe('AUCTION_NOT_FOUND')
    expect(rejected(await engine.offerLot(sale.id, `${sale.id}.99`, clerk)).code).toBe(
      'AUCTION_NOT_FOUND',
    )
    expect(await lotNow(engine, foreign)).toMatchObject({ lotStatus: 'waiting' })
    // The withdrawn lot is skipped: the next waiting one is 3.
    expect((await offer(engine, sale.id)).number).toBe('3')
  })

  it('refuses a timed sale, a sale not open, a stranger; the seller may run it', async () => {
    const owner = person(uniqueId('seller'))
    const timed = await saleWithLots(engine, owner, ['1'])
    ok(await engine.startSale(timed.sale.id, owner))
    expect(rejected(await engine.offerLot(timed.sale.id, undefined, clerk)).code).toBe(
      'NOT_LIVE_SALE',
    )
    ok(await engine.cancelSale(timed.sale.id, owner))

    const { sale, seller } = await liveSale(engine, ['1', '2'], { open: false })
    expect(rejected(await engine.offerLot(sale.id, undefined, clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'draft',
    })
    ok(await engine.startSale(sale.id, seller))
    expect(rejected(await engine.offerLot(sale.id, undefined, person('stranger'))).code).toBe(
      'NOT_SELLER',
    )
    expect(ok(await engine.offerLot(sale.id, undefined, seller)).lot.number).toBe('1')
    ok(await engine.endSale(sale.id, seller))
    expect(rejected(await engine.offerLot(sale.id, undefined, clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'closed',
    })
    expect(rejected(await engine.offerLot('NO-SUCH-SALE', undefined, clerk)).code).toBe(
      'SALE_NOT_FOUND',
    )
  })
})

describe('withdraw', () => {
  it('a waiting lot leaves the sale; its absentee book is kept in the log', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2'])
    const lot = lots[1] as (typeof lots)[0]
    booked(await absentee(engine, lot.id, 'paddle-1', '30.00'))
    booked(await absentee(engine, lot.id, 'paddle-2', '45.00'))
    const withdrawn = ok(await engine.withdrawLot(lot.id, clerk)).lot
    expect(withdrawn).toMatchObject({ lotStatus: 'withdrawn', status: 'cancelled', onBlock: false })
    const entry = (await logOf(engine, sale.id)).at(-1)
    expect(entry).toMatchObject({ action: 'withdraw', operator: clerk.id, lotId: lot.id })
    const book = (entry?.detail?.book ?? []) as { bidder: string; max: number }[]
    expect(book.slice().sort((a, b) => a.max - b.max)).toEqual([
      { bidder: 'paddle-1', max: 3000 },
      { bidder: 'paddle-2', max: 4500 },
    ])
    expect(rejected(await absentee(engine, lot.id, 'paddle-3', '50.00')).code).toBe(
      'AUCTION_NOT_ACTIVE',
    )
    expect(await saleOf(engine, sale.id)).toMatchObject({
      status: 'open',
      lotCounts: { waiting: 1, withdrawn: 1 },
    })
  })

  it('in a live sale only a waiting lot: on the block or sold is INVALID_STATUS', async () => {
    const { sale, lots, seller } = await liveSale(engine, ['1', '2'])
    const [one, two] = lots as [(typeof lots)[0], (typeof lots)[0]]
    await offer(engine, sale.id)
    expect(rejected(await engine.withdrawLot(one.id, clerk))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'active',
    })
    accepted(await engine.floorBid(one.id, { paddle: 'paddle-1' }, clerk))
    ok(await engine.hammerLot(one.id, {}, clerk))
    expect(rejected(await engine.withdrawLot(one.id, clerk)).code).toBe('INVALID_STATUS')
    expect(rejected(await engine.withdrawLot(two.id, person('stranger'))).code).toBe('NOT_SELLER')
    ok(await engine.withdrawLot(two.id, seller))
    const statuses = (await lotsOf(engine, sale.id)).map((lot) => lot.lotStatus)
    expect(statuses).toEqual(['sold', 'withdrawn'])
    const withdrawals = (await logOf(engine, sale.id)).filter((e) => e.action === 'withdraw')
    expect(withdrawals).toHaveLength(1)
    expect(withdrawals[0]?.detail).toBeNull()
  })
})
