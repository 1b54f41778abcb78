// Importing a catalogue (all rows or none, every bad row reported by its line) and retries by
// request id (create, add and import answer the first result again, never a second copy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine, CatalogueRow } from '../../src/main/engine'
import { redisUrl } from '../support/engine'
import { openEngine, person, uniqueId } from './fixtures'
import {
  createSale,
  lotInput,
  lotsOf,
  ok,
  refused,
  saleLog,
  saleOf,
  saleWithLots,
} from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
})
afterAll(() => close())

const seller = () => person(uniqueId('seller'))

/** Catalogue rows as a CSV import hands them over: [line, lot]. */
const rows = (...inputs: [number, ReturnType<typeof lotInput>][]): CatalogueRow[] =>
  inputs.map(([line, input]) => ({ line, input }))

describe('importing a catalogue', () => {
  it('adds every row, in catalogue order', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner)
    const imported = ok(
      await engine.importLots(
        sale.id,
        rows(
          [2, lotInput('10', { reservePrice: '50.00', estimateLow: '40', estimateHigh: '60' })],
          [3, lotInput('9A')],
          [4, lotInput('9')],
        ),
        owner,
      ),
    ).lots
    expect(imported.map((lot) => lot.number)).toEqual(['10', '9A', '9'])
    expect(imported[0]).toMatchObject({ reservePrice: 5000, estimateLow: 4000, estimateHigh: 6000 })
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.number)).toEqual(['9', '9A', '10'])
  })

  it('with bad rows: reports each by its line and reason, and imports nothing', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['5'])
    const before = await lotsOf(engine, sale.id)
    const { seq } = await saleOf(engine, sale.id)
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      const answer = await engine.importLots(
        sale.id,
        rows(
          [2, lotInput('1')],
          [3, lotInput('2', { startingPrice: '12.345' })], // bad money
          [4, lotInput('5')], // taken by a lot of the sale
          [5, lotInput('7')],
          [6, lotInput('007')], // the same number twice in the file
          [7, lotInput('8', { reservePrice: 'ten' })], // bad money
        ),
        owner,
      )
      const error = refused(answer)
      expect(error.code).toBe('INVALID_CATALOGUE')
      expect(error.rows?.map((row) => [row.line, row.code])).toEqual([
        [3, 'INVALID_AMOUNT'],
        [4, 'LOT_NUMBER_TAKEN'],
        [6, 'LOT_NUMBER_TAKEN'],
        [7, 'INVALID_AMOUNT'],
      ])
      expect(await lotsOf(engine, sale.id)).toEqual(before)
      expect((await saleOf(engine, sale.id)).seq).toBe(seq)
      // The next event on the channel is the marker that follows, not anything of the import.
      ok(await engine.updateLot((before[0] as (typeof before)[0]).id, { title: 'marker' }, owner))
      await log.waitFor((event) => event.type === 'lot_updated')
      expect(log.events.map((event) => event.type)).toEqual(['lot_updated'])
    } finally {
      await log.close()
    }
  })

  it('taken numbers and duplicates alone are reported by line too', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['3'])
    const answer = await engine.importLots(
      sale.id,
      rows([10, lotInput('1')], [11, lotInput('3')], [12, lotInput('1')]),
      owner,
    )
    expect(refused(answer).rows).toEqual([
      { line: 11, code: 'LOT_NUMBER_TAKEN', message: expect.stringContaining('3') },
      { line: 12, code: 'LOT_NUMBER_TAKEN', message: expect.stringContaining('1') },
    ])
    expect(await lotsOf(engine, sale.id)).toHaveLength(1)
  })
})

describe('retries by request id', () => {
  it('createSale answers the same sale, never a second one', async () => {
    const owner = seller()
    const input = { title: 'Once', mode: 'timed', increment: '1.00', durationMs: 60_000 } as const
    const first = ok(await engine.createSale({ ...input, requestId: 'create-1' }, owner))
    const again = ok(await engine.createSale({ ...input, requestId: 'create-1' }, owner))
    expect(again).toEqual({ ...first, duplicate: true })
    const other = ok(await engine.createSale({ ...input, requestId: 'create-2' }, owner))
    expect(other.sale.id).not.toBe(first.sale.id)
    const listed = ok(await engine.listSales({ sellerId: owner.id })).sales
    expect(listed.map((sale) => sale.id).sort()).toEqual([first.sale.id, other.sale.id].sort())
  })

  it('addLot answers the same lot, also after its sale has opened', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner, { mode: 'live' })
    const input = { ...lotInput('1'), requestId: 'lot-1' }
    const first = ok(await engine.addLot(sale.id, input, owner))
    expect(first.duplicate).toBe(false)
    const again = ok(await engine.addLot(sale.id, input, owner))
    expect(again).toEqual({ ...first, duplicate: true })
    ok(await engine.startSale(sale.id, owner))
    const late = ok(await engine.addLot(sale.id, input, owner))
    expect(late).toMatchObject({ duplicate: true, lot: { id: first.lot.id } })
    expect(await lotsOf(engine, sale.id)).toHaveLength(1)
  })

  it('importLots answers the same lots, never a second copy', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner)
    const catalogue = rows([2, lotInput('1')], [3, lotInput('2')])
    const first = ok(await engine.importLots(sale.id, catalogue, owner, 'import-1')).lots
    const again = ok(await engine.importLots(sale.id, catalogue, owner, 'import-1')).lots
    expect(again.map((lot) => lot.id)).toEqual(first.map((lot) => lot.id))
    expect(await lotsOf(engine, sale.id)).toHaveLength(2)
  })

  it('createAuction answers the same auction', async () => {
    const sellerId = uniqueId('seller')
    const input = {
      title: 'Once',
      sellerId,
      startingPrice: '1.00',
      increment: '1.00',
      durationMs: 60_000,
      start: true,
      requestId: 'auction-1',
    }
    const first = ok(await engine.createAuction(input)).auction
    const again = ok(await engine.createAuction(input)).auction
    expect(again.id).toBe(first.id)
    expect(ok(await engine.listAuctions({ sellerId })).auctions).toHaveLength(1)
  })
})
