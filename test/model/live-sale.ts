// The reference model's live-sale rules: the clerk's commands on an open live sale (offer,
// ask, fair warning, hammer, pass, retract, reopen, withdraw) and the room display's rates.
// Each answers the lot (or sale) as the actor sees it, checks in the engine's order. The
// absentee book is in absentee-book.ts, the bids on a live lot in bid-rules.ts.
//
// Mirrors the engine where the issue leaves room: a clerk's command on a standalone auction
// (a timed sale of one lot, one id for both) is NOT_LIVE_SALE; the hammer sells to the
// paddle named for a floor leader, who becomes the lot's leader; a hammer or a pass records
// `hammerAt` (result.hammerAt too) and clears the warning and the asking price; `sale end`
// passes the lot on the block the same way (no hammer fell on it), while `auction end`
// closes it as a timed lot closes (no hammerAt; warning and asking price as they were);
// retract walks back one accepted bid or book execution at a time, also across a pass, a
// re-offer or a reopen.
import type { Actor, Auction, DisplayRate, Sale } from '../../src/shared/domain'
import { saleIdOf } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { executeBook } from './absentee-book'
import {
  auctionStatusOf,
  failure,
  FLOOR,
  inc,
  lotEvent,
  modelAmount,
  reserveMet,
  setStatus,
  type LotState,
  type Ok,
} from './lot-rules'
import { checked, paddleCap, paddleRefusal } from './register-rules'
import { mayAct, SaleBook, type SaleState } from './sale-book'

type LotAnswer = Ok<{ lot: Auction }> | Failure
type Checked = { sale: SaleState; lot: LotState } | Failure

/** A reason as the engine keeps it (trimmed, 1 to 200 characters), or null. */
const reasonOf = (reason: string): string | null => {
  const trimmed = reason.trim()
  return trimmed.length >= 1 && trimmed.length <= 200 ? trimmed : null
}

const RATE = /^\d{1,9}(\.\d{1,8})?$/

export class LiveSaleBook extends SaleBook {
  /** Puts a lot on the block: the next waiting one, or `lotId` (waiting, or passed again). */
  offer(saleId: string, lotId: string | null, actor: Actor, now: number): LotAnswer {
    const sale = this.sales.get(saleId)
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.mode !== 'live') return failure('NOT_LIVE_SALE')
    if (sale.status !== 'open') return failure('INVALID_STATUS', { status: sale.status })
    if (this.inStatus(sale, 'active').length > 0) return failure('LOT_ON_BLOCK')
    const id = lotId ?? this.inStatus(sale, 'waiting')[0]?.id
    if (id === undefined) return failure('NO_LOT_WAITING')
    const lot = this.lotIndex.get(id)
    if (!lot || lot.saleId !== sale.id) return failure('AUCTION_NOT_FOUND')
    if (lot.lotStatus !== 'waiting' && lot.lotStatus !== 'passed') {
      return failure('INVALID_STATUS', { status: lot.lotStatus })
    }
    const first = lot.lotStatus === 'waiting'
    this.toBlock(lot)
    if (first) lot.startsAt = now
    lotEvent(sale, lot) // lot_offered
    this.tally(first ? 'offered a waiting lot' : 'offered a passed lot again')
    if (lotId !== null && first) this.tally('offered a lot out of order')
    if (first && lot.book.size > 0) {
      const done = executeBook(sale, lot, now, this.tally)
      if (done.entries > 0) {
        this.tally(done.entries > 1 ? 'book executed: several entries' : 'book executed: one entry')
      }
      if (done.jumped) this.tally('book executed: reserve jump')
      if (done.tie) this.tally('book executed: equal maximums')
    }
    return { ok: true, lot: this.view(id, actor) as Auction }
  }

  /** The asking price for the next bid only: above the current price. */
  ask(id: string, amount: string | number, actor: Actor, _now: number): LotAnswer {
    const known = this.lotIndex.get(id)
    const sale = known && this.sales.get(known.saleId)
    if (!known || !sale) return failure('AUCTION_NOT_FOUND')
    const minor = modelAmount(amount, sale.digits)
    if (minor === null || minor <= 0) return failure('INVALID_AMOUNT', { field: 'amount' })
    return this.onBlock(id, actor, (sale, lot) => {
      if (minor <= lot.price) return failure('INVALID_AMOUNT', { field: 'amount' })
      lot.askOverride = minor
      lotEvent(sale, lot) // ask_changed
      const split = lot.leaderId !== null && minor < lot.price + inc(lot, lot.price)
      this.tally(split ? 'ask: a split below the increment' : 'ask: above the asking price')
      return null
    })
  }

  /** Fair warning: a flag until the next accepted bid. */
  warn(id: string, actor: Actor, _now: number): LotAnswer {
    return this.onBlock(id, actor, (sale, lot) => {
      if (lot.warning) this.tally('warned twice')
      lot.warning = true
      lotEvent(sale, lot) // fair_warning
      return null
    })
  }

  /** Sold to the leader (a floor leader to the paddle named), if the reserve is met. */
  hammer(
    id: string,
    options: { paddle: string | null; belowReserve: boolean },
    actor: Actor,
    now: number,
  ): LotAnswer {
    return this.onBlock(id, actor, (sale, lot) => {
      if (lot.leaderId === null) return failure('NO_BIDS')
      const { paddle, belowReserve } = options
      let winner = lot.leaderId
      if (paddle !== null && paddle !== winner) {
        if (winner !== FLOOR) return failure('INVALID_INPUT', { field: 'paddle' })
        if (paddle === FLOOR) return failure('PADDLE_REQUIRED', { field: 'paddle' })
        if (paddle === sale.sellerId) return failure('SELLER_CANNOT_BID')
        if (checked(sale, paddle) && sale.register) {
          this.tally('hammer: a named paddle checked against the register')
          const entry = paddleRefusal(sale.register, paddle)
          if ('failure' in entry) return entry.failure
          const limit = paddleCap(sale, lot, paddle, entry.limit, null)
          if (limit && lot.price > limit.cap) {
            return failure('CREDIT_LIMIT', { headroom: limit.headroom })
          }
        }
        winner = paddle
        this.tally('hammer: the floor leader named')
      } else if (winner === FLOOR) {
        return failure('PADDLE_REQUIRED', { field: 'paddle' })
      }
      const met = reserveMet(lot)
      if (!met && !belowReserve) return failure('RESERVE_NOT_MET', { field: 'belowReserve' })
      if (!met) this.tally('hammer below the reserve')
      lot.leaderId = winner
      this.endOnBlock(sale, lot, now, winner, !met)
      return null
    })
  }

  /** Bought in: the lot on the block passes, whatever its bids. */
  pass(id: string, actor: Actor, now: number): LotAnswer {
    return this.onBlock(id, actor, (sale, lot) => {
      if (lot.leaderId !== null) this.tally('passed a lot with bids')
      this.endOnBlock(sale, lot, now, null, false)
      return null
    })
  }

  /** Undoes the last accepted bid or book execution; its history entries stay, marked. */
  retract(id: string, reason: string, actor: Actor, now: number): LotAnswer {
    const why = reasonOf(reason)
    if (why === null) return failure('INVALID_INPUT', { field: 'reason' })
    return this.onBlock(id, actor, (sale, lot) => {
      const before = lot.undo.pop()
      if (!before) return failure('NOTHING_TO_RETRACT')
      const { historyLength, entries, ...state } = before
      for (let i = historyLength; i < historyLength + entries; i++) {
        const entry = lot.history[i]
        if (entry) lot.history[i] = { ...entry, retracted: { reason: why, by: actor.id, at: now } }
      }
      this.tally(entries === 0 ? 'retracted a bid without entries' : 'retracted a bid')
      if (state.leaderId === null) this.tally('retracted the first bid or the book')
      if (lot.warning !== state.warning || lot.askOverride !== state.askOverride) {
        this.tally('retract restored the warning or the asking price')
      }
      Object.assign(lot, state)
      lotEvent(sale, lot) // bid_retracted
      return null
    })
  }

  /** A sold or passed lot of an open sale back on the block, in its state at the hammer. */
  reopen(id: string, reason: string, actor: Actor, _now: number): LotAnswer {
    const why = reasonOf(reason)
    if (why === null) return failure('INVALID_INPUT', { field: 'reason' })
    return this.onLiveLot(id, actor, (sale, lot) => {
      if (sale.status !== 'open') return failure('INVALID_STATUS', { status: sale.status })
      if (lot.lotStatus !== 'sold' && lot.lotStatus !== 'passed') {
        return failure('INVALID_STATUS', { status: lot.lotStatus })
      }
      if (this.inStatus(sale, 'active').length > 0) return failure('LOT_ON_BLOCK')
      this.tally(`reopened a ${lot.lotStatus} lot`)
      this.toBlock(lot)
      lotEvent(sale, lot) // lot_reopened
      return null
    })
  }

  /** `lot withdraw`: the lot leaves its sale (a live sale's only while it waits). */
  withdraw(id: string, actor: Actor, now: number): LotAnswer {
    const sale = this.sales.get(saleIdOf(id))
    const lot = this.lotIndex.get(id)
    if (!sale || !lot) return failure('AUCTION_NOT_FOUND')
    const failed = this.withdrawLot(sale, lot, actor, now)
    return failed ?? { ok: true, lot: this.view(id, actor) as Auction }
  }

  /** The room display's rates: at most four other currencies, each once, above zero. */
  setDisplayRates(
    saleId: string,
    rates: DisplayRate[],
    actor: Actor,
    _now: number,
  ): Ok<{ sale: Sale }> | Failure {
    const currencies = new Set(rates.map((rate) => rate.currency))
    const sale = this.sales.get(saleId)
    const valid =
      rates.length <= 4 &&
      currencies.size === rates.length &&
      rates.every((rate) => /^[A-Z]{3}$/.test(rate.currency) && RATE.test(rate.rate)) &&
      rates.every((rate) => Number(rate.rate) > 0) &&
      !(sale && currencies.has(sale.currency))
    if (!valid) return failure('INVALID_INPUT', { field: 'rates' })
    if (!sale) return failure('SALE_NOT_FOUND')
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    sale.displayRates = rates.map(({ currency, rate }) => ({ currency, rate }))
    this.saleEvent(sale) // rates_changed
    return { ok: true, sale: this.sale(saleId) as Sale }
  }

  /**
   * Withdraws a waiting or active lot (`auction cancel` on a lot of a sale, `lot withdraw`):
   * a live sale's lot only while it waits. A timed sale closes with its last lot. A
   * withdrawn or cancelled lot stays as it is. The failure, or null.
   */
  protected withdrawLot(sale: SaleState, lot: LotState, actor: Actor, now: number): Failure | null {
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (lot.lotStatus === 'withdrawn' || lot.lotStatus === 'cancelled') return null
    if (lot.lotStatus === 'sold' || lot.lotStatus === 'passed') {
      return failure('INVALID_STATUS', { status: 'ended' })
    }
    if (sale.mode === 'live' && !sale.standalone && lot.lotStatus !== 'waiting') {
      return failure('INVALID_STATUS', { status: auctionStatusOf(lot.lotStatus, sale.status) })
    }
    setStatus(lot, 'withdrawn')
    lotEvent(sale, lot)
    this.tally(sale.mode === 'live' ? 'live lot withdrawn' : 'lot withdrawn')
    if (lot.book.size > 0) this.tally('withdrawn with a book')
    this.closeIfDone(sale, now)
    return null
  }

  // ---- Helpers -------------------------------------------------------------------------------

  /** Active on the block, as offered or reopened: no end, warning, asking price or result. */
  private toBlock(lot: LotState): void {
    setStatus(lot, 'active')
    lot.live = true
    lot.endsAt = null
    lot.warning = false
    lot.askOverride = null
    lot.hammerAt = null
    delete lot.result
  }

  /** The hammer or a pass: the lot leaves the block, sold to `winner` or passed. */
  protected endOnBlock(
    sale: SaleState,
    lot: LotState,
    now: number,
    winner: string | null,
    belowReserve: boolean,
  ): void {
    setStatus(lot, winner !== null ? 'sold' : 'passed')
    lot.result = {
      winnerId: winner,
      finalPrice: lot.price,
      reserveMet: reserveMet(lot),
      hammerAt: now,
      ...(belowReserve ? { belowReserve: true } : {}),
    }
    lot.hammerAt = now
    lot.warning = false
    lot.askOverride = null
    lotEvent(sale, lot) // lot_sold, lot_passed
  }

  /** A clerk's action on a lot of a live sale: the lot, then the actor, then the mode. */
  private onLiveLot(
    id: string,
    actor: Actor,
    act: (sale: SaleState, lot: LotState) => Failure | null,
  ): LotAnswer {
    const checked = this.liveLot(id, actor)
    if ('ok' in checked) return checked
    const failed = act(checked.sale, checked.lot)
    return failed ?? { ok: true, lot: this.view(id, actor) as Auction }
  }

  /** As onLiveLot, on the lot on the block only (LOT_NOT_OPEN otherwise). */
  private onBlock(
    id: string,
    actor: Actor,
    act: (sale: SaleState, lot: LotState) => Failure | null,
  ): LotAnswer {
    return this.onLiveLot(id, actor, (sale, lot) =>
      lot.lotStatus === 'active'
        ? act(sale, lot)
        : failure('LOT_NOT_OPEN', { status: auctionStatusOf(lot.lotStatus, sale.status) }),
    )
  }

  private liveLot(id: string, actor: Actor): Checked {
    const sale = this.sales.get(saleIdOf(id))
    const lot = this.lotIndex.get(id)
    if (!sale || !lot || (id !== sale.id && !id.startsWith(`${sale.id}.`))) {
      return failure('AUCTION_NOT_FOUND')
    }
    if (!mayAct(sale, actor)) return failure('NOT_SELLER')
    if (sale.mode !== 'live') return failure('NOT_LIVE_SALE')
    return { sale, lot }
  }
}
