// A reference model of the sales, lots and bidding rules (issues 2 and 8) in plain
// TypeScript: no Redis, no I/O, and a clock the caller passes to every command. The property
// test runs it beside the Lua engine and demands the same answers and the same state.
//
// It starts where the engine's input schemas end (ids, sources and create fields are
// well-formed; money in create and add-lot inputs is minor units), and mirrors the engine's
// decisions where the issues leave room:
// - a standalone auction (`create`) is a timed sale of one lot whose lot id is the sale's id;
//   its sale publishes no sale-level events, so its seq counts its lot's events only;
// - the lots of a sale get the ids `<saleId>.<n>`, n counting up in the order they were added;
// - every event of a sale or of one of its lots moves the sale's seq on by one; a lot's seq
//   is the sale's seq at its latest event;
// - a timed sale opens its waiting lots in catalogue order, the i-th closing at the first
//   close + i × closeInterval; a scheduler pass closes what is due by end time, equal end
//   times (an interval of 0, a soft close landing on another lot's end) in catalogue order;
// - the scheduler leaves a timed sale scheduled when its first close has passed before it
//   could open, and opens (then at once closes) one that has no lots;
// - ending a closed sale, an ended lot, cancelling a cancelled sale or a withdrawn lot
//   succeed without a change; see each command for its checks, in the engine's order.
import type {
  Actor,
  Auction,
  BidAccepted,
  IncrementBand,
  Sale,
  SaleMode,
} from '../../src/shared/domain'
import { saleIdOf } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import type { PremiumBand } from '../../src/shared/settlement'
import { placeBid } from './bid-rules'
import { LiveSaleBook } from './live-sale'
import {
  auctionStatusOf,
  catalogueOrder,
  closeLot,
  failure,
  FLOOR,
  lotEvent,
  lotNumber,
  passWaitingLot,
  setStatus,
  type LotState,
  type ModelBid,
  type Ok,
  requestBinding,
} from './lot-rules'
import { mayAct, type SaleState } from './sale-book'

export { FLOOR, modelAmount, type ModelBid } from './lot-rules'

/** `auction create`: a standalone auction (create amounts in minor units). */
export interface ModelCreate {
  id: string
  title: string
  description?: string
  sellerId: string
  currency: string
  /** Minor-unit digits of the currency (USD 2, JPY 0, BHD 3). */
  digits: number
  startingPrice: number
  reservePrice: number | null
  increment?: number
  incrementTable?: IncrementBand[]
  startsAt: number | null
  endsAt: number | null
  durationMs: number | null
  softCloseSeconds: number
  start: boolean
  requestId?: string | null
}

/** `sale create`; `id` is the id the engine gave (the model cannot derive it). */
export interface ModelSaleCreate {
  id: string
  title: string
  description?: string
  mode: SaleMode
  currency: string
  digits: number
  startsAt: number | null
  start: boolean
  increment: number | null
  incrementTable: IncrementBand[] | null
  softCloseSeconds: number
  closeIntervalSeconds: number
  firstCloseAt: number | null
  durationMs: number | null
  requestId?: string | null
  requireRegistration?: boolean
  /** Premium bands as stored (minor units, ppm). */
  premiumBands?: PremiumBand[]
}

/** `register add` / `register update` of one paddle (the limit in minor units). */
export interface ModelRegisterEntry {
  paddle: string
  approved: boolean
  limit: number | null
}

/** `lot add`: the number as typed; money in minor units. */
export interface ModelLotAdd {
  number: string
  title: string
  description?: string
  startingPrice: number
  reservePrice: number | null
  estimateLow: number | null
  estimateHigh: number | null
  increment: number | null
  incrementTable: IncrementBand[] | null
  softCloseSeconds: number | null
  requestId?: string | null
}

type Answer<T> = Ok<T> | Failure

/** A failure of a sale script in the words of the auction (lot) it stands for. */
const AUCTION_STATUS_OF_SALE: Record<string, string> = {
  draft: 'draft',
  scheduled: 'scheduled',
  open: 'active',
  closed: 'ended',
  cancelled: 'cancelled',
}
function asAuctionFailure(answer: Failure): Failure {
  const { error } = answer
  if (error.code === 'SALE_NOT_FOUND') return failure('AUCTION_NOT_FOUND')
  const status = error.status === undefined ? undefined : AUCTION_STATUS_OF_SALE[error.status]
  return status === undefined ? answer : { ok: false, error: { ...error, status } }
}

export class ReferenceModel extends LiveSaleBook {
  /** sale id → the number of the lot the scheduler closed last (for the tally). */
  private readonly lastClosed = new Map<string, string>()

  // ---- Standalone auctions ---------------------------------------------------------------

  create(spec: ModelCreate, now: number): Answer<{ auction: Auction; duplicate: boolean }> {
    if ((spec.endsAt === null) === (spec.durationMs === null)) {
      return failure('INVALID_INPUT', { field: 'endsAt' })
    }
    if (spec.startsAt !== null && spec.start) return failure('INVALID_INPUT', { field: 'startsAt' })
    const retried = this.retried('auction', spec.sellerId, spec.requestId)
    if (retried) return { ok: true, auction: this.view(retried.id) as Auction, duplicate: true }
    const first = spec.endsAt
    if (first !== null && first <= now) return failure('INVALID_INPUT', { field: 'endsAt' })
    if (first !== null && spec.startsAt !== null && spec.startsAt >= first) {
      return failure('INVALID_INPUT', { field: 'startsAt' })
    }
    const sale = this.newSale(
      {
        id: spec.id,
        title: spec.title,
        description: spec.description ?? '',
        mode: 'timed',
        currency: spec.currency,
        digits: spec.digits,
        sellerId: spec.sellerId,
        startsAt: spec.startsAt,
        firstCloseAt: spec.endsAt,
        durationMs: spec.durationMs,
        closeIntervalMs: 0,
        softCloseSeconds: spec.softCloseSeconds,
        increment: spec.increment ?? null,
        incrementTable: spec.incrementTable ?? null,
        standalone: true,
      },
      spec.requestId,
      now,
    )
    const lot = this.newLot(sale, spec.id, now, {
      number: '1',
      title: spec.title,
      description: spec.description ?? '',
      startingPrice: spec.startingPrice,
      reservePrice: spec.reservePrice,
      estimateLow: null,
      estimateHigh: null,
      increment: sale.increment,
      incrementTable: sale.incrementTable,
      softCloseSeconds: spec.softCloseSeconds,
      startsAt: spec.startsAt,
      endsAt: spec.endsAt,
      durationMs: spec.durationMs,
    })
    lotEvent(sale, lot) // auction_created
    if (spec.start) this.open(sale, now, this.firstClose(sale, now))
    return { ok: true, auction: this.view(spec.id) as Auction, duplicate: false }
  }

  /** `auction start`: a standalone auction starts its sale; a lot opens with its sale. */
  start(id: string, actor: Actor, now: number): Answer<{ auction: Auction }> {
    return this.onLot(id, actor, (sale, lot) => {
      if (sale.standalone) return this.startSale(sale.id, actor, now)
      return failure('INVALID_STATUS', { status: auctionStatusOf(lot.lotStatus, sale.status) })
    })
  }

  /** `auction end`: closes one active lot now; a timed sale closes with its last lot. */
  end(id: string, actor: Actor, now: number): Answer<{ auction: Auction }> {
    return this.onLot(id, actor, (sale, lot) => {
      if (!mayAct(sale, actor)) return failure('NOT_SELLER')
      if (lot.lotStatus === 'sold' || lot.lotStatus === 'passed') return null
      if (lot.lotStatus !== 'active') {
        return failure('AUCTION_NOT_ACTIVE', {
          status: auctionStatusOf(lot.lotStatus, sale.status),
        })
      }
      closeLot(sale, lot, now)
      this.closeIfDone(sale, now)
      return null
    })
  }

  /** `auction cancel`: a standalone auction cancels its sale; a lot is withdrawn from it. */
  cancel(id: string, actor: Actor, now: number): Answer<{ auction: Auction }> {
    return this.onLot(id, actor, (sale, lot) => {
      if (sale.standalone) return this.cancelSale(sale.id, actor, now)
      return this.withdrawLot(sale, lot, actor, now)
    })
  }

  bid(input: ModelBid, now: number): BidAccepted | Failure {
    const lot = this.lotIndex.get(input.auctionId)
    const previous = input.requestId ? lot?.requests.get(input.requestId) : undefined
    if (previous) {
      // Bound to its bid: another bidder or bid gets nothing of the first answer.
      if (previous.binding !== requestBinding(input)) {
        this.tally('request id reused for another bid')
        return failure('REQUEST_ID_REUSED')
      }
      this.tally('exact retry of a request id')
      return { ...previous.answer, duplicate: true }
    }

    const sale = lot && this.sales.get(lot.saleId)
    if (!lot || !sale) return failure('AUCTION_NOT_FOUND')
    const booked = lot.book.get(input.bidderId)
    const warned = lot.warning
    const asked = lot.askOverride !== null
    const answer = placeBid(sale, lot, input, now, this.tally)
    if (answer.ok && answer.extended) this.tally(sale.standalone ? 'extended' : 'lot extended')
    if (!answer.ok && answer.error.code === 'AUCTION_ENDED') this.tally('bid after the end')
    if (answer.ok && answer.result === 'booked' && booked) this.tally('book entry replaced')
    if (answer.ok && lot.live && answer.result !== 'booked') {
      if (warned) this.tally('a bid cleared the fair warning')
      if (asked) this.tally("a bid at the clerk's asking price")
      if (lot.bidCount < lot.history.length) this.tally('a bid after a retract')
      if (input.bidderId === FLOOR && answer.leaderId === FLOOR && answer.result === 'leading') {
        this.tally('floor bid leads')
      }
    }
    return answer
  }

  /** `lot floor`: the clerk's bid at the asking price, for a paddle or the anonymous floor. */
  floor(
    id: string,
    input: { paddle: string | null; requestId: string | null },
    actor: Actor,
    now: number,
  ): BidAccepted | Failure {
    const lot = this.lotIndex.get(id)
    const sale = lot && this.sales.get(lot.saleId)
    if (!lot || !sale) return failure('AUCTION_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (lot.leaderId === FLOOR && input.paddle === null && lot.lotStatus === 'active') {
      this.tally('floor bid over the floor')
    }
    const bid = { auctionId: id, bidderId: input.paddle ?? FLOOR, amount: 'asking' }
    return this.bid({ ...bid, source: 'floor', requestId: input.requestId }, now)
  }

  // ---- Sales -------------------------------------------------------------------------------

  /**
   * `register add` (PADDLE_TAKEN when present) or `register update` (PADDLE_NOT_FOUND when
   * absent) of one paddle; a limit turns on the sale's paddle checks. One sale event.
   */
  register(
    saleId: string,
    entry: ModelRegisterEntry,
    mode: 'add' | 'update',
    actor: Actor,
  ): Answer<object> {
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.status === 'cancelled') return failure('INVALID_STATUS', { status: sale.status })
    if (entry.paddle === sale.sellerId) return failure('SELLER_CANNOT_BID', { field: 'paddle' })
    const present = sale.register.paddles.has(entry.paddle)
    if (mode === 'update' && !present) return failure('PADDLE_NOT_FOUND', { field: 'paddle' })
    if (mode === 'add' && present) return failure('PADDLE_TAKEN', { field: 'paddle' })
    sale.register.paddles.set(entry.paddle, { approved: entry.approved, limit: entry.limit })
    if (entry.limit !== null) {
      if (!sale.register.checks) this.tally('register: a limit turned the checks on')
      sale.register.checks = true
    }
    this.saleEvent(sale) // register_changed
    return { ok: true }
  }

  createSale(
    input: ModelSaleCreate,
    actor: Actor,
    now: number,
  ): Answer<{ sale: Sale; duplicate: boolean }> {
    if (input.increment !== null && input.incrementTable !== null) {
      return failure('INVALID_INPUT', { field: 'increment' })
    }
    if (input.startsAt !== null && input.start) {
      return failure('INVALID_INPUT', { field: 'startsAt' })
    }
    const closes = input.firstCloseAt !== null
    const lasts = input.durationMs !== null
    if (input.mode === 'timed' && closes === lasts) {
      return failure('INVALID_INPUT', { field: 'firstCloseAt' })
    }
    if (input.mode === 'live' && (closes || lasts)) {
      return failure('INVALID_INPUT', { field: closes ? 'firstCloseAt' : 'durationMs' })
    }
    const retried = this.retried('sale', actor.id, input.requestId)
    if (retried) return { ok: true, sale: this.sale(retried.id) as Sale, duplicate: true }
    const first = input.firstCloseAt
    if (first !== null && first <= now) return failure('INVALID_INPUT', { field: 'firstCloseAt' })
    if (first !== null && input.startsAt !== null && input.startsAt >= first) {
      return failure('INVALID_INPUT', { field: 'startsAt' })
    }
    if (input.start && input.mode === 'timed') {
      return failure('INVALID_STATUS', { status: 'draft' })
    }
    const sale = this.newSale(
      {
        id: input.id,
        title: input.title,
        description: input.description ?? '',
        mode: input.mode,
        currency: input.currency,
        digits: input.digits,
        sellerId: actor.id,
        startsAt: input.startsAt,
        firstCloseAt: input.firstCloseAt,
        durationMs: input.durationMs,
        closeIntervalMs: Math.round(input.closeIntervalSeconds * 1000),
        softCloseSeconds: input.softCloseSeconds,
        increment: input.increment,
        incrementTable: input.incrementTable,
        standalone: false,
      },
      input.requestId,
      now,
    )
    sale.register.required = input.requireRegistration ?? false
    sale.register.checks = sale.register.required
    sale.register.bands = input.premiumBands ?? []
    this.saleEvent(sale) // sale_created
    if (input.start) this.open(sale, now, null)
    return { ok: true, sale: this.sale(sale.id) as Sale, duplicate: false }
  }

  addLot(
    saleId: string,
    input: ModelLotAdd,
    actor: Actor,
    now: number,
  ): Answer<{ lot: Auction; duplicate: boolean }> {
    const number = lotNumber(input.number)
    if (number === null) return failure('INVALID_INPUT', { field: 'number' })
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    const { estimateLow: low, estimateHigh: high } = input
    if (low !== null && high !== null && low > high) {
      return failure('INVALID_INPUT', { field: 'estimateLow' })
    }
    const own = input.increment !== null || input.incrementTable !== null
    const increment = own ? input.increment : sale.increment
    const incrementTable = own ? input.incrementTable : sale.incrementTable
    if (increment === null && incrementTable === null) {
      return failure('INVALID_INPUT', { field: 'increment' })
    }
    const retried = input.requestId ? sale.requests.get(input.requestId) : undefined
    if (retried) {
      // Bound to its actor: nobody else learns the lot it added.
      if (retried.actorId !== actor.id) return failure('REQUEST_ID_REUSED')
      return {
        ok: true,
        lot: this.view(retried.lotIds[0] as string, actor) as Auction,
        duplicate: true,
      }
    }
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.standalone) return failure('INVALID_STATUS', { status: sale.status })
    if (sale.status !== 'draft' && sale.status !== 'scheduled') {
      return failure('INVALID_STATUS', { status: sale.status })
    }
    if (sale.lots.some((lot) => lot.number === number)) {
      return failure('LOT_NUMBER_TAKEN', { field: 'number' })
    }
    sale.nextLot++
    const lot = this.newLot(sale, `${sale.id}.${sale.nextLot}`, now, {
      number,
      title: input.title,
      description: input.description ?? '',
      startingPrice: input.startingPrice,
      reservePrice: input.reservePrice,
      estimateLow: low,
      estimateHigh: high,
      increment,
      incrementTable,
      softCloseSeconds: input.softCloseSeconds ?? sale.softCloseSeconds,
      startsAt: null,
      endsAt: null,
      durationMs: null,
    })
    this.saleEvent(sale) // lot_added
    lot.seq = sale.seq
    if (input.requestId) sale.requests.set(input.requestId, { actorId: actor.id, lotIds: [lot.id] })
    return { ok: true, lot: this.view(lot.id, actor) as Auction, duplicate: false }
  }

  /** Opens a draft or scheduled sale now: a timed one needs a lot and a close to come. */
  startSale(saleId: string, actor: Actor, now: number): Answer<{ sale: Sale }> {
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.status !== 'draft' && sale.status !== 'scheduled') {
      return failure('INVALID_STATUS', { status: sale.status })
    }
    const first = this.firstClose(sale, now)
    if (sale.mode === 'timed') {
      if (!sale.lots.some((lot) => lot.lotStatus === 'waiting')) {
        return failure('INVALID_STATUS', { status: sale.status })
      }
      if (first === null) return failure('INVALID_INPUT', { field: 'firstCloseAt' })
      if (first <= now) {
        return failure('INVALID_INPUT', { field: sale.standalone ? 'endsAt' : 'firstCloseAt' })
      }
    }
    this.open(sale, now, first)
    return { ok: true, sale: this.sale(saleId) as Sale }
  }

  /** Timed: closes every active lot now; live: the lot on the block passes. Both: lots never
   * offered pass; the sale closes. */
  endSale(saleId: string, actor: Actor, now: number): Answer<{ sale: Sale }> {
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.status !== 'closed') {
      if (sale.status !== 'open') return failure('INVALID_STATUS', { status: sale.status })
      for (const lot of this.inStatus(sale, 'active')) {
        if (sale.mode === 'live') this.endOnBlock(sale, lot, now, null, false)
        else closeLot(sale, lot, now)
      }
      const waiting = this.inStatus(sale, 'waiting')
      for (const lot of waiting) passWaitingLot(sale, lot, now)
      if (waiting.length > 0) this.tally(`${sale.mode} sale ended: waiting lots passed`)
      this.closeSale(sale, now)
    }
    return { ok: true, sale: this.sale(saleId) as Sale }
  }

  /** Cancels a sale that has not closed: lots active or waiting are cancelled. */
  cancelSale(saleId: string, actor: Actor, _now: number): Answer<{ sale: Sale }> {
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.status === 'closed') return failure('INVALID_STATUS', { status: 'closed' })
    if (sale.status !== 'cancelled') {
      sale.status = 'cancelled'
      for (const status of ['active', 'waiting'] as const) {
        for (const lot of this.inStatus(sale, status)) {
          setStatus(lot, 'cancelled')
          lotEvent(sale, lot)
        }
      }
      this.saleEvent(sale) // sale_cancelled
    }
    return { ok: true, sale: this.sale(saleId) as Sale }
  }

  /**
   * What one scheduler pass does at `now` (engine.tickDue): opens the scheduled sales whose
   * start has come, closes the lots whose end has passed. Answers how many it opened plus
   * closed.
   */
  tickDue(now: number): { acted: number } {
    let acted = 0
    for (const sale of this.sales.values()) {
      if (sale.status === 'scheduled' && sale.startsAt !== null && sale.startsAt <= now) {
        const first = this.firstClose(sale, now)
        if (sale.mode === 'timed' && (first === null || first <= now)) continue
        this.open(sale, now, first)
        this.tally(`scheduler opened a ${sale.standalone ? 'standalone' : sale.mode} sale`)
        acted++
      }
      if (sale.status !== 'open') continue
      const due = this.inStatus(sale, 'active')
        .filter((lot) => lot.endsAt !== null && lot.endsAt <= now)
        .sort(
          (a, b) =>
            (a.endsAt as number) - (b.endsAt as number) || catalogueOrder(a.number, b.number),
        )
      for (const lot of due) {
        closeLot(sale, lot, now)
        this.tallyOrder(sale, lot)
      }
      acted += due.length
      if (due.length > 0) this.tally(sale.standalone ? 'scheduler closed' : 'scheduler closed lot')
      if (due.length > 1 && !sale.standalone) this.tally('scheduler closed lots in one pass')
      if (this.closeIfDone(sale, now) && due.length > 0 && !sale.standalone) {
        this.tally('scheduler closed the last lot and the sale')
      }
    }
    return { acted }
  }

  /** The scheduler's pass without its answer (kept for the unit tests' wording). */
  schedulerPass(now: number): void {
    this.tickDue(now)
  }

  // ---- Helpers -------------------------------------------------------------------------------

  /** Tallies whether the scheduler's closes in a sale followed the catalogue. */
  private tallyOrder(sale: SaleState, lot: LotState): void {
    const last = this.lastClosed.get(sale.id)
    this.lastClosed.set(sale.id, lot.number)
    if (last === undefined) return
    this.tally(
      catalogueOrder(last, lot.number) < 0
        ? 'scheduler closed the next lot in catalogue order'
        : 'scheduler closed a lot after a later one (soft close)',
    )
  }

  /** A lot transition: finds the lot, runs `act` (a failure, a sale answer, or null). */
  private onLot(
    id: string,
    actor: Actor,
    act: (sale: SaleState, lot: LotState) => Failure | { ok: true } | null,
  ): Answer<{ auction: Auction }> {
    const sale = this.sales.get(saleIdOf(id))
    const lot = this.lotIndex.get(id)
    if (!sale || !lot) return failure('AUCTION_NOT_FOUND')
    const done = act(sale, lot)
    if (done && !done.ok) return asAuctionFailure(done)
    return { ok: true, auction: this.view(id, actor) as Auction }
  }
}
