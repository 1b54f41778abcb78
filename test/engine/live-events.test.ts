// The events of a live sale on its channel, as a console's subscriber receives them: each
// clerk's action is its own event type, with the sale's next seq (no gaps), the lot's previous
// seq, the lot state after it, and the fair-warning flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { SaleChannelEvent } from '../../src/shared/domain'
import { isLotEvent } from '../../src/shared/domain'
import { accepted, openEngine, redisUrl } from './fixtures'
import { absentee, booked, clerk, liveSale, lotNow, offer } from './live-fixtures'
import { lotIdOf, ok, saleLog, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** The fields of an event a console acts on, by its type. */
function summary(event: SaleChannelEvent): unknown[] {
  if (!isLotEvent(event)) return [event.type]
  const state = [event.type, event.lotId, event.price, event.leaderId, event.askingPrice]
  return 'warning' in event ? [...state, event.warning] : state
}

describe('live sale events', () => {
  it('one event per action, in seq order, with the lot state and the warning flag', async () => {
    const { sale, lots, seller } = await liveSale(engine, ['1', '2', '3'])
    const [one, two, three] = lots.map((lot) => lot.id) as [string, string, string]
    booked(await absentee(engine, one, 'paddle-1', '30.00'))
    booked(await absentee(engine, one, 'paddle-2', '40.00'))
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      const baseline = (await saleOf(engine, sale.id)).seq
      await offer(engine, sale.id)
      accepted(await engine.floorBid(one, { paddle: 'paddle-3' }, clerk))
      ok(await engine.warnLot(one, clerk))
      accepted(await engine.floorBid(one, { paddle: 'paddle-3' }, clerk))
      ok(await engine.askLot(one, '36.50', clerk))
      ok(await engine.retractBid(one, 'wrong paddle', clerk))
      ok(await engine.hammerLot(one, {}, clerk))
      ok(await engine.reopenLot(one, 'missed bid', clerk))
      ok(await engine.passLot(one, clerk))
      ok(await engine.withdrawLot(three, clerk))
      await offer(engine, sale.id)
      ok(await engine.setDisplayRates(sale.id, [{ currency: 'EUR', rate: '0.92' }], clerk))
      ok(await engine.passLot(two, clerk))
      ok(await engine.endSale(sale.id, seller))
      await log.waitFor((event) => event.type === 'sale_closed')

      const events = log.events
      expect(events.map(summary)).toEqual([
        ['lot_offered', one, 1000, null, 1000, false],
        ['book_executed', one, 3100, 'paddle-2', 3200, false],
        // paddle-3 at 32.00 against the absentee's 40.00: it answers at 33.00.
        ['bid_placed', one, 3300, 'paddle-2', 3400, false],
        ['fair_warning', one, 3300, 'paddle-2', 3400, true],
        // paddle-3 again at 34.00: the absentee answers at 35.00, and the warning clears.
        ['bid_placed', one, 3500, 'paddle-2', 3600, false],
        ['warning_cleared', one, 3500, 'paddle-2', 3600, false],
        ['ask_changed', one, 3500, 'paddle-2', 3650, false],
        // Back to before that bid: the warning given before it stands again, the ask is gone.
        ['bid_retracted', one, 3300, 'paddle-2', 3400, true],
        ['lot_sold', one, 3300, 'paddle-2', 3400, false],
        ['lot_reopened', one, 3300, 'paddle-2', 3400, false],
        ['lot_passed', one, 3300, 'paddle-2', 3400, false],
        ['lot_withdrawn', three, 1000, null, 1000, false],
        ['lot_offered', two, 1000, null, 1000, false],
        ['rates_changed'],
        ['lot_passed', two, 1000, null, 1000, false],
        ['sale_closed'],
      ])
      expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => baseline + 1 + i))
      // Each lot event names the seq of that lot's previous event.
      const last = new Map<string, number>()
      for (const event of events) {
        const lotId = lotIdOf(event)
        if (isLotEvent(event) && last.has(event.lotId)) {
          expect(event.prevSeq, `${event.type} ${event.seq}`).toBe(last.get(event.lotId))
        }
        if (lotId !== undefined) last.set(lotId, event.seq)
      }
      for (const lotId of [one, two, three]) {
        expect((await lotNow(engine, lotId)).seq).toBe(last.get(lotId))
      }

      const byType = (type: string) => events.filter((event) => event.type === type)
      const executed = byType('book_executed')[0] as SaleChannelEvent & { bids: unknown[] }
      expect(executed.bids).toEqual([
        expect.objectContaining({ id: 1, bidderId: 'paddle-1', amount: 3000, outcome: 'outbid' }),
        expect.objectContaining({ id: 2, bidderId: 'paddle-2', amount: 3100, outcome: 'leading' }),
      ])
      expect(byType('ask_changed')[0]).toMatchObject({ askOverride: 3650 })
      expect(byType('bid_retracted')[0]).toMatchObject({ bidIds: [5, 6], reason: 'wrong paddle' })
      const sold = byType('lot_sold')[0] as SaleChannelEvent & { at: number }
      expect(sold).toMatchObject({
        lotStatus: 'sold',
        result: { winnerId: 'paddle-2', finalPrice: 3300, reserveMet: true, hammerAt: sold.at },
      })
      expect(byType('lot_reopened')[0]).toMatchObject({ reason: 'missed bid', lotStatus: 'active' })
      expect(byType('lot_passed')[0]).toMatchObject({
        lotStatus: 'passed',
        result: { winnerId: null, finalPrice: 3300 },
      })
      expect(byType('rates_changed')[0]).toMatchObject({
        displayRates: [{ currency: 'EUR', rate: '0.92' }],
      })
    } finally {
      await log.close()
    }
  })

  it("a split bid's event carries the next asking price, not the spent ask", async () => {
    const { sale, lots } = await liveSale(engine, ['1'])
    const lot = (lots[0] as (typeof lots)[0]).id
    await offer(engine, sale.id)
    accepted(await engine.floorBid(lot, { paddle: 'paddle-1' }, clerk))
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      ok(await engine.askLot(lot, '10.50', clerk))
      accepted(await engine.floorBid(lot, { paddle: 'paddle-2' }, clerk))
      const placed = await log.waitFor((event) => event.type === 'bid_placed')
      expect(await lotNow(engine, lot)).toMatchObject({ currentPrice: 1050, askingPrice: 1150 })
      expect(placed).toMatchObject({ price: 1050, askingPrice: 1150 })
    } finally {
      await log.close()
    }
  })
})
