// Pure rules for a sale as the console holds it. Every event of a sale (sale-level or of
// any of its lots) carries the sale's seq, one counter for all. A watched sale hears all of
// them, so it applies only the next seq and resyncs on a jump. The list hears only
// sale-level events of every sale, so there a jump is normal and a newer event just wins.
import type { AuctionEvent, Lot, LotStatus, Sale, SaleChannelEvent } from '../../../shared/domain'
import { LOT_STATUSES, isLotEvent } from '../../../shared/domain'
import { catalogueScore } from '../../../shared/sale-schemas'
import type { EventFit } from './applyEvent'

/** How an event fits the sale we hold; `strict` when we hold every event of it (watched). */
export function saleFitOf(
  current: Sale | undefined,
  event: SaleChannelEvent,
  strict: boolean,
): EventFit {
  if (!current) return 'gap'
  if (event.seq <= current.seq) return 'stale'
  if (!strict) return 'apply'
  return event.seq === current.seq + 1 ? 'apply' : 'gap'
}

/** The sale after one of its events (a lot event only moves the sale's seq). */
export function applySaleEvent(sale: Sale, event: SaleChannelEvent | AuctionEvent): Sale {
  if (isLotEvent(event)) return { ...sale, seq: event.seq, onBlockLotId: onBlockAfter(sale, event) }
  const next: Sale = { ...sale, seq: event.seq, status: event.status, lotCount: event.lotCount }
  if (event.type === 'rates_changed') next.displayRates = event.displayRates
  if (event.type === 'sale_updated') {
    // The terms are not in the event (the commission is not everyone's): SaleTerms re-reads.
    next.title = event.title
    next.description = event.description
  }
  if (event.type === 'sale_started') {
    // The opening time is the event's; a first close given as a duration counts from it.
    next.startsAt = event.at
    if (next.firstCloseAt === null && next.durationMs !== null)
      next.firstCloseAt = event.at + next.durationMs
  }
  if (event.type === 'sale_closed' || event.type === 'sale_cancelled') next.closedAt = event.at
  return next
}

/** A live sale's lot on the block after one of its lot events. */
function onBlockAfter(sale: Sale, event: AuctionEvent): string | null {
  if (sale.mode !== 'live') return sale.onBlockLotId
  if (event.lotStatus === 'active') return event.lotId
  return sale.onBlockLotId === event.lotId ? null : sale.onBlockLotId
}

/** A snapshot replaces what we hold unless it is older than it. */
export function takeSaleSnapshot(current: Sale | undefined, snapshot: Sale): Sale {
  return current && current.seq > snapshot.seq ? current : snapshot
}

/** Lot ids in catalogue order: number order, then letters (12 < 12A < 13). */
export function catalogueOrder(lots: readonly Pick<Lot, 'id' | 'number'>[]): string[] {
  return [...lots]
    .sort((a, b) => catalogueScore(a.number) - catalogueScore(b.number) || a.id.localeCompare(b.id))
    .map((lot) => lot.id)
}

export function emptyLotCounts(): Record<LotStatus, number> {
  return Object.fromEntries(LOT_STATUSES.map((status) => [status, 0])) as Record<LotStatus, number>
}

export function lotCountsOf(lots: readonly Lot[]): Record<LotStatus, number> {
  const counts = emptyLotCounts()
  for (const lot of lots) counts[lot.lotStatus]++
  return counts
}

export type SaleTab = 'live' | 'upcoming' | 'past'

export const SALE_TAB_OF: Record<Sale['status'], SaleTab> = {
  open: 'live',
  draft: 'upcoming',
  scheduled: 'upcoming',
  closed: 'past',
  cancelled: 'past',
}

/** What a sale made: lots sold and passed, and the total of hammer prices (minor units). */
export function saleResults(lots: readonly Lot[]): {
  sold: number
  passed: number
  withdrawn: number
  hammerTotal: number
} {
  let sold = 0
  let passed = 0
  let withdrawn = 0
  let hammerTotal = 0
  for (const lot of lots) {
    if (lot.lotStatus === 'sold') {
      sold++
      hammerTotal += lot.result?.finalPrice ?? lot.currentPrice
    } else if (lot.lotStatus === 'passed') passed++
    else if (lot.lotStatus === 'withdrawn') withdrawn++
  }
  return { sold, passed, withdrawn, hammerTotal }
}
