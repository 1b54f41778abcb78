// The reference model's clock rules, which the property test keeps out of reach (it must
// not depend on wall-clock time): AUCTION_ENDED, soft close and the scheduler pass. The
// engine's side of these rules is tested against Redis in test/engine.
import { describe, expect, it } from 'vitest'
import { ReferenceModel, modelAmount, type ModelCreate } from './reference-model'

const T = 1_800_000_000_000
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
      endsAt: T + 60_000,
      result: { winnerId: 'b1', finalPrice: 1000, reserveMet: true },
    })
  })

  it('soft close: a price change inside the window moves endsAt to now + S', () => {
    const model = new ReferenceModel()
    model.create(lot({ softCloseSeconds: 30 }), T)
    const early = model.bid({ auctionId: 'A1', bidderId: 'b1', amount: 1100 }, T + 1000)
    expect(early.ok && early.extended).toBe(false)
    const late = model.bid({ auctionId: 'A1', bidderId: 'b2', amount: 1200 }, T + 45_000)
    expect(late.ok && [late.extended, late.endsAt]).toEqual([true, T + 75_000])
    expect(model.view('A1')?.seq).toBe(5) // created, started, bid, bid, extended
    const raise = model.bid(
      { auctionId: 'A1', bidderId: 'b2', amount: 1300, max: 5000 },
      T + 74_000,
    )
    expect(raise.ok && [raise.result, raise.extended]).toEqual(['max_raised', false])
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
