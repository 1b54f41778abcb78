// A sale's channel: every change to the sale or any of its lots is one event with the sale's
// next seq (no gaps, no repeats), lot events carry their lot id and the seq of that lot's
// previous event, and the sale JSON counts its lots by status as they move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { Lot, LotStatus, SaleChannelEvent } from '../../src/shared/domain'
import { isLotEvent } from '../../src/shared/domain'
import { accepted, openEngine, person, redisUrl, uniqueId } from './fixtures'
import { createSale, lotIdOf, lotInput, lotsOf, ok, saleLog, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
})
afterAll(() => close())

const counts = (partial: Partial<Record<LotStatus, number>>): Record<LotStatus, number> => ({
  waiting: 0,
  active: 0,
  sold: 0,
  passed: 0,
  withdrawn: 0,
  cancelled: 0,
  ...partial,
})

describe('sale events', () => {
  it('one seq per sale, consecutive; lot events chain by prevSeq; lot counts follow', async () => {
    const owner = person(uniqueId('seller'))
    const sale = await createSale(engine, owner)
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      const baseline = (await saleOf(engine, sale.id)).seq
      const add = async (number: string): Promise<Lot> =>
        ok(await engine.addLot(sale.id, lotInput(number, { reservePrice: '20.00' }), owner)).lot
      const three = await add('3')
      const one = await add('1')
      const two = await add('2')
      const extra = await add('4')
      ok(await engine.updateLot(two.id, { title: 'Pair of vases' }, owner))
      ok(await engine.removeLot(extra.id, owner))
      expect((await saleOf(engine, sale.id)).lotCounts).toEqual(counts({ waiting: 3 }))

      ok(await engine.startSale(sale.id, owner))
      expect((await saleOf(engine, sale.id)).lotCounts).toEqual(counts({ active: 3 }))
      // A proxy bid that reaches the reserve (two entries), then the leader raises the maximum.
      accepted(
        await engine.placeBid({ auctionId: one.id, bidderId: 'p1', amount: '10.00', max: '30.00' }),
      )
      accepted(
        await engine.placeBid({ auctionId: one.id, bidderId: 'p1', amount: '21.00', max: '40.00' }),
      )
      ok(await engine.endAuction(one.id, owner))
      ok(await engine.cancelAuction(two.id, owner))
      expect((await saleOf(engine, sale.id)).lotCounts).toEqual(
        counts({ active: 1, sold: 1, withdrawn: 1 }),
      )
      ok(await engine.endSale(sale.id, owner))
      await log.waitFor((event) => event.type === 'sale_closed')

      const events = log.events
      const described = events.map((event) => [event.type, lotIdOf(event) ?? null])
      expect(described).toEqual([
        ['lot_added', three.id],
        ['lot_added', one.id],
        ['lot_added', two.id],
        ['lot_added', extra.id],
        ['lot_updated', two.id],
        ['lot_removed', extra.id],
        // Opening: each lot in catalogue order, then the sale.
        ['auction_started', one.id],
        ['auction_started', two.id],
        ['auction_started', three.id],
        ['sale_started', null],
        ['bid_placed', one.id],
        ['max_raised', one.id],
        ['auction_ended', one.id],
        ['auction_cancelled', two.id],
        ['auction_ended', three.id],
        ['sale_closed', null],
      ])
      expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => baseline + 1 + i))
      expectLotChains(events, sale.id)

      const final = await saleOf(engine, sale.id)
      expect(final).toMatchObject({
        status: 'closed',
        seq: events.at(-1)?.seq,
        lotCount: 3,
        lotCounts: counts({ sold: 1, withdrawn: 1, passed: 1 }),
      })
      // Each lot holds the seq of its own last event: what a lot watcher compares prevSeq with.
      for (const lot of await lotsOf(engine, sale.id)) {
        const last = events.filter((event) => lotIdOf(event) === lot.id).at(-1)
        expect(lot.seq).toBe(last?.seq)
      }
    } finally {
      await log.close()
    }
  })

  it('a standalone auction has lot events only, on its sale channel, chained the same way', async () => {
    const sellerId = uniqueId('seller')
    const created = ok(
      await engine.createAuction({
        title: 'Teapot',
        sellerId,
        startingPrice: '10.00',
        increment: '1.00',
        durationMs: 3_600_000,
      }),
    ).auction
    expect(created).toMatchObject({ saleId: created.id, number: '1', status: 'draft' })
    const log = await saleLog(redisUrl(), [created.saleId])
    try {
      ok(await engine.startAuction(created.id, { id: sellerId, staff: false }))
      accepted(await engine.placeBid({ auctionId: created.id, bidderId: 'p1', amount: '10.00' }))
      ok(await engine.endAuction(created.id, { id: sellerId, staff: false }))
      await log.waitFor((event) => event.type === 'auction_ended')
      expect(log.events.map((event) => [event.type, lotIdOf(event)])).toEqual([
        ['auction_started', created.id],
        ['bid_placed', created.id],
        ['auction_ended', created.id],
      ])
      expect(log.events.map((event) => event.seq)).toEqual([
        created.seq + 1,
        created.seq + 2,
        created.seq + 3,
      ])
      expectLotChains(log.events, created.saleId, created.seq)
      expect(await saleOf(engine, created.saleId)).toMatchObject({
        standalone: true,
        status: 'closed',
        lotCount: 1,
        lotCounts: counts({ sold: 1 }),
      })
    } finally {
      await log.close()
    }
  })
})

/**
 * Every lot event names its lot and sale, and its prevSeq is the seq of the previous event
 * that concerned the same lot (a sale-level lot_added / lot_updated included).
 */
function expectLotChains(events: SaleChannelEvent[], saleId: string, firstPrev?: number): void {
  const last = new Map<string, number>()
  for (const event of events) {
    const lotId = lotIdOf(event)
    if (isLotEvent(event)) {
      expect(event).toMatchObject({ lotId: event.auctionId, saleId })
      const previous = last.get(event.lotId) ?? firstPrev
      expect(previous, `a previous event of ${event.lotId}`).toBeDefined()
      expect(event.prevSeq).toBe(previous)
    }
    if (lotId !== undefined) last.set(lotId, event.seq)
  }
}
