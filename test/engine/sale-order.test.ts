// The catalogue order set by hand: it replaces the number order, names every lot once, keeps
// a renumbered lot in place, puts lots added later last, and drives the close order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { openEngine, person, staff, uniqueId } from './fixtures'
import { lotInput, lotsOf, ok, refused, saleWithLots } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
})
afterAll(() => close())

const numbers = async (saleId: string) => (await lotsOf(engine, saleId)).map((l) => l.number)

describe('catalogue order by hand', () => {
  it('replaces the number order; later lots go last; a new number keeps its place', async () => {
    const owner = person(uniqueId('seller'))
    const { sale } = await saleWithLots(engine, owner, ['1', '2', '12A', '3'])
    expect(await numbers(sale.id)).toEqual(['1', '2', '3', '12A'])

    const reordered = ok(await engine.reorderLots(sale.id, ['3', '12a', '1', '2'], owner))
    expect(reordered.lots.map((l) => l.number)).toEqual(['3', '12A', '1', '2'])
    ok(await engine.addLot(sale.id, lotInput('0'), owner))
    expect(await numbers(sale.id)).toEqual(['3', '12A', '1', '2', '0'])
    const [lot3] = (await lotsOf(engine, sale.id)).filter((l) => l.number === '3')
    ok(await engine.updateLot(lot3?.id as string, { number: '30' }, owner))
    expect(await numbers(sale.id)).toEqual(['30', '12A', '1', '2', '0'])

    // Started, the lots close in that order, one interval apart.
    ok(await engine.startSale(sale.id, owner))
    const lots = await lotsOf(engine, sale.id)
    const ends = lots.map((l) => l.endsAt as number)
    expect(ends).toEqual([...ends].sort((a, b) => a - b))
    expect(new Set(ends).size).toBe(ends.length)
  })

  it('names every lot once, only while the sale is a draft or scheduled, only its owner', async () => {
    const owner = person(uniqueId('seller'))
    const { sale } = await saleWithLots(engine, owner, ['1', '2', '3'])
    const before = await numbers(sale.id)
    for (const order of [
      ['1', '2'],
      ['1', '2', '2'],
      ['1', '2', '9'],
      ['1', 'x', '3'],
    ]) {
      expect(
        refused(await engine.reorderLots(sale.id, order, owner)),
        order.join(','),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'order' })
    }
    expect(
      refused(await engine.reorderLots(sale.id, ['3', '2', '1'], person('other'))),
    ).toMatchObject({
      code: 'NOT_SELLER',
    })
    expect(await numbers(sale.id)).toEqual(before)
    ok(await engine.startSale(sale.id, staff()))
    expect(refused(await engine.reorderLots(sale.id, ['3', '2', '1'], owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'open',
    })
  })
})
