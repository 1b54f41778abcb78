// The reference model's rules in worked examples: the clock rules (AUCTION_ENDED, soft close,
// the scheduler pass) and the sale rules (catalogue order, timed closes one interval apart,
// live sales). The property test checks the model against the engine; these pin down what
// the model itself says, so that a change to it is a decision, not an accident.
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../src/shared/domain'
import {
  ReferenceModel,
  modelAmount,
  type ModelCreate,
  type ModelLotAdd,
  type ModelSaleCreate,
} from './reference-model'

const T = 1_800_000_000_000
const DAY = 86_400_000
const SELLER: Actor = { id: 'seller', staff: false }
const lot = (overrides: Partial<ModelCreate> = {}): ModelCreate => ({
  id: 'A1',
  title: 'Lot',
  sellerId: 'seller',
  currency: 'USD',
  digits: 2,
  startingPrice: 1000,
  reservePrice: null,
  increment: 100,
  startsAt: null,
  endsAt: T + 60_000,
  durationMs: null,
  softCloseSeconds: 0,
  start: true,
  ...overrides,
})

const saleInput = (overrides: Partial<ModelSaleCreate> = {}): ModelSaleCreate => ({
  id: 'S',
  title: 'Sale',
  mode: 'timed',
  currency: 'USD',
  digits: 2,
  startsAt: null,
  start: false,
  increment: 100,
  incrementTable: null,
  softCloseSeconds: 0,
  closeIntervalSeconds: 60,
  firstCloseAt: T + 60_000,
  durationMs: null,
  ...overrides,
})

const lotInput = (number: string, overrides: Partial<ModelLotAdd> = {}): ModelLotAdd => ({
  number,
  title: `Lot ${number}`,
  startingPrice: 1000,
  reservePrice: null,
  estimateLow: null,
  estimateHigh: null,
  increment: null,
  incrementTable: null,
  softCloseSeconds: null,
  ...overrides,
})

/** A sale S of the given lots (added in this order), started at T. */
function timedSale(numbers: string[], overrides: Partial<ModelSaleCreate> = {}) {
  const model = new ReferenceModel()
  expect(model.createSale(saleInput(overrides), SELLER, T).ok).toBe(true)
  for (const number of numbers) {
    expect(model.addLot('S', lotInput(number), SELLER, T).ok).toBe(true)
  }
  expect(model.startSale('S', SELLER, T).ok).toBe(true)
  return model
}

const ends = (model: ReferenceModel) =>
  model.lots('S')?.map((l) => [l.number, l.lotStatus, l.endsAt])

describe('reference model clock', () => {
  it('AUCTION_ENDED from endsAt on, until the auction is closed', () => {
    const model = new ReferenceModel()
    model.create(lot(), T)
    const bid = { auctionId: 'A1', bidderId: 'b1', amount: 1000 }
    expect(model.bid(bid, T + 59_999).ok).toBe(true)
    const late = model.bid({ ...bid, bidderId: 'b2', amount: 1100 }, T + 60_000)
    expect(!late.ok && late.error.code).toBe('AUCTION_ENDED')
    model.schedulerPass(T + 60_001)
    expect(model.view('A1')).toMatchObject({
      status: 'ended',
      lotStatus: 'sold',
      endsAt: T + 60_000,
      result: { winnerId: 'b1', finalPrice: 1000, reserveMet: true },
    })
  })

  it('soft close: a price change inside the window moves endsAt to now + S', () => {
    const model = new ReferenceModel()
    model.create(lot({ softCloseSeconds: 30 }), T)
    const early = model.bid({ auctionId: 'A1', bidderId: 'b1', amount: 1100 }, T + 1000)
    expect(early.ok && early.extended).toBe(false)
    // The window is "fewer than S seconds left": at exactly S left it does not extend.
    const edge = model.bid({ auctionId: 'A1', bidderId: 'b2', amount: 1200 }, T + 30_000)
    expect(edge.ok && edge.extended).toBe(false)
    const late = model.bid({ auctionId: 'A1', bidderId: 'b1', amount: 1300 }, T + 45_000)
    expect(late.ok && [late.extended, late.endsAt]).toEqual([true, T + 75_000])
    expect(model.view('A1')?.seq).toBe(6) // created, started, bid, bid, bid, extended
    const raise = model.bid(
      { auctionId: 'A1', bidderId: 'b1', amount: 1400, max: 5000 },
      T + 74_000,
    )
    expect(raise.ok && [raise.result, raise.extended]).toEqual(['max_raised', false])
  })

  it('soft close: the first bid extends too (a new leader at the starting price)', () => {
    const model = new ReferenceModel()
    model.create(lot({ softCloseSeconds: 30 }), T)
    const first = model.bid({ auctionId: 'A1', bidderId: 'b1', amount: 1000 }, T + 50_000)
    expect(first.ok && [first.price, first.extended, first.endsAt]).toEqual([
      1000,
      true,
      T + 80_000,
    ])
  })

  it('the scheduler pass starts a scheduled auction and its duration counts from then', () => {
    const model = new ReferenceModel()
    model.create(lot({ start: false, startsAt: T + 500, endsAt: null, durationMs: 1000 }), T)
    model.schedulerPass(T + 499)
    expect(model.view('A1')?.status).toBe('scheduled')
    model.schedulerPass(T + 600)
    expect(model.view('A1')).toMatchObject({
      status: 'active',
      startsAt: T + 600,
      endsAt: T + 1600,
    })
  })

  it('parses amounts like the engine', () => {
    expect(modelAmount('12.5', 2)).toBe(1250)
    expect(modelAmount('1.234', 3)).toBe(1234)
    expect(modelAmount('100000000000.00', 2)).toBe(10 ** 13)
    for (const bad of ['12.345', '1e3', '-1', '', '100000000000.01', 'NaN']) {
      expect(modelAmount(bad, 2)).toBeNull()
    }
    expect(modelAmount(-0, 2)).toBe(0)
    expect(modelAmount(1.5, 2)).toBeNull()
  })
})

describe('reference model sales', () => {
  it('a standalone auction is a timed sale of one lot, with no sale-level events', () => {
    const model = new ReferenceModel()
    model.create(lot(), T)
    expect(model.sale('A1')).toMatchObject({
      standalone: true,
      mode: 'timed',
      status: 'open',
      lotCount: 1,
      firstCloseAt: T + 60_000,
      seq: 2, // auction_created, auction_started
    })
    expect(model.view('A1')).toMatchObject({ saleId: 'A1', number: '1', lotStatus: 'active' })
  })

  it('lots are listed in catalogue order; a number is taken once, however it is typed', () => {
    const model = new ReferenceModel()
    model.createSale(saleInput(), SELLER, T)
    for (const number of ['12', '2', '12B', '007', '12A'])
      model.addLot('S', lotInput(number), SELLER, T)
    expect(model.lots('S')?.map((l) => [l.number, l.id])).toEqual([
      ['2', 'S.2'],
      ['7', 'S.4'],
      ['12', 'S.1'],
      ['12A', 'S.5'],
      ['12B', 'S.3'],
    ])
    for (const taken of ['7', '12a', '0012']) {
      const again = model.addLot('S', lotInput(taken), SELLER, T)
      expect(!again.ok && again.error).toMatchObject({ code: 'LOT_NUMBER_TAKEN', field: 'number' })
    }
    const bad = model.addLot('S', lotInput('A1'), SELLER, T)
    expect(!bad.ok && bad.error).toMatchObject({ code: 'INVALID_INPUT', field: 'number' })
    // One seq per sale: sale_created, then one lot_added per lot; a lot keeps its event's.
    expect(model.sale('S')?.seq).toBe(6)
    expect(model.view('S.1')?.seq).toBe(2)
  })

  it('a timed sale: lots close in catalogue order, one every interval; the sale with the last', () => {
    const model = timedSale(['3', '1', '2'])
    expect(ends(model)).toEqual([
      ['1', 'active', T + 60_000],
      ['2', 'active', T + 120_000],
      ['3', 'active', T + 180_000],
    ])
    expect(model.tickDue(T + 59_999).acted).toBe(0)
    expect(model.tickDue(T + 60_000).acted).toBe(1)
    expect(model.tickDue(T + 179_999).acted).toBe(1)
    expect(ends(model)).toEqual([
      ['1', 'passed', T + 60_000],
      ['2', 'passed', T + 120_000],
      ['3', 'active', T + 180_000],
    ])
    expect(model.sale('S')?.status).toBe('open')
    expect(model.tickDue(T + 200_000).acted).toBe(1)
    expect(model.sale('S')).toMatchObject({ status: 'closed', closedAt: T + 200_000 })
    // created, 3 lots added, 3 started, sale started, 3 closed, sale closed
    expect(model.sale('S')?.seq).toBe(12)
  })

  it('equal close times (an interval of 0) close in catalogue order in one pass', () => {
    const model = timedSale(['10', '2', '1'], { closeIntervalSeconds: 0 })
    expect(model.tickDue(T + 60_000).acted).toBe(3)
    // Each close is an event: the lot closed first has the lowest seq.
    expect(model.lots('S')?.map((l) => [l.number, l.seq])).toEqual([
      ['1', 9],
      ['2', 10],
      ['10', 11],
    ])
  })

  it('a soft-close extension moves that lot alone', () => {
    const model = timedSale(['1', '2'], { softCloseSeconds: 30 })
    const bid = model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T + 50_000)
    expect(bid.ok && [bid.extended, bid.endsAt]).toEqual([true, T + 80_000])
    expect(ends(model)).toEqual([
      ['1', 'active', T + 80_000],
      ['2', 'active', T + 120_000],
    ])
    expect(model.tickDue(T + 79_999).acted).toBe(0)
    expect(model.tickDue(T + 80_000).acted).toBe(1)
    expect(model.view('S.1')?.result).toEqual({
      winnerId: 'b1',
      finalPrice: 1000,
      reserveMet: true,
    })
  })

  it('withdrawn and ended lots: a timed sale closes with its last lot', () => {
    const model = timedSale(['1', '2'])
    expect(model.cancel('S.1', SELLER, T + 1).ok).toBe(true)
    expect(model.view('S.1')).toMatchObject({ lotStatus: 'withdrawn', status: 'cancelled' })
    const again = model.end('S.1', SELLER, T + 2)
    expect(!again.ok && again.error).toMatchObject({
      code: 'AUCTION_NOT_ACTIVE',
      status: 'cancelled',
    })
    expect(model.end('S.2', SELLER, T + 3).ok).toBe(true)
    expect(model.view('S.2')).toMatchObject({ lotStatus: 'passed', endsAt: T + 3 })
    expect(model.sale('S')).toMatchObject({ status: 'closed', closedAt: T + 3 })
    // A lot of a sale opens with its sale, never alone.
    const start = model.start('S.2', SELLER, T + 4)
    expect(!start.ok && start.error).toMatchObject({ code: 'INVALID_STATUS', status: 'ended' })
  })

  it('a live sale: on start its lots wait; ending the sale passes them', () => {
    const model = new ReferenceModel()
    model.createSale(saleInput({ mode: 'live', firstCloseAt: null }), SELLER, T)
    model.addLot('S', lotInput('1'), SELLER, T)
    model.addLot('S', lotInput('2', { reservePrice: 5000 }), SELLER, T)
    expect(model.startSale('S', SELLER, T + 10).ok).toBe(true)
    expect(model.sale('S')).toMatchObject({ status: 'open', startsAt: T + 10, firstCloseAt: null })
    expect(model.lots('S')?.map((l) => [l.lotStatus, l.status, l.endsAt])).toEqual([
      ['waiting', 'scheduled', null],
      ['waiting', 'scheduled', null],
    ])
    // A waiting lot takes only absentee bids with a maximum, into its book.
    const bid = model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T + 20)
    expect(!bid.ok && bid.error.code).toBe('LOT_NOT_OPEN')
    expect(model.tickDue(T + DAY).acted).toBe(0) // a live sale's lots never close by time
    expect(model.endSale('S', SELLER, T + 30).ok).toBe(true)
    expect(model.lots('S')?.map((l) => [l.lotStatus, l.endsAt, l.result])).toEqual([
      ['passed', T + 30, { winnerId: null, finalPrice: 1000, reserveMet: true }],
      ['passed', T + 30, { winnerId: null, finalPrice: 1000, reserveMet: false }],
    ])
    expect(model.sale('S')).toMatchObject({ status: 'closed', closedAt: T + 30 })
  })

  it('the scheduler opens a scheduled sale, unless its first close has already passed', () => {
    const model = new ReferenceModel()
    model.createSale(saleInput({ startsAt: T + 10_000, firstCloseAt: T + 20_000 }), SELLER, T)
    model.addLot('S', lotInput('1'), SELLER, T)
    expect(model.tickDue(T + 25_000).acted).toBe(0)
    expect(model.sale('S')?.status).toBe('scheduled')
    const other = new ReferenceModel()
    other.createSale(saleInput({ startsAt: T + 10_000, firstCloseAt: T + 20_000 }), SELLER, T)
    other.addLot('S', lotInput('1'), SELLER, T)
    expect(other.tickDue(T + 10_000).acted).toBe(1)
    expect(other.view('S.1')).toMatchObject({ lotStatus: 'active', startsAt: T + 10_000 })
  })

  it('cancelling a sale cancels its open lots; a sold lot keeps its result', () => {
    const model = timedSale(['1', '2'])
    model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T + 1)
    model.end('S.1', SELLER, T + 2)
    expect(model.cancelSale('S', SELLER, T + 3).ok).toBe(true)
    expect(model.lots('S')?.map((l) => [l.lotStatus, l.result?.winnerId])).toEqual([
      ['sold', 'b1'],
      ['cancelled', undefined],
    ])
    const end = model.endSale('S', SELLER, T + 4)
    expect(!end.ok && end.error).toMatchObject({ code: 'INVALID_STATUS', status: 'cancelled' })
  })
})
