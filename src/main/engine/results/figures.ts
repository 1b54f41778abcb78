// A sale's results, buyer invoices and consignor statements from its book: pure, every
// amount from src/shared/settlement.ts (each line rounded once; totals are sums of lines).
import type { Lot } from '../../../shared/domain'
import type {
  Invoice,
  InvoiceLine,
  ResultLot,
  ResultTotals,
  SaleResults,
  Statement,
  StatementLine,
} from '../../../shared/results'
import { buyerCharges, commissionRateFor, sellerCharges } from '../../../shared/settlement'
import type { SaleBook } from './read'

/** A sold lot's buyer and hammer (the lot's final price); null for any other lot. */
export function soldTo(lot: Lot): { winnerId: string; hammer: number } | null {
  if (lot.lotStatus !== 'sold' || !lot.result?.winnerId) return null
  return { winnerId: lot.result.winnerId, hammer: lot.result.finalPrice }
}

/** Paddles and seller ids in a person's order: 2 before 10, then as text. */
export const byId = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0)

/** Lots by what became of them: offered = sold + passed; withdrawn includes cancelled. */
export function lotCounts(lots: readonly Lot[]) {
  const count = (...statuses: string[]) =>
    lots.filter((lot) => statuses.includes(lot.lotStatus)).length
  const sold = count('sold')
  const passed = count('passed')
  return {
    total: lots.length,
    offered: sold + passed,
    sold,
    passed,
    withdrawn: count('withdrawn', 'cancelled'),
    open: count('waiting', 'active'),
  }
}

export function saleResults(book: SaleBook): SaleResults {
  const lots: ResultLot[] = book.lots.map((lot) => {
    const sold = soldTo(lot)
    const charges = buyerCharges(sold?.hammer ?? 0, book.terms)
    return {
      lotId: lot.id,
      number: lot.number,
      title: lot.title,
      status: lot.lotStatus,
      consignor: lot.consignor ?? lot.sellerId,
      estimateLow: lot.estimateLow,
      estimateHigh: lot.estimateHigh,
      winnerId: sold?.winnerId ?? null,
      hammer: sold ? charges.hammer : 0,
      premium: sold ? charges.premium : 0,
      tax: sold ? charges.tax : 0,
      total: sold ? charges.total : 0,
    }
  })
  const counts = lotCounts(book.lots)
  const sum = (pick: (lot: ResultLot) => number) => lots.reduce((a, lot) => a + pick(lot), 0)
  const totals: ResultTotals = {
    hammer: sum((lot) => lot.hammer),
    premium: sum((lot) => lot.premium),
    tax: sum((lot) => lot.tax),
    total: sum((lot) => lot.total),
    lotsOffered: counts.offered,
    lotsSold: counts.sold,
    lotsPassed: counts.passed,
    lotsWithdrawn: counts.withdrawn,
    lotsOpen: counts.open,
    buyers: new Set(lots.flatMap((lot) => (lot.winnerId === null ? [] : [lot.winnerId]))).size,
  }
  return { saleId: book.saleId, currency: book.currency, lots, totals }
}

export function invoiceFor(book: SaleBook, paddle: string): Invoice {
  const lines: InvoiceLine[] = []
  for (const lot of book.lots) {
    const sold = soldTo(lot)
    if (sold?.winnerId !== paddle) continue
    const { hammer, premium, tax, total } = buyerCharges(sold.hammer, book.terms)
    lines.push({ lotId: lot.id, number: lot.number, title: lot.title, hammer, premium, tax, total })
  }
  const sum = (pick: (line: InvoiceLine) => number) => lines.reduce((a, l) => a + pick(l), 0)
  return {
    saleId: book.saleId,
    saleTitle: book.title,
    currency: book.currency,
    paddle,
    bidder: book.register.get(paddle) ?? null,
    lines,
    hammer: sum((line) => line.hammer),
    premium: sum((line) => line.premium),
    tax: sum((line) => line.tax),
    total: sum((line) => line.total),
  }
}

/** Every buyer's invoice, by paddle. */
export function invoicesOf(book: SaleBook): Invoice[] {
  const buyers = new Set(book.lots.flatMap((lot) => soldTo(lot)?.winnerId ?? []))
  return [...buyers].sort(byId).map((paddle) => invoiceFor(book, paddle))
}

const consignorOf = (lot: Lot): string => lot.consignor || lot.sellerId

export function statementFor(book: SaleBook, sellerId: string): Statement {
  const lines: StatementLine[] = []
  const unsold: Statement['unsold'] = []
  for (const lot of book.lots) {
    if (consignorOf(lot) !== sellerId) continue
    const sold = soldTo(lot)
    if (!sold) {
      unsold.push({ lotId: lot.id, number: lot.number, title: lot.title, status: lot.lotStatus })
      continue
    }
    const { hammer, commission, fee, net } = sellerCharges(sold.hammer, sellerId, book.terms)
    lines.push({
      lotId: lot.id,
      number: lot.number,
      title: lot.title,
      hammer,
      commission,
      fee,
      net,
    })
  }
  const sum = (pick: (line: StatementLine) => number) => lines.reduce((a, l) => a + pick(l), 0)
  return {
    saleId: book.saleId,
    saleTitle: book.title,
    currency: book.currency,
    sellerId,
    commissionRate: commissionRateFor(sellerId, book.terms),
    lines,
    unsold,
    hammer: sum((line) => line.hammer),
    commission: sum((line) => line.commission),
    fees: sum((line) => line.fee),
    net: sum((line) => line.net),
  }
}

/** Every consignor's statement (each consignor with a lot in the sale), by seller id. */
export function statementsOf(book: SaleBook): Statement[] {
  const consignors = new Set(book.lots.map(consignorOf))
  return [...consignors].sort(byId).map((sellerId) => statementFor(book, sellerId))
}
