// The reference model's books: its sales and their lots, the JSON the engine answers for
// them (a sale, a lot, a sale's lots in catalogue order), and the moves of a sale that
// several commands share (open, close). The commands are in reference-model.ts.
import { NO_TERMS } from '../../src/shared/settlement'
import { emptyRegister, type RegisterState } from './register-rules'
import type {
  Actor,
  Auction,
  BidEntry,
  DisplayRate,
  IncrementBand,
  LotStatus,
  Sale,
  SaleMode,
  SaleStatus,
} from '../../src/shared/domain'
import { LOT_STATUSES } from '../../src/shared/domain'
import {
  askingPrice,
  auctionStatusOf,
  catalogueOrder,
  lotEvent,
  reserveMet,
  setStatus,
  type LotState,
} from './lot-rules'

export interface SaleState {
  id: string
  title: string
  description: string
  mode: SaleMode
  status: SaleStatus
  currency: string
  digits: number
  sellerId: string
  startsAt: number | null
  firstCloseAt: number | null
  durationMs: number | null
  closeIntervalMs: number
  softCloseSeconds: number
  increment: number | null
  incrementTable: IncrementBand[] | null
  standalone: boolean
  seq: number
  createdAt: number
  closedAt: number | null
  nextLot: number
  /** In the order they were added. */
  lots: LotState[]
  /** add-lot request id → who added the lots, and their ids. */
  requests: Map<string, { actorId: string; lotIds: string[] }>
  /** The room display's indicative rates (`sale rates`). */
  displayRates: DisplayRate[]
  /** The bidder register and what the bid rules need of the terms. */
  register: RegisterState
}

export const mayAct = (sale: SaleState, actor: Actor): boolean =>
  actor.staff || actor.id === sale.sellerId

export class SaleBook {
  protected readonly sales = new Map<string, SaleState>()
  protected readonly lotIndex = new Map<string, LotState>()
  /** owner \0 request id → sale id: a create retried with its request id. */
  protected readonly creates = new Map<string, string>()

  /** `tally` hears what happened inside the rules, for the property test's coverage. */
  constructor(protected readonly tally: (label: string) => void = () => undefined) {}

  // ---- Reads ---------------------------------------------------------------------------------

  /** The lot (auction) as `viewer` sees it (no viewer: the engine's own, reserve included). */
  view(id: string, viewer?: Actor): Auction | undefined {
    const lot = this.lotIndex.get(id)
    const sale = lot && this.sales.get(lot.saleId)
    if (!lot || !sale) return undefined
    const seesReserve = !viewer || viewer.staff || viewer.id === sale.sellerId
    const auction: Auction = {
      id: lot.id,
      saleId: sale.id,
      number: lot.number,
      estimateLow: lot.estimateLow,
      estimateHigh: lot.estimateHigh,
      lotStatus: lot.lotStatus,
      title: lot.title,
      description: lot.description,
      sellerId: sale.sellerId,
      status: auctionStatusOf(lot.lotStatus, sale.status),
      currency: sale.currency,
      startingPrice: lot.startingPrice,
      reservePrice: seesReserve ? lot.reservePrice : null,
      hasReserve: lot.reservePrice !== null,
      reserveMet: reserveMet(lot),
      ...(lot.incrementTable
        ? { incrementTable: lot.incrementTable }
        : { increment: lot.increment as number }),
      currentPrice: lot.price,
      askingPrice: askingPrice(lot),
      leaderId: lot.leaderId,
      bidCount: lot.bidCount,
      startsAt: lot.startsAt,
      endsAt: lot.endsAt,
      durationMs: lot.durationMs,
      softCloseSeconds: lot.softCloseSeconds,
      seq: lot.seq,
      createdAt: lot.createdAt,
      onBlock: lot.live && lot.lotStatus === 'active',
      warning: lot.warning,
      askOverride: lot.askOverride,
      book: lot.book.size,
      hammerAt: lot.hammerAt,
      consignor: seesReserve ? sale.sellerId : '',
    }
    if (lot.result) auction.result = { ...lot.result }
    return auction
  }

  sale(id: string): Sale | undefined {
    const sale = this.sales.get(id)
    if (!sale) return undefined
    const lotCounts = Object.fromEntries(
      LOT_STATUSES.map((status) => [status, this.inStatus(sale, status).length]),
    ) as Record<LotStatus, number>
    return {
      id: sale.id,
      title: sale.title,
      description: sale.description,
      mode: sale.mode,
      status: sale.status,
      currency: sale.currency,
      sellerId: sale.sellerId,
      startsAt: sale.startsAt,
      firstCloseAt: sale.firstCloseAt,
      durationMs: sale.durationMs,
      closeIntervalSeconds: sale.closeIntervalMs / 1000,
      softCloseSeconds: sale.softCloseSeconds,
      ...(sale.incrementTable
        ? { incrementTable: sale.incrementTable }
        : sale.increment !== null
          ? { increment: sale.increment }
          : {}),
      lotCount: sale.lots.length,
      lotCounts,
      seq: sale.seq,
      createdAt: sale.createdAt,
      closedAt: sale.closedAt,
      standalone: sale.standalone,
      onBlockLotId: sale.mode === 'live' ? (this.inStatus(sale, 'active')[0]?.id ?? null) : null,
      displayRates: sale.displayRates.map((rate) => ({ ...rate })),
      terms: {
        ...NO_TERMS,
        premiumBands: sale.register.bands.map((band) => ({ ...band })),
        requireRegistration: sale.register.required,
      },
    }
  }

  /** A sale's lots in catalogue order, optionally of one status; undefined: no such sale. */
  lots(saleId: string, status?: LotStatus, viewer?: Actor): Auction[] | undefined {
    const sale = this.sales.get(saleId)
    if (!sale) return undefined
    const lots = status ? this.inStatus(sale, status) : this.catalogue(sale)
    return lots.map((lot) => this.view(lot.id, viewer) as Auction)
  }

  /** The whole history, oldest first. */
  history(id: string): BidEntry[] {
    return [...(this.lotIndex.get(id)?.history ?? [])]
  }

  /** The leader's secret maximum (the test uses it to aim "raise" commands). */
  leaderMax(id: string): number {
    return this.lotIndex.get(id)?.leaderMax ?? 0
  }

  saleIds(): string[] {
    return [...this.sales.keys()]
  }

  lotIds(): string[] {
    return [...this.lotIndex.keys()]
  }

  /** The active lots of a sale by their end: what the sale's closing index must hold. */
  closing(saleId: string): { id: string; endsAt: number }[] {
    const sale = this.sales.get(saleId)
    if (!sale) return []
    return this.inStatus(sale, 'active')
      .filter((lot) => lot.endsAt !== null)
      .map((lot) => ({ id: lot.id, endsAt: lot.endsAt as number }))
  }

  /** When the scheduler must next act on a sale: its start, or its earliest lot close. */
  nextDue(saleId: string): number | null {
    const sale = this.sales.get(saleId)
    if (sale?.status === 'scheduled') return sale.startsAt
    const ends = this.closing(saleId).map((lot) => lot.endsAt)
    return ends.length > 0 ? Math.min(...ends) : null
  }

  /** Times after `now` at which some rule changes its answer: starts, ends, soft-close windows. */
  upcoming(now: number): number[] {
    const times = new Set<number>()
    for (const sale of this.sales.values()) {
      if (sale.status === 'scheduled' && sale.startsAt !== null) times.add(sale.startsAt)
      for (const lot of sale.lots) {
        if (lot.lotStatus !== 'active' || lot.endsAt === null) continue
        times.add(lot.endsAt)
        times.add(lot.endsAt - lot.softCloseSeconds * 1000)
      }
    }
    return [...times].filter((t) => t > now).sort((a, b) => a - b)
  }

  // ---- Shared moves ----------------------------------------------------------------------------

  /** The sale an earlier create of this kind, owner and request id made (ids derive from all three). */
  protected retried(
    kind: 'sale' | 'auction',
    owner: string,
    requestId: string | null | undefined,
  ): SaleState | undefined {
    if (!requestId) return undefined
    const id = this.creates.get(`${kind}\0${owner}\0${requestId}`)
    return id === undefined ? undefined : this.sales.get(id)
  }

  protected newSale(
    fields: Omit<
      SaleState,
      | 'status'
      | 'seq'
      | 'createdAt'
      | 'closedAt'
      | 'nextLot'
      | 'lots'
      | 'requests'
      | 'displayRates'
      | 'register'
    >,
    requestId: string | null | undefined,
    now: number,
  ): SaleState {
    const sale: SaleState = {
      ...fields,
      status: fields.startsAt !== null ? 'scheduled' : 'draft',
      seq: 0,
      createdAt: now,
      closedAt: null,
      nextLot: 0,
      lots: [],
      requests: new Map(),
      displayRates: [],
      register: emptyRegister(),
    }
    this.sales.set(sale.id, sale)
    const kind = sale.standalone ? 'auction' : 'sale'
    if (requestId) this.creates.set(`${kind}\0${sale.sellerId}\0${requestId}`, sale.id)
    return sale
  }

  protected newLot(
    sale: SaleState,
    id: string,
    now: number,
    fields: Pick<
      LotState,
      | 'number'
      | 'title'
      | 'description'
      | 'startingPrice'
      | 'reservePrice'
      | 'estimateLow'
      | 'estimateHigh'
      | 'increment'
      | 'incrementTable'
      | 'softCloseSeconds'
      | 'startsAt'
      | 'endsAt'
      | 'durationMs'
    >,
  ): LotState {
    const lot: LotState = {
      ...fields,
      id,
      saleId: sale.id,
      lotStatus: 'waiting',
      price: fields.startingPrice,
      leaderId: null,
      leaderMax: 0,
      bidCount: 0,
      seq: sale.seq,
      createdAt: now,
      history: [],
      requests: new Map(),
      live: false,
      warning: false,
      askOverride: null,
      book: new Map(),
      bookSerial: 0,
      hammerAt: null,
      undo: [],
    }
    sale.lots.push(lot)
    this.lotIndex.set(id, lot)
    return lot
  }

  /** When a sale opening now would close its first lot (timed only). */
  protected firstClose(sale: SaleState, now: number): number | null {
    if (sale.mode !== 'timed') return null
    return sale.durationMs !== null ? now + sale.durationMs : sale.firstCloseAt
  }

  /** Timed: waiting lots become active, closing in catalogue order one interval apart. */
  protected open(sale: SaleState, now: number, first: number | null): void {
    sale.status = 'open'
    if (sale.mode === 'timed') {
      this.inStatus(sale, 'waiting').forEach((lot, i) => {
        setStatus(lot, 'active')
        lot.startsAt = now
        lot.endsAt = (first as number) + i * sale.closeIntervalMs
        lot.durationMs = null
        lotEvent(sale, lot) // auction_started
      })
    }
    sale.startsAt = now
    sale.firstCloseAt = first
    sale.durationMs = null
    this.saleEvent(sale) // sale_started
  }

  /** A timed sale closes once none of its lots is active or waiting; true when it did. */
  protected closeIfDone(sale: SaleState, now: number): boolean {
    const done =
      sale.mode === 'timed' &&
      sale.status === 'open' &&
      !sale.lots.some((lot) => lot.lotStatus === 'active' || lot.lotStatus === 'waiting')
    if (!done) return false
    this.closeSale(sale, now)
    if (!sale.standalone) this.tally('timed sale closed with its last lot')
    return true
  }

  protected closeSale(sale: SaleState, now: number): void {
    sale.status = 'closed'
    sale.closedAt = now
    this.saleEvent(sale) // sale_closed
  }

  /** A sale-level event: the sale behind a standalone auction has none. */
  protected saleEvent(sale: SaleState): void {
    if (!sale.standalone) sale.seq++
  }

  protected catalogue(sale: SaleState): LotState[] {
    return [...sale.lots].sort((a, b) => catalogueOrder(a.number, b.number))
  }

  protected inStatus(sale: SaleState, status: LotStatus): LotState[] {
    return this.catalogue(sale).filter((lot) => lot.lotStatus === status)
  }
}
