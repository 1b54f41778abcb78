// The sale report: what was offered, sold and passed, sell-through by lots and by value,
// hammer against the estimates, the top lots and one row per lot for the chart. Pure.
import type { SaleReport } from '../../../shared/results'
import type { SaleBook } from './read'
import { lotCounts, saleResults, soldTo } from './figures'

const TOP_LOTS = 10
const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null

export function saleReport(book: SaleBook): SaleReport {
  const results = saleResults(book)
  const counts = lotCounts(book.lots)
  const offered = book.lots.filter((lot) => lot.lotStatus === 'sold' || lot.lotStatus === 'passed')
  const estimateLowTotal = offered.reduce((sum, lot) => sum + (lot.estimateLow ?? 0), 0)
  const estimateHighTotal = offered.reduce((sum, lot) => sum + (lot.estimateHigh ?? 0), 0)
  const sold = book.lots.flatMap((lot, index) => {
    const buyer = soldTo(lot)
    return buyer ? [{ lot, index, ...buyer }] : []
  })
  return {
    saleId: book.saleId,
    title: book.title,
    currency: book.currency,
    status: book.status,
    lots: counts,
    sellThroughByLots: ratio(counts.sold, counts.offered),
    // Not capped: a sale whose lots sell above their estimates reports more than 1.
    sellThroughByValue: ratio(results.totals.hammer, estimateLowTotal),
    hammerTotal: results.totals.hammer,
    premiumTotal: results.totals.premium,
    taxTotal: results.totals.tax,
    estimateLowTotal,
    estimateHighTotal,
    aboveEstimate: sold.filter(
      ({ lot, hammer }) => lot.estimateHigh !== null && hammer > lot.estimateHigh,
    ).length,
    belowEstimate: sold.filter(
      ({ lot, hammer }) => lot.estimateLow !== null && hammer < lot.estimateLow,
    ).length,
    topLots: [...sold]
      .sort((a, b) => b.hammer - a.hammer || a.index - b.index)
      .slice(0, TOP_LOTS)
      .map(({ lot, hammer, winnerId }) => ({
        lotId: lot.id,
        number: lot.number,
        title: lot.title,
        hammer,
        winnerId,
      })),
    perLot: results.lots.map((lot) => ({
      lotId: lot.lotId,
      number: lot.number,
      status: lot.status,
      hammer: lot.hammer,
      estimateLow: lot.estimateLow,
      estimateHigh: lot.estimateHigh,
    })),
  }
}
