// One run of the property test: each command goes to the Lua engine and to the reference
// model at the same clock; their answers must be equal, and so must the state of what the
// command touched (sale, lots in catalogue order, the lot and its history). A run ends by
// comparing everything, as a bidder sees it too, and the indices the scheduler reads.
import { rateText } from '../../src/shared/settlement'
import { expect } from 'vitest'
import type { CreateAuctionInput } from '../../src/main/engine'
import { registryKeys, saleKeys } from '../../src/main/engine'
import { LOT_STATUSES, saleIdOf, type Actor, type Lot, type Sale } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { currencyDigits, incrementAt, minorToDecimal } from '../../src/shared/money'
import { uniqueId } from '../support/engine'
import type { ClockedEngine } from './clocked-engine'
import { checkSaleEvents, type SaleEventLog } from './event-log'
import type {
  Among,
  AmountPick,
  Command,
  CreateSpec,
  LotSpec,
  SaleSpec,
  TimePick,
  Who,
} from './commands'
import { applyLive, type Answer, type Applied } from './live-steps'
import { ReferenceModel } from './reference-model'

/** A failure by what the rules decide (code, field, status, minimum, headroom), not by its words. */
const normAnswer = (answer: Answer) => {
  if (answer.ok) return answer
  const { code, field, status, minimumBid, headroom } = (answer as Failure).error
  return { ok: false, code, field, status, minimumBid, headroom }
}

const label = (answer: Answer): string => {
  if (!answer.ok) return (answer as Failure).error.code
  if ('result' in answer) return answer.duplicate ? 'duplicate' : answer.result
  if ('duplicate' in answer && answer.duplicate === true) return 'duplicate'
  return 'ok'
}

const STAFF: Actor = { id: 'clerk', staff: true }
const BIDDER: Actor = { id: 'b2', staff: false }

export class Run {
  private readonly model: ReferenceModel
  private readonly seller = uniqueId('s')

  constructor(
    private readonly clocked: ClockedEngine,
    private readonly events: SaleEventLog,
    private now: number,
    private readonly tally: (label: string) => void,
  ) {
    this.model = new ReferenceModel(tally)
  }

  private get engine() {
    return this.clocked.engine
  }

  async step(command: Command): Promise<void> {
    const [answers, touched] = await this.apply(command)
    const [real, modelled] = answers
    expect(normAnswer(real), JSON.stringify(command)).toEqual(normAnswer(modelled))
    this.tally(`${command.op}:${label(real)}`)
    if (command.op === 'bid' || command.op === 'raise') this.tally(`bid or raise:${label(real)}`)
    // A refused command must leave what it names as it was: the sale and the lot are read
    // back at once (their lists and histories when the run ends); an accepted one, all of it.
    const refused = !real.ok
    const saleIds = new Set(touched.map(saleIdOf).filter((saleId) => this.model.sale(saleId)))
    await Promise.all([
      ...[...saleIds].map((saleId) => this.compareSale(saleId, !refused)),
      ...touched.filter((id) => this.model.view(id)).map((id) => this.compareLot(id, !refused)),
    ])
  }

  /** Everything of the run: sales, lots by status, as a bidder sees them, and the indices. */
  async finish(): Promise<void> {
    const saleIds = this.model.saleIds()
    await this.events.settle(
      new Map(saleIds.map((saleId) => [saleId, this.model.sale(saleId)?.seq ?? 0])),
    )
    await Promise.all(saleIds.map((saleId) => this.finishSale(saleId)))
    await Promise.all(
      this.model.lotIds().map(async (id) => {
        const [real] = await Promise.all([this.engine.getAuction(id, BIDDER), this.compareLot(id)])
        expect(real.ok && real.auction).toEqual(this.model.view(id, BIDDER))
      }),
    )
  }

  private async finishSale(saleId: string): Promise<void> {
    const sale = this.model.sale(saleId) as Sale
    checkSaleEvents(this.events.of(saleId), sale, this.model.lots(saleId) ?? [])
    const [, byStatus, seen, closing, entry] = await Promise.all([
      this.compareSale(saleId),
      Promise.all(LOT_STATUSES.map((status) => this.engine.listLots(saleId, { status }))),
      this.engine.listLots(saleId, {}, BIDDER),
      this.clocked.redis.zrange(saleKeys(saleId).closing, '0', '-1', 'WITHSCORES'),
      this.clocked.redis.zscore(registryKeys.due, saleId),
    ])
    LOT_STATUSES.forEach((status, i) => {
      const real = byStatus[i]
      expect(real?.ok && real.lots, status).toEqual(this.model.lots(saleId, status))
    })
    expect(seen.ok && seen.lots).toEqual(this.model.lots(saleId, undefined, BIDDER))
    // The closing index holds exactly the active lots by end time (what the scheduler reads)…
    const pairs = []
    for (let i = 0; i < closing.length; i += 2) {
      pairs.push({ id: closing[i] as string, endsAt: Number(closing[i + 1]) })
    }
    const byEnd = (a: { id: string; endsAt: number }, b: { id: string; endsAt: number }) =>
      a.endsAt - b.endsAt || (a.id < b.id ? -1 : 1)
    expect(pairs).toEqual(this.model.closing(saleId).sort(byEnd))
    // … and the due registry is never later than the truth.
    const due = this.model.nextDue(saleId)
    if (due !== null && (sale.status === 'open' || due > this.now)) {
      expect(entry, `due entry of ${saleId}`).not.toBeNull()
      expect(Number(entry)).toBeLessThanOrEqual(due)
    }
  }

  /** Runs a command on both sides; answers both answers and the ids whose state it may change. */
  private async apply(command: Command): Promise<Applied> {
    const now = this.now
    switch (command.op) {
      case 'create':
        return this.createAuction(command.spec)
      case 'createSale':
        return this.createSale(command.spec)
      case 'addLot': {
        const saleId = this.saleOf(command.sale)
        const actor = this.actor(command.who, saleId)
        const input = this.lotInput(command.spec)
        const real = await this.engine.addLot(saleId, input, actor)
        return [[real, this.model.addLot(saleId, input, actor, now)], [saleId]]
      }
      case 'startSale':
      case 'endSale':
      case 'cancelSale': {
        const saleId = this.saleOf(command.sale)
        const actor = this.actor(command.who, saleId)
        const real = await this.engine[command.op](saleId, actor)
        return [[real, this.model[command.op](saleId, actor, now)], [saleId]]
      }
      case 'start':
      case 'end':
      case 'cancel': {
        const id = this.lotOf(command.target)
        const actor = this.actor(command.who, saleIdOf(id))
        const method = (
          { start: 'startAuction', end: 'endAuction', cancel: 'cancelAuction' } as const
        )[command.op]
        const real = await this.engine[method](id, actor)
        return [[real, this.model[command.op](id, actor, now)], [id]]
      }
      case 'bid':
      case 'raise': {
        const id = this.lotOf(command.target, command.among)
        const input = this.bidInput(command, id)
        const real = await this.engine.placeBid(input)
        const modelled = this.model.bid(input, now)
        // Request ids are bound to their bid, so pooled ids rarely repeat one exactly: an
        // accepted bid with a request id is sent again as is, the retry of a double press.
        if (real.ok && input.requestId) {
          const again = await this.engine.placeBid(input)
          expect(normAnswer(again), 'exact retry').toEqual(normAnswer(this.model.bid(input, now)))
          this.tally(`${command.op}:${label(again)}`)
        }
        return [[real, modelled], [id]]
      }
      case 'clock':
        return this.moveClock(command.to, command.tick)
      case 'register': {
        const saleId = this.saleOf(command.sale)
        const actor = this.actor(command.who, saleId)
        const seller = this.model.sale(saleId)?.sellerId ?? 'b3'
        const entry = {
          paddle: command.paddle === 'seller' ? seller : command.paddle,
          approved: command.approved,
          limit: command.limit,
        }
        const real =
          command.mode === 'add'
            ? await this.engine.registerAdd(
                saleId,
                { ...entry, name: `Bidder ${entry.paddle}` },
                actor,
              )
            : await this.engine.registerUpdate(saleId, entry, actor)
        const modelled = this.model.register(saleId, entry, command.mode, actor)
        return [[real.ok ? { ok: true } : real, modelled], [saleId]]
      }
      default:
        return applyLive(command, {
          engine: this.engine,
          model: this.model,
          now,
          saleOf: (index) => this.saleOf(index),
          lotOf: (index, among) => this.lotOf(index, among),
          actor: (who, saleId) => this.actor(who, saleId),
        })
    }
  }

  private async createAuction(spec: CreateSpec): Promise<Applied> {
    const input: CreateAuctionInput = {
      title: 'Lot',
      sellerId: this.seller,
      currency: spec.currency,
      startingPrice: spec.startingPrice,
      reservePrice: spec.reservePrice,
      increment: spec.increment,
      incrementTable: spec.incrementTable,
      startsAt: spec.initial === 'scheduled' ? this.now + spec.startsIn : null,
      endsAt: spec.close.kind === 'at' ? this.now + spec.close.ms : null,
      durationMs: spec.close.kind === 'duration' ? spec.close.ms : null,
      softCloseSeconds: spec.softCloseSeconds,
      start: spec.initial === 'start',
      requestId: spec.requestId,
    }
    const real = await this.engine.createAuction(input)
    const id = real.ok ? real.auction.id : uniqueId('refused')
    const modelled = this.model.create(
      {
        id,
        title: 'Lot',
        sellerId: this.seller,
        currency: spec.currency,
        digits: currencyDigits(spec.currency),
        startingPrice: spec.startingPrice,
        reservePrice: spec.reservePrice,
        ...(spec.incrementTable
          ? { incrementTable: spec.incrementTable }
          : { increment: spec.increment as number }),
        startsAt: input.startsAt ?? null,
        endsAt: input.endsAt ?? null,
        durationMs: input.durationMs ?? null,
        softCloseSeconds: spec.softCloseSeconds,
        start: spec.initial === 'start',
        requestId: spec.requestId,
      },
      this.now,
    )
    return [[real, modelled], [id]]
  }

  private async createSale(spec: SaleSpec): Promise<Applied> {
    const actor: Actor = spec.who === 'staff' ? STAFF : { id: this.seller, staff: false }
    const { kind, ms } = spec.close
    const input = {
      title: 'Sale',
      mode: spec.mode,
      currency: spec.currency,
      startsAt: spec.initial === 'scheduled' ? this.now + spec.startsIn : null,
      start: spec.initial === 'start',
      increment: spec.increment,
      incrementTable: spec.incrementTable,
      softCloseSeconds: spec.softCloseSeconds,
      closeIntervalSeconds: spec.closeIntervalSeconds,
      firstCloseAt: kind === 'at' || kind === 'both' ? this.now + ms : null,
      durationMs: kind === 'duration' || kind === 'both' ? ms : null,
      requestId: spec.requestId,
      requireRegistration: spec.requireRegistration,
    }
    const premium = spec.premium?.map(({ upTo, rate }) => ({ upTo, rate: rateText(rate) }))
    const real = await this.engine.createSale({ ...input, premium }, actor)
    const id = real.ok ? real.sale.id : uniqueId('refused')
    const modelled = this.model.createSale(
      {
        ...input,
        id,
        digits: currencyDigits(spec.currency),
        premiumBands: spec.premium ?? [],
      },
      actor,
      this.now,
    )
    return [[real, modelled], [id]]
  }

  private async moveClock(to: TimePick, tick: boolean): Promise<Applied> {
    const upcoming = this.model.upcoming(this.now)
    const next = to.kind === 'next' ? upcoming[to.index % Math.max(upcoming.length, 1)] : undefined
    const target =
      to.kind === 'by' ? this.now + to.ms : next === undefined ? this.now + 1000 : next + to.delta
    this.now = Math.max(this.now, target)
    await this.clocked.setClock(this.now)
    const all = this.model.saleIds()
    if (!tick) return [[{ ok: true }, { ok: true }], []]
    const real = await this.engine.tickDue()
    const modelled = this.model.tickDue(this.now)
    expect(real.acted, 'lots closed and sales opened by the pass').toBe(modelled.acted)
    return [[{ ok: true }, { ok: true }], all]
  }

  /** The sale as the engine answers it; with `lots`, its lots in catalogue order too. */
  private async compareSale(saleId: string, lots = true): Promise<void> {
    const [sale, listed] = await Promise.all([
      this.engine.getSale(saleId),
      lots ? this.engine.listLots(saleId) : null,
    ])
    expect(sale.ok ? sale.sale : sale.error.code).toEqual(
      this.model.sale(saleId) ?? ('SALE_NOT_FOUND' as Sale | string),
    )
    if (!listed) return
    expect(listed.ok ? listed.lots : listed.error.code).toEqual(
      this.model.lots(saleId) ?? ('SALE_NOT_FOUND' as Lot[] | string),
    )
  }

  /** The lot as the engine answers it; with `history`, its whole history too. */
  private async compareLot(id: string, history = true): Promise<void> {
    const [real, bids] = await Promise.all([
      this.engine.getAuction(id),
      history ? this.engine.history(id, { limit: 1000 }) : null,
    ])
    if (!real.ok || (bids && !bids.ok)) expect.fail(`read failed for ${id}`)
    expect(real.auction).toEqual(this.model.view(id))
    if (!bids?.ok) return
    expect(bids.bids.slice().reverse()).toEqual(this.model.history(id))
    if (bids.bids.some((b) => b.kind === 'auto')) this.tally('auto')
  }

  /** The run's index-th sale (modulo), or one that does not exist. */
  private saleOf(index: number): string {
    const ids = this.model.saleIds()
    return index < 0 || ids.length === 0 ? uniqueId('ghost') : (ids[index % ids.length] as string)
  }

  /** The run's index-th lot (modulo) among those picked, or among all when none is. */
  private lotOf(index: number, among: Among = 'any'): string {
    const all = this.model.lotIds()
    const picked = all.filter((id) => this.picks(id, among))
    const ids = picked.length > 0 ? picked : all
    return index < 0 || ids.length === 0 ? uniqueId('ghost') : (ids[index % ids.length] as string)
  }

  private picks(id: string, among: Among): boolean {
    const lot = this.model.view(id) as Lot
    const live = this.model.sale(lot.saleId)?.mode === 'live'
    switch (among) {
      case 'any':
        return true
      case 'active':
        return lot.lotStatus === 'active'
      case 'block':
        return lot.onBlock
      case 'waiting':
        return live && lot.lotStatus === 'waiting'
      case 'ended':
        return live && (lot.lotStatus === 'sold' || lot.lotStatus === 'passed')
    }
  }

  private actor(who: Who, saleId: string): Actor {
    if (who === 'staff') return STAFF
    if (who === 'other') return { id: 'b1', staff: false }
    return { id: this.model.sale(saleId)?.sellerId ?? 'nobody', staff: false }
  }

  private lotInput(spec: LotSpec) {
    return {
      number: spec.number,
      title: `Lot ${spec.number}`,
      startingPrice: spec.startingPrice,
      reservePrice: spec.reservePrice,
      estimateLow: spec.estimate ? spec.estimate[0] : null,
      estimateHigh: spec.estimate ? spec.estimate[1] : null,
      increment: spec.increment,
      incrementTable: spec.incrementTable,
      softCloseSeconds: spec.softCloseSeconds,
      requestId: spec.requestId,
    }
  }

  private bidInput(command: Extract<Command, { op: 'bid' | 'raise' }>, auctionId: string) {
    const view = this.model.view(auctionId)
    const asking = view?.askingPrice ?? 1000
    const step = view ? incrementAt(view.currentPrice, view.increment, view.incrementTable) : 100
    const digits = currencyDigits(view?.currency ?? 'USD')
    const pick = (p: AmountPick, base: number) =>
      p.kind === 'raw'
        ? p.value
        : p.form === 'number'
          ? Math.max(0, base + p.steps * step)
          : minorToDecimal(Math.max(0, base + p.steps * step), digits)
    if (command.op === 'raise') {
      return {
        auctionId,
        bidderId: view?.leaderId ?? 'b1',
        amount: asking,
        max: this.model.leaderMax(auctionId) + command.steps * step,
        requestId: command.requestId,
      }
    }
    const amount = pick(command.amount, asking)
    const base = typeof amount === 'number' ? amount : asking
    return {
      auctionId,
      bidderId: command.bidder === 'seller' ? (view?.sellerId ?? 'b3') : command.bidder,
      amount,
      max: command.max && pick(command.max, base),
      requestId: command.requestId,
      source: command.source,
    }
  }
}
