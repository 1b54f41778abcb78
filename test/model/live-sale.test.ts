// The reference model's live-sale rules in worked examples: the absentee book and its
// execution at the first offer, the offer, the clerk's asking price, fair warning, floor
// bids, hammer, pass, retract, reopen and withdraw. The property test checks the model
// against the engine; these pin down what the model itself says.
import { describe, expect, it } from 'vitest'
import type { Actor, BidAccepted } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { ReferenceModel, type ModelBid, type ModelLotAdd } from './reference-model'

const T = 1_800_000_000_000
const SELLER: Actor = { id: 'seller', staff: false }
const CLERK: Actor = { id: 'clerk', staff: true }

/** A live sale S (increment 1.00) of lots numbered 1…n (start 10.00 unless overridden). */
function liveSale(lots: Partial<ModelLotAdd>[] = [{}], open = true) {
  const model = new ReferenceModel()
  const created = model.createSale(
    {
      id: 'S',
      title: 'Evening sale',
      mode: 'live',
      currency: 'USD',
      digits: 2,
      startsAt: null,
      start: false,
      increment: 100,
      incrementTable: null,
      softCloseSeconds: 0,
      closeIntervalSeconds: 0,
      firstCloseAt: null,
      durationMs: null,
    },
    SELLER,
    T,
  )
  expect(created.ok).toBe(true)
  lots.forEach((lot, i) => {
    const input = {
      number: String(i + 1),
      title: `Lot ${i + 1}`,
      startingPrice: 1000,
      reservePrice: null,
      estimateLow: null,
      estimateHigh: null,
      increment: null,
      incrementTable: null,
      softCloseSeconds: null,
      ...lot,
    }
    expect(model.addLot('S', input, SELLER, T).ok).toBe(true)
  })
  if (open) expect(model.startSale('S', SELLER, T).ok).toBe(true)
  return model
}

const book = (bidderId: string, max: number, extra: Partial<ModelBid> = {}): ModelBid => ({
  auctionId: 'S.1',
  bidderId,
  amount: max,
  max,
  source: 'absentee',
  ...extra,
})

const code = (answer: { ok: boolean } | Failure) =>
  answer.ok ? 'ok' : (answer as Failure).error.code
const accepted = (answer: BidAccepted | Failure): BidAccepted => {
  if (!answer.ok) expect.fail(JSON.stringify(answer))
  return answer
}
/** [bidder, amount, kind, outcome, source] of each history entry, oldest first. */
const entries = (model: ReferenceModel, id = 'S.1') =>
  model.history(id).map((b) => [b.bidderId, b.amount, b.kind, b.outcome, b.source])

describe('absentee book', () => {
  it('takes only absentee bids with a maximum while the lot waits, draft sale included', () => {
    const model = liveSale([{}], false)
    expect(code(model.bid({ ...book('b1', 1500), source: 'phone' }, T))).toBe('LOT_NOT_OPEN')
    expect(code(model.bid({ ...book('b1', 1500), max: null }, T))).toBe('LOT_NOT_OPEN')
    // The checks before the lot's status come first: the amounts, then the maximum.
    expect(code(model.bid(book('b1', 1500, { amount: 1600 }), T))).toBe('MAX_BELOW_AMOUNT')
    expect(code(model.bid(book('b1', 1500, { max: 'abc' }), T))).toBe('INVALID_AMOUNT')
    expect(code(model.bid(book('seller', 1500), T))).toBe('SELLER_CANNOT_BID')
    const low = model.bid(book('b1', 999), T)
    expect(!low.ok && low.error).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1000 })
    const seq = model.sale('S')?.seq
    expect(model.bid(book('b1', 1500, { amount: 1200, requestId: 'r1' }), T)).toEqual({
      ok: true,
      bidId: null,
      auctionId: 'S.1',
      result: 'booked',
      price: 1000,
      leaderId: '',
      bidCount: 0,
      endsAt: null,
      extended: false,
      duplicate: false,
      reserveMet: true,
      maxAmount: 1500,
      askingPrice: 1000,
    })
    // No event, no history: only the book's count shows.
    expect(model.sale('S')?.seq).toBe(seq)
    expect(model.history('S.1')).toEqual([])
    expect(model.view('S.1')).toMatchObject({ book: 1, bidCount: 0, leaderId: null })
    // The request id is bound to this bid: another bidder's reuse learns nothing of it.
    expect(code(model.bid(book('b9', 1, { requestId: 'r1' }), T))).toBe('REQUEST_ID_REUSED')
    const retry = model.bid(book('b1', 1500, { amount: 1200, requestId: 'r1' }), T)
    expect(accepted(retry).duplicate).toBe(true)
  })

  it("a bidder's later entry replaces theirs only with a higher maximum", () => {
    const model = liveSale()
    accepted(model.bid(book('b1', 1500), T))
    const same = model.bid(book('b1', 1500), T)
    expect(!same.ok && same.error).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1501 })
    accepted(model.bid(book('b1', 1700), T))
    accepted(model.bid(book('b2', 1200), T))
    expect(model.view('S.1')?.book).toBe(2)
  })

  it('at the first offer the highest maximum leads one increment above the second', () => {
    const model = liveSale()
    accepted(model.bid(book('b1', 1500), T))
    accepted(model.bid(book('b2', 2500), T))
    accepted(model.bid(book('b3', 1200), T))
    const offered = model.offer('S', null, CLERK, T + 5)
    expect(offered.ok && offered.lot).toMatchObject({
      lotStatus: 'active',
      onBlock: true,
      currentPrice: 1600,
      leaderId: 'b2',
      bidCount: 3,
      askingPrice: 1700,
      startsAt: T + 5,
      book: 3,
    })
    // The other book bids at their maximum, lowest first, then the leader; all one event.
    expect(entries(model)).toEqual([
      ['b3', 1200, 'auto', 'outbid', 'absentee'],
      ['b1', 1500, 'auto', 'outbid', 'absentee'],
      ['b2', 1600, 'auto', 'leading', 'absentee'],
    ])
    expect(model.history('S.1').map((b) => [b.id, b.seq, b.at])).toEqual([
      [1, model.view('S.1')?.seq, T + 5],
      [2, model.view('S.1')?.seq, T + 5],
      [3, model.view('S.1')?.seq, T + 5],
    ])
    // From then on the leader's maximum bids for it as any proxy does, as an absentee.
    const bid = accepted(model.bid({ auctionId: 'S.1', bidderId: 'b4', amount: 1700 }, T + 6))
    expect([bid.result, bid.price]).toEqual(['outbid', 1800])
    expect(entries(model).slice(3)).toEqual([
      ['b4', 1700, 'manual', 'outbid', 'online'],
      ['b2', 1800, 'auto', 'leading', 'absentee'],
    ])
  })

  it('capped at the top maximum; alone at the starting price; ties to the earlier entry', () => {
    const capped = liveSale()
    accepted(capped.bid(book('b1', 1500), T))
    accepted(capped.bid(book('b2', 1550), T))
    capped.offer('S', null, CLERK, T)
    expect(capped.view('S.1')).toMatchObject({ currentPrice: 1550, leaderId: 'b2' })

    const alone = liveSale()
    accepted(alone.bid(book('b1', 5000, { amount: 2000 }), T))
    alone.offer('S', null, CLERK, T)
    expect(alone.view('S.1')).toMatchObject({ currentPrice: 1000, leaderId: 'b1', bidCount: 1 })

    // b1 was first at 1,500 but raised to 2,000 after b2 had booked 2,000: b2 is earlier.
    const tie = liveSale()
    accepted(tie.bid(book('b1', 1500), T))
    accepted(tie.bid(book('b2', 2000), T))
    accepted(tie.bid(book('b1', 2000), T))
    tie.offer('S', null, CLERK, T)
    expect(tie.view('S.1')).toMatchObject({ currentPrice: 2000, leaderId: 'b2' })
    expect(entries(tie)).toEqual([
      ['b1', 2000, 'auto', 'outbid', 'absentee'],
      ['b2', 2000, 'auto', 'leading', 'absentee'],
    ])
  })

  it('the reserve jump applies to the book, without an entry of its own', () => {
    const model = liveSale([{ reservePrice: 3000 }])
    accepted(model.bid(book('b1', 1500), T))
    accepted(model.bid(book('b2', 4000), T))
    model.offer('S', null, CLERK, T)
    expect(model.view('S.1')).toMatchObject({ currentPrice: 3000, reserveMet: true })
    expect(entries(model)).toEqual([
      ['b1', 1500, 'auto', 'outbid', 'absentee'],
      ['b2', 3000, 'auto', 'leading', 'absentee'],
    ])
  })
})

describe('offer', () => {
  it('offers the next waiting lot in catalogue order, one lot at a time', () => {
    const model = liveSale([{}, {}, {}])
    expect(code(model.offer('S', null, { id: 'b1', staff: false }, T))).toBe('NOT_SELLER')
    const first = model.offer('S', null, SELLER, T)
    expect(first.ok && first.lot.id).toBe('S.1')
    expect(model.sale('S')?.onBlockLotId).toBe('S.1')
    const busy = model.offer('S', 'S.3', CLERK, T)
    expect(!busy.ok && busy.error.code).toBe('LOT_ON_BLOCK')
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T))
    expect(model.pass('S.1', CLERK, T + 1).ok).toBe(true)
    expect(model.sale('S')?.onBlockLotId).toBeNull()
    // Out of order by name; then the next waiting lot; then none is left.
    const jump = model.offer('S', 'S.3', CLERK, T + 2)
    expect(jump.ok && jump.lot.id).toBe('S.3')
    model.pass('S.3', CLERK, T + 3)
    const next = model.offer('S', null, CLERK, T + 4)
    expect(next.ok && next.lot.id).toBe('S.2')
    model.pass('S.2', CLERK, T + 5)
    expect(code(model.offer('S', null, CLERK, T + 6))).toBe('NO_LOT_WAITING')
    // A passed lot is offered again where it stood, its first offer's start kept.
    const again = model.offer('S', 'S.1', CLERK, T + 7)
    expect(again.ok && again.lot).toMatchObject({
      lotStatus: 'active',
      currentPrice: 1000,
      leaderId: 'b1',
      startsAt: T,
      hammerAt: null,
    })
    expect(again.ok && again.lot.result).toBeUndefined()
  })

  it('refuses a timed sale, a sale not open, a lot of another sale, a sold lot', () => {
    const model = liveSale([{}, {}], false)
    const draft = model.offer('S', null, CLERK, T)
    expect(!draft.ok && draft.error).toMatchObject({ code: 'INVALID_STATUS', status: 'draft' })
    model.startSale('S', SELLER, T)
    expect(code(model.offer('S', 'X.1', CLERK, T))).toBe('AUCTION_NOT_FOUND')
    expect(code(model.offer('ghost', null, CLERK, T))).toBe('SALE_NOT_FOUND')
    model.offer('S', null, CLERK, T)
    model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T)
    model.hammer('S.1', { paddle: null, belowReserve: false }, CLERK, T)
    const sold = model.offer('S', 'S.1', CLERK, T)
    expect(!sold.ok && sold.error).toMatchObject({ code: 'INVALID_STATUS', status: 'sold' })
    const timed = new ReferenceModel()
    timed.create(
      {
        id: 'A',
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
      },
      T,
    )
    expect(code(timed.offer('A', null, CLERK, T))).toBe('NOT_LIVE_SALE')
    // A clerk's command on a standalone auction: a timed sale of one lot.
    expect(code(timed.warn('A', CLERK, T))).toBe('NOT_LIVE_SALE')
  })
})

describe('the lot on the block', () => {
  it("the clerk's asking price holds until the next accepted bid", () => {
    const model = liveSale()
    model.offer('S', null, CLERK, T)
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T))
    expect(code(model.ask('S.1', 1000, CLERK, T))).toBe('INVALID_AMOUNT')
    expect(code(model.ask('S.1', '0', CLERK, T))).toBe('INVALID_AMOUNT')
    const asked = model.ask('S.1', '10.50', CLERK, T)
    expect(asked.ok && [asked.lot.askOverride, asked.lot.askingPrice]).toEqual([1050, 1050])
    const low = model.bid({ auctionId: 'S.1', bidderId: 'b2', amount: 1049 }, T)
    expect(!low.ok && low.error).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1050 })
    const split = accepted(model.bid({ auctionId: 'S.1', bidderId: 'b2', amount: 'asking' }, T))
    // The answer's asking price is the one after the bid: the clerk's was for this bid only.
    expect([split.price, split.askingPrice]).toEqual([1050, 1150])
    expect(model.view('S.1')).toMatchObject({ askOverride: null, askingPrice: 1150 })
  })

  it('fair warning is a flag that any accepted bid clears (one more event)', () => {
    const model = liveSale()
    model.offer('S', null, CLERK, T)
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T))
    const warned = model.warn('S.1', CLERK, T)
    expect(warned.ok && warned.lot.warning).toBe(true)
    const seq = model.sale('S')?.seq as number
    // A rejected bid leaves it; raising one's own maximum clears it.
    model.bid({ auctionId: 'S.1', bidderId: 'b2', amount: 1050 }, T)
    expect(model.view('S.1')?.warning).toBe(true)
    const raised = accepted(
      model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1100, max: 3000 }, T),
    )
    expect(raised.result).toBe('max_raised')
    expect(model.view('S.1')).toMatchObject({ warning: false, seq: seq + 2 })
  })

  it('floor bids: the anonymous floor outbids itself; a named paddle raises its maximum', () => {
    const model = liveSale()
    model.offer('S', null, CLERK, T)
    expect(code(model.floor('S.1', { paddle: null, requestId: null }, SELLER, T))).toBe('ok')
    const again = accepted(model.floor('S.1', { paddle: null, requestId: null }, CLERK, T))
    expect([again.result, again.price, again.leaderId]).toEqual(['leading', 1100, 'floor'])
    expect(entries(model)).toEqual([
      ['floor', 1000, 'manual', 'leading', 'floor'],
      ['floor', 1100, 'manual', 'leading', 'floor'],
    ])
    accepted(model.floor('S.1', { paddle: 'p7', requestId: null }, CLERK, T))
    const own = accepted(model.floor('S.1', { paddle: 'p7', requestId: null }, CLERK, T))
    expect([own.result, own.price, own.maxAmount]).toEqual(['max_raised', 1200, 1300])
    expect(
      code(model.floor('S.1', { paddle: null, requestId: null }, { id: 'x', staff: false }, T)),
    ).toBe('NOT_SELLER')
  })

  it('the hammer: a leader, a floor paddle named, the reserve met unless on purpose', () => {
    const model = liveSale([{ reservePrice: 1500 }, {}])
    const hammer = (paddle: string | null, belowReserve = false) =>
      model.hammer('S.1', { paddle, belowReserve }, CLERK, T + 9)
    expect(code(hammer(null))).toBe('LOT_NOT_OPEN')
    model.offer('S', null, CLERK, T)
    expect(code(hammer(null))).toBe('NO_BIDS')
    accepted(model.floor('S.1', { paddle: null, requestId: null }, CLERK, T))
    expect(code(hammer(null))).toBe('PADDLE_REQUIRED')
    expect(code(hammer('floor'))).toBe('PADDLE_REQUIRED')
    expect(code(hammer('seller'))).toBe('SELLER_CANNOT_BID')
    expect(code(hammer('p42'))).toBe('RESERVE_NOT_MET')
    model.ask('S.1', 1200, CLERK, T)
    model.warn('S.1', CLERK, T)
    const sold = hammer('p42', true)
    expect(sold.ok && sold.lot).toMatchObject({
      lotStatus: 'sold',
      status: 'ended',
      leaderId: 'p42',
      onBlock: false,
      warning: false,
      askOverride: null,
      askingPrice: 1100,
      hammerAt: T + 9,
      endsAt: null,
      result: {
        winnerId: 'p42',
        finalPrice: 1000,
        reserveMet: false,
        hammerAt: T + 9,
        belowReserve: true,
      },
    })
    const late = model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 5000 }, T + 10)
    expect(!late.ok && late.error.code).toBe('LOT_CLOSED')
    // A paddle that is not the leader's is refused for a named leader.
    model.offer('S', null, CLERK, T + 11)
    accepted(model.bid({ auctionId: 'S.2', bidderId: 'b1', amount: 1000 }, T + 11))
    const other = model.hammer('S.2', { paddle: 'b2', belowReserve: false }, CLERK, T + 12)
    expect(!other.ok && other.error).toMatchObject({ code: 'INVALID_INPUT', field: 'paddle' })
    const same = model.hammer('S.2', { paddle: 'b1', belowReserve: true }, CLERK, T + 12)
    // No reserve: belowReserve is not recorded.
    expect(same.ok && same.lot.result).toEqual({
      winnerId: 'b1',
      finalPrice: 1000,
      reserveMet: true,
      hammerAt: T + 12,
    })
  })

  it('pass: bought in with its bids; the hammer time recorded', () => {
    const model = liveSale([{ reservePrice: 5000 }])
    model.offer('S', null, CLERK, T)
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000 }, T))
    const passed = model.pass('S.1', CLERK, T + 3)
    expect(passed.ok && passed.lot).toMatchObject({
      lotStatus: 'passed',
      leaderId: 'b1',
      result: { winnerId: null, finalPrice: 1000, reserveMet: false, hammerAt: T + 3 },
    })
    expect(code(model.pass('S.1', CLERK, T + 4))).toBe('LOT_NOT_OPEN')
  })
})

describe('retract and reopen', () => {
  it('retract restores the exact state before the last bid, one bid at a time', () => {
    const model = liveSale()
    model.offer('S', null, CLERK, T)
    expect(code(model.retract('S.1', 'oops', CLERK, T))).toBe('NOTHING_TO_RETRACT')
    expect(code(model.retract('S.1', '  ', CLERK, T))).toBe('INVALID_INPUT')
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1000, max: 1500 }, T))
    model.ask('S.1', 1050, CLERK, T)
    model.warn('S.1', CLERK, T)
    const before = model.view('S.1')
    const beforeMax = model.leaderMax('S.1')
    // b2 at the split is outbid by b1's maximum: two entries, one bid.
    const bid = accepted(model.bid({ auctionId: 'S.1', bidderId: 'b2', amount: 1050 }, T + 1))
    expect([bid.result, bid.price, bid.bidCount]).toEqual(['outbid', 1150, 3])
    const retracted = model.retract('S.1', ' bid in error ', CLERK, T + 2)
    expect(retracted.ok && retracted.lot).toMatchObject({
      currentPrice: before?.currentPrice,
      leaderId: 'b1',
      bidCount: 1,
      askOverride: 1050,
      askingPrice: 1050,
      warning: true,
    })
    expect(model.leaderMax('S.1')).toBe(beforeMax)
    // The entries stay, marked; ids stay positions in the history.
    expect(model.history('S.1').map((b) => [b.id, b.retracted ?? null])).toEqual([
      [1, null],
      [2, { reason: 'bid in error', by: 'clerk', at: T + 2 }],
      [3, { reason: 'bid in error', by: 'clerk', at: T + 2 }],
    ])
    const next = accepted(model.bid({ auctionId: 'S.1', bidderId: 'b3', amount: 2000 }, T + 3))
    expect([next.bidId, next.bidCount]).toEqual([5, 3])
    model.retract('S.1', 'again', CLERK, T + 4)
    model.retract('S.1', 'and the first', CLERK, T + 5)
    expect(model.view('S.1')).toMatchObject({ leaderId: null, currentPrice: 1000, bidCount: 0 })
    expect(code(model.retract('S.1', 'nothing left', CLERK, T + 6))).toBe('NOTHING_TO_RETRACT')
  })

  it('retract undoes a max_raised and a book execution too', () => {
    const model = liveSale()
    accepted(model.bid(book('b1', 1500), T))
    accepted(model.bid(book('b2', 1200), T))
    model.offer('S', null, CLERK, T)
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b1', amount: 1400, max: 4000 }, T))
    expect(model.leaderMax('S.1')).toBe(4000)
    model.retract('S.1', 'wrong maximum', CLERK, T)
    expect(model.leaderMax('S.1')).toBe(1500)
    expect(model.history('S.1').every((b) => !b.retracted)).toBe(true)
    model.retract('S.1', 'book in error', CLERK, T)
    expect(model.view('S.1')).toMatchObject({ leaderId: null, currentPrice: 1000, book: 2 })
    expect(model.history('S.1').every((b) => b.retracted)).toBe(true)
  })

  it('reopen puts a sold or passed lot back on the block as it was at the hammer', () => {
    const model = liveSale([{}, {}])
    expect(code(model.reopen('S.1', 'why', CLERK, T))).toBe('INVALID_STATUS')
    model.offer('S', null, CLERK, T)
    accepted(model.floor('S.1', { paddle: null, requestId: null }, CLERK, T))
    model.hammer('S.1', { paddle: 'p42', belowReserve: false }, CLERK, T + 1)
    model.offer('S', null, CLERK, T + 2)
    const busy = model.reopen('S.1', 'missed internet bid', CLERK, T + 3)
    expect(!busy.ok && busy.error.code).toBe('LOT_ON_BLOCK')
    model.pass('S.2', CLERK, T + 3)
    const reopened = model.reopen('S.1', 'missed internet bid', CLERK, T + 4)
    expect(reopened.ok && reopened.lot).toMatchObject({
      lotStatus: 'active',
      onBlock: true,
      leaderId: 'p42',
      currentPrice: 1000,
      hammerAt: null,
    })
    expect(reopened.ok && reopened.lot.result).toBeUndefined()
    accepted(model.bid({ auctionId: 'S.1', bidderId: 'b5', amount: 'asking' }, T + 5))
    model.endSale('S', SELLER, T + 6)
    const closed = model.reopen('S.1', 'too late', CLERK, T + 7)
    expect(!closed.ok && closed.error).toMatchObject({ code: 'INVALID_STATUS', status: 'closed' })
  })

  it('withdraw: a live lot only while it waits', () => {
    const model = liveSale([{}, {}])
    accepted(model.bid(book('b1', 1500, { auctionId: 'S.2' }), T))
    model.offer('S', null, CLERK, T)
    const active = model.withdraw('S.1', CLERK, T)
    expect(!active.ok && active.error).toMatchObject({ code: 'INVALID_STATUS', status: 'active' })
    const cancel = model.cancel('S.1', CLERK, T)
    expect(!cancel.ok && cancel.error).toMatchObject({ code: 'INVALID_STATUS', status: 'active' })
    const withdrawn = model.withdraw('S.2', CLERK, T)
    expect(withdrawn.ok && withdrawn.lot).toMatchObject({ lotStatus: 'withdrawn', book: 1 })
    expect(model.withdraw('S.2', CLERK, T).ok).toBe(true)
    model.pass('S.1', CLERK, T)
    const passed = model.withdraw('S.1', CLERK, T)
    expect(!passed.ok && passed.error).toMatchObject({ code: 'INVALID_STATUS', status: 'ended' })
  })

  it('the room display rates: other currencies, each once, above zero', () => {
    const model = liveSale()
    const rates = [{ currency: 'EUR', rate: '1.17' }]
    expect(code(model.setDisplayRates('S', [{ currency: 'USD', rate: '1' }], CLERK, T))).toBe(
      'INVALID_INPUT',
    )
    expect(code(model.setDisplayRates('S', [{ currency: 'EUR', rate: '0' }], CLERK, T))).toBe(
      'INVALID_INPUT',
    )
    expect(code(model.setDisplayRates('S', rates, { id: 'b1', staff: false }, T))).toBe(
      'NOT_SELLER',
    )
    const set = model.setDisplayRates('S', rates, SELLER, T)
    expect(set.ok && set.sale.displayRates).toEqual(rates)
  })
})
