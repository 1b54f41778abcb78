// Sales at engine level, before they open: creating one (timed or live, and what is refused),
// building its catalogue (order, numbers, owner, status), editing and removing draft lots.
// Imports and retries: sale-import.test.ts; start and close: sale-lifecycle.test.ts and
// sale-endings.test.ts; events: sale-events.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { openEngine, person, staff, uniqueId } from './fixtures'
import { createSale, lotInput, lotsOf, ok, refused, saleOf, saleWithLots } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
})
afterAll(() => close())

const seller = () => person(uniqueId('seller'))

describe('creating a sale', () => {
  it('a timed sale: a draft with its first close, interval and lot counts', async () => {
    const owner = seller()
    const firstCloseAt = (await engine.serverTime()) + 3_600_000
    const answer = ok(
      await engine.createSale(
        {
          title: 'Spring sale',
          mode: 'timed',
          currency: 'GBP',
          increment: '5.00',
          firstCloseAt,
          closeIntervalSeconds: 30,
          softCloseSeconds: 20,
        },
        owner,
      ),
    )
    expect(answer.duplicate).toBe(false)
    expect(answer.sale).toMatchObject({
      title: 'Spring sale',
      description: '',
      mode: 'timed',
      status: 'draft',
      currency: 'GBP',
      sellerId: owner.id,
      startsAt: null,
      firstCloseAt,
      closeIntervalSeconds: 30,
      softCloseSeconds: 20,
      increment: 500,
      lotCount: 0,
      lotCounts: { waiting: 0, active: 0, sold: 0, passed: 0, withdrawn: 0, cancelled: 0 },
      standalone: false,
    })
    expect(answer.sale.createdAt).toBeGreaterThan(0)
  })

  it('a live sale, and a sale with a start time is scheduled', async () => {
    const live = await createSale(engine, seller(), { mode: 'live' })
    expect(live).toMatchObject({ mode: 'live', status: 'draft', firstCloseAt: null })
    const startsAt = (await engine.serverTime()) + 600_000
    const scheduled = await createSale(engine, seller(), { startsAt })
    expect(scheduled).toMatchObject({ status: 'scheduled', startsAt, durationMs: 3_600_000 })
  })

  it.each([
    ['timed without first close or duration', { durationMs: null }, 'firstCloseAt'],
    ['timed with both', { firstCloseAt: Date.now() + 3_600_000 }, 'firstCloseAt'],
    [
      'live with a first close',
      { mode: 'live', firstCloseAt: Date.now() + 60_000 },
      'firstCloseAt',
    ],
    ['live with a duration', { mode: 'live', durationMs: 60_000 }, 'durationMs'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a start time and start now', { startsAt: Date.now() + 60_000, start: true }, 'startsAt'],
  ] as const)('refuses %s (INVALID_INPUT)', async (_name, overrides, field) => {
    const owner = seller()
    const answer = await engine.createSale(
      { title: 'Bad', mode: 'timed', increment: '1.00', durationMs: 3_600_000, ...overrides },
      owner,
    )
    expect(refused(answer)).toMatchObject({ code: 'INVALID_INPUT', field })
    expect(ok(await engine.listSales({ sellerId: owner.id })).sales).toEqual([])
  })

  it('refuses to open a timed sale that has no lots yet', async () => {
    const answer = await engine.createSale(
      { title: 'Empty', mode: 'timed', increment: '1.00', durationMs: 60_000, start: true },
      seller(),
    )
    expect(refused(answer)).toMatchObject({ code: 'INVALID_STATUS', status: 'draft' })
  })
})

describe('the catalogue', () => {
  it('is in lot-number order (2 < 12 < 12A < 13) whatever the order of adding', async () => {
    const owner = seller()
    const { sale, lots } = await saleWithLots(engine, owner, ['13', '12a', '2', '012'])
    // Ids count up in the order of adding; numbers are kept upper-case without leading zeros.
    expect(lots.map((lot) => [lot.id, lot.number])).toEqual([
      [`${sale.id}.1`, '13'],
      [`${sale.id}.2`, '12A'],
      [`${sale.id}.3`, '2'],
      [`${sale.id}.4`, '12'],
    ])
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.number)).toEqual([
      '2',
      '12',
      '12A',
      '13',
    ])
    expect(lots[0]).toMatchObject({
      saleId: sale.id,
      lotStatus: 'waiting',
      status: 'draft',
      sellerId: owner.id,
      startingPrice: 1000,
      currentPrice: 1000,
      increment: 100,
      estimateLow: null,
      estimateHigh: null,
    })
    expect(await saleOf(engine, sale.id)).toMatchObject({
      lotCount: 4,
      lotCounts: { waiting: 4, active: 0 },
    })
  })

  it('refuses a number already in the sale (LOT_NUMBER_TAKEN)', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['12A'])
    for (const number of ['12A', '12a', '0012A']) {
      const answer = await engine.addLot(sale.id, lotInput(number), owner)
      expect(refused(answer).code).toBe('LOT_NUMBER_TAKEN')
    }
    expect(await lotsOf(engine, sale.id)).toHaveLength(1)
  })

  it('only the seller or staff add lots (NOT_SELLER)', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner)
    const answer = await engine.addLot(sale.id, lotInput('1'), person(uniqueId('other')))
    expect(refused(answer).code).toBe('NOT_SELLER')
    ok(await engine.addLot(sale.id, lotInput('1'), staff()))
    expect(await lotsOf(engine, sale.id)).toHaveLength(1)
  })

  it('refuses lots once the sale is open (INVALID_STATUS)', async () => {
    const owner = seller()
    const { sale } = await saleWithLots(engine, owner, ['1'], { mode: 'live' })
    ok(await engine.startSale(sale.id, owner))
    const answer = await engine.addLot(sale.id, lotInput('2'), owner)
    expect(refused(answer)).toMatchObject({ code: 'INVALID_STATUS', status: 'open' })
  })

  it('refuses a lot without an increment in a sale without a default (INVALID_INPUT)', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner, { increment: null })
    const answer = await engine.addLot(sale.id, lotInput('1'), owner)
    expect(refused(answer)).toMatchObject({ code: 'INVALID_INPUT', field: 'increment' })
    const own = ok(await engine.addLot(sale.id, lotInput('1', { increment: '2.50' }), owner))
    expect(own.lot.increment).toBe(250)
  })

  it('edits and removes a draft lot; a removed number is free again', async () => {
    const owner = seller()
    const { sale, lots } = await saleWithLots(engine, owner, ['1', '2', '3'])
    const [first, second] = lots as [(typeof lots)[0], (typeof lots)[0]]
    const edited = ok(
      await engine.updateLot(
        first.id,
        {
          number: '4',
          title: 'Silver teapot',
          startingPrice: '20.00',
          estimateLow: '100',
          estimateHigh: '200',
        },
        owner,
      ),
    ).lot
    expect(edited).toMatchObject({
      number: '4',
      title: 'Silver teapot',
      startingPrice: 2000,
      currentPrice: 2000,
      estimateLow: 10000,
      estimateHigh: 20000,
    })
    expect(refused(await engine.updateLot(second.id, { number: '3' }, owner)).code).toBe(
      'LOT_NUMBER_TAKEN',
    )
    expect(refused(await engine.updateLot(second.id, { title: 'x' }, seller())).code).toBe(
      'NOT_SELLER',
    )
    ok(await engine.removeLot(second.id, owner))
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.number)).toEqual(['3', '4'])
    expect(ok(await engine.addLot(sale.id, lotInput('1'), owner)).lot.number).toBe('1')
    expect(ok(await engine.addLot(sale.id, lotInput('2'), owner)).lot.number).toBe('2')
    expect((await lotsOf(engine, sale.id)).map((lot) => lot.number)).toEqual(['1', '2', '3', '4'])
  })

  it('refuses edits and removals once the sale is open', async () => {
    const owner = seller()
    const { sale, lots } = await saleWithLots(engine, owner, ['1'], { mode: 'live' })
    ok(await engine.startSale(sale.id, owner))
    const lotId = (lots[0] as (typeof lots)[0]).id
    expect(refused(await engine.updateLot(lotId, { title: 'x' }, owner)).code).toBe(
      'INVALID_STATUS',
    )
    expect(refused(await engine.removeLot(lotId, owner)).code).toBe('INVALID_STATUS')
  })
})
