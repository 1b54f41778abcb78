// The one place where pushes change lots and sales: a frame's worth of events and
// snapshots, applied in arrival order, by seq. Pure: it answers the next state and what the
// feed must do next (re-read a lot, a sale or a sale's lots).
import type {
  Auction,
  AuctionEvent,
  BidEntry,
  Lot,
  Sale,
  SaleChannelEvent,
} from '../../../shared/domain'
import { isLotEvent, saleIdOf } from '../../../shared/domain'
import { applyEvent, fitOf, takeSnapshot } from './applyEvent'
import { addLiveBids, markRetracted, newestId, type BidHistory } from './bidList'
import {
  applySaleEvent,
  catalogueOrder,
  lotCountsOf,
  saleFitOf,
  takeSaleSnapshot,
} from './saleRules'

export type FeedItem =
  | { kind: 'events'; events: AuctionEvent[] }
  | { kind: 'snapshot'; auction: Auction }
  | { kind: 'saleEvents'; events: SaleChannelEvent[] }
  /** A sale and its lots (sales:watch, sale:snapshot), or its lots alone (sale null). */
  | { kind: 'saleSnapshot'; saleId: string; sale: Sale | null; lots: Lot[] }

/** What a frame of pushes changed, for the side effects the store does not own. */
export interface IngestReport {
  /** Lots with a missed event (or unknown ones): read a fresh snapshot. */
  gaps: string[]
  /** Bids applied, per lot (for toasts). */
  bids: { auctionId: string; bids: BidEntry[] }[]
  /** Lots that ended in this frame. */
  ended: string[]
  /** Lots whose snapshot moved past the bids we hold (re-read the newest page). */
  historyBehind: string[]
  /** Watched sales with a missed event: resync them. */
  saleGaps: string[]
  /** Sales whose lots were added or edited: re-read their lots. */
  saleLotsStale: string[]
  /** Sales heard of but not held: read them. */
  unknownSales: string[]
}

/** The bids an event brings: a bid, a raised maximum's automatic bids, an executed book. */
function bidsOf(event: AuctionEvent): BidEntry[] {
  if (event.type === 'bid_placed' || event.type === 'max_raised' || event.type === 'book_executed')
    return event.bids ?? []
  return []
}

export interface IngestState {
  auctions: Record<string, Auction>
  histories: Record<string, BidHistory>
  sales: Record<string, Sale>
  /** Lot ids in catalogue order, for the sales whose lots we hold. */
  saleLots: Record<string, string[]>
}

export interface IngestOptions {
  now: number
  /** True for a sale whose every event we hear (watched): its seq must not jump. */
  isWatchedSale: (saleId: string) => boolean
}

export function ingestItems(
  held: IngestState,
  items: readonly FeedItem[],
  options: IngestOptions,
): { state: IngestState; changed: boolean; report: IngestReport } {
  const state: IngestState = {
    auctions: { ...held.auctions },
    histories: { ...held.histories },
    sales: { ...held.sales },
    saleLots: { ...held.saleLots },
  }
  const lotGaps = new Set<string>()
  const saleGaps = new Set<string>()
  const lotsStale = new Set<string>()
  const unknownSales = new Set<string>()
  /** Watched sales whose lots changed: their counts are recounted at the end. */
  const recount = new Set<string>()
  const report: IngestReport = {
    gaps: [],
    bids: [],
    ended: [],
    historyBehind: [],
    saleGaps: [],
    saleLotsStale: [],
    unknownSales: [],
  }
  let changed = false

  const lotSnapshot = (lot: Auction): void => {
    const current = state.auctions[lot.id]
    const next = takeSnapshot(current, lot)
    if (next === current) return
    state.auctions[next.id] = next
    changed = true
    lotGaps.delete(next.id)
    const history = state.histories[next.id]
    // A first page still on its way covers it (a room's opening snapshot would otherwise
    // read the newest 500 bids twice).
    const firstPageComing = history !== undefined && !history.loaded && history.loading
    if (history && !firstPageComing && next.bidCount > newestId(history))
      report.historyBehind.push(next.id)
    if (current && current.status !== 'ended' && next.status === 'ended') report.ended.push(next.id)
  }

  const lotEvent = (event: AuctionEvent): void => {
    const id = event.auctionId
    if (lotGaps.has(id)) return // everything after a gap waits for the snapshot
    // A lot of a sale we do not hold, heard on the auctions list: it is read with its sale
    // (or its room's watch), not one by one for every console.
    if (!state.auctions[id] && saleIdOf(id) !== id) return
    const fit = fitOf(state.auctions[id], event)
    // Undone bids stay in the history, marked; also when the lot came first with the
    // answer of the console that undid them (the event is stale for the lot there).
    if (event.type === 'bid_retracted' && fit !== 'gap') markUndone(id, event)
    if (fit === 'stale') return
    if (fit === 'gap') {
      lotGaps.add(id)
      return
    }
    state.auctions[id] = applyEvent(state.auctions[id] as Auction, event)
    changed = true
    const bids = bidsOf(event)
    if (bids.length > 0) {
      report.bids.push({ auctionId: id, bids })
      const history = state.histories[id]
      if (history) state.histories[id] = addLiveBids(history, bids, options.now)
    }

    if (event.type === 'auction_ended') report.ended.push(id)
  }

  const markUndone = (id: string, event: Extract<AuctionEvent, { type: 'bid_retracted' }>) => {
    const history = state.histories[id]
    if (!history) return
    const mark = { reason: event.reason, by: '', at: event.at }
    const next = markRetracted(history, event.bidIds, mark)
    if (next !== history) {
      state.histories[id] = next
      changed = true
    }
  }

  const saleSnapshot = (item: Extract<FeedItem, { kind: 'saleSnapshot' }>): void => {
    const { saleId } = item
    if (item.sale) {
      const current = state.sales[saleId]
      const next = takeSaleSnapshot(current, item.sale)
      // Older than what we hold: its lots may be older too.
      if (next === current) return
      state.sales[saleId] = next
      saleGaps.delete(saleId)
    }
    for (const lot of item.lots) lotSnapshot(lot)
    state.saleLots[saleId] = catalogueOrder(item.lots)
    recount.add(saleId)
    changed = true
  }

  const saleEvent = (event: SaleChannelEvent): void => {
    const { saleId } = event
    if (saleGaps.has(saleId)) return
    const strict = options.isWatchedSale(saleId)
    const fit = saleFitOf(state.sales[saleId], event, strict)
    if (fit === 'stale') {
      // A command's answer (start, end) may carry the sale past events still on their way;
      // their lots follow their own seq, so a lot event is never lost with the sale's.
      if (strict && isLotEvent(event)) {
        lotEvent(event)
        recount.add(saleId)
      }
      return
    }
    if (fit === 'gap') {
      if (strict) saleGaps.add(saleId)
      else unknownSales.add(saleId)
      return
    }
    // The list carries sale-level events only; a lot event is the watched sale's business.
    if (isLotEvent(event) && !strict) return
    state.sales[saleId] = applySaleEvent(state.sales[saleId] as Sale, event)
    changed = true
    if (isLotEvent(event)) {
      lotEvent(event)
      recount.add(saleId)
      return
    }
    const lots = state.saleLots[saleId]
    if (event.type === 'lot_added' || event.type === 'lot_updated') {
      if (lots) lotsStale.add(saleId)
    } else if (event.type === 'lot_removed' && lots) {
      state.saleLots[saleId] = lots.filter((id) => id !== event.lotId)
      recount.add(saleId)
    }
  }

  for (const item of items) {
    if (item.kind === 'snapshot') lotSnapshot(item.auction)
    else if (item.kind === 'events') item.events.forEach(lotEvent)
    else if (item.kind === 'saleSnapshot') saleSnapshot(item)
    else item.events.forEach(saleEvent)
  }

  // A watched sale's counts follow the lots we hold, so they always agree with its rows.
  for (const saleId of recount) {
    const sale = state.sales[saleId]
    const ids = state.saleLots[saleId]
    if (!sale || !ids) continue
    const lots = ids.map((id) => state.auctions[id]).filter((lot) => lot !== undefined)
    if (lots.length === ids.length) {
      state.sales[saleId] = { ...sale, lotCounts: lotCountsOf(lots) }
    }
  }

  report.gaps = [...lotGaps]
  report.saleGaps = [...saleGaps]
  report.saleLotsStale = [...lotsStale].filter((id) => !saleGaps.has(id))
  report.unknownSales = [...unknownSales]
  return { state, changed, report }
}
