// A sale's results as CSV, for spreadsheets and accounts: amounts as decimal text in the
// sale's currency (a `currency` column on every row), one row per lot or line. Pure: the
// console downloads these, the CLI prints them (`--csv`). The columns are listed in the README.
import { csvText } from './csv'
import { currencyDigits, minorToDecimal } from './money'
import type { Invoice, SaleReport, SaleResults, Statement } from './results'

/** Minor units → decimal text of the currency ("1250" → "12.50"); a net may be negative. */
function money(minor: number, currency: string): string {
  const text = minorToDecimal(Math.abs(minor), currencyDigits(currency))
  return minor < 0 ? `-${text}` : text
}

const optionalMoney = (minor: number | null, currency: string): string =>
  minor === null ? '' : money(minor, currency)

export const RESULTS_COLUMNS = [
  'lot',
  'lot_id',
  'title',
  'status',
  'consignor',
  'estimate_low',
  'estimate_high',
  'paddle',
  'hammer',
  'premium',
  'tax',
  'total',
  'currency',
] as const

/** One row per lot, in catalogue order; hammer, premium, tax and total empty unless sold. */
export function resultsCsv(results: SaleResults): string {
  const { currency } = results
  return csvText([
    RESULTS_COLUMNS,
    ...results.lots.map((lot) => {
      const sold = lot.status === 'sold'
      const amount = (minor: number) => (sold ? money(minor, currency) : '')
      return [
        lot.number,
        lot.lotId,
        lot.title,
        lot.status,
        lot.consignor,
        optionalMoney(lot.estimateLow, currency),
        optionalMoney(lot.estimateHigh, currency),
        lot.winnerId,
        amount(lot.hammer),
        amount(lot.premium),
        amount(lot.tax),
        amount(lot.total),
        currency,
      ]
    }),
  ])
}

export const INVOICE_COLUMNS = [
  'paddle',
  'name',
  'lot',
  'lot_id',
  'title',
  'hammer',
  'premium',
  'tax',
  'total',
  'currency',
] as const

/** One row per invoice line, with the paddle and the bidder's name (empty when unregistered). */
export function invoicesCsv(invoices: readonly Invoice[]): string {
  return csvText([
    INVOICE_COLUMNS,
    ...invoices.flatMap((invoice) =>
      invoice.lines.map((line) => [
        invoice.paddle,
        invoice.bidder?.name ?? '',
        line.number,
        line.lotId,
        line.title,
        money(line.hammer, invoice.currency),
        money(line.premium, invoice.currency),
        money(line.tax, invoice.currency),
        money(line.total, invoice.currency),
        invoice.currency,
      ]),
    ),
  ])
}

export const STATEMENT_COLUMNS = [
  'seller',
  'lot',
  'lot_id',
  'title',
  'status',
  'hammer',
  'commission',
  'fee',
  'net',
  'currency',
] as const

/** One row per statement line (status sold), then its unsold lots with empty amounts. */
export function statementsCsv(statements: readonly Statement[]): string {
  return csvText([
    STATEMENT_COLUMNS,
    ...statements.flatMap((statement) => {
      const { currency, sellerId } = statement
      return [
        ...statement.lines.map((line) => [
          sellerId,
          line.number,
          line.lotId,
          line.title,
          'sold',
          money(line.hammer, currency),
          money(line.commission, currency),
          money(line.fee, currency),
          money(line.net, currency),
          currency,
        ]),
        ...statement.unsold.map((lot) => [
          sellerId,
          lot.number,
          lot.lotId,
          lot.title,
          lot.status,
          '',
          '',
          '',
          '',
          currency,
        ]),
      ]
    }),
  ])
}

export const REPORT_COLUMNS = [
  'lot',
  'lot_id',
  'status',
  'hammer',
  'estimate_low',
  'estimate_high',
  'currency',
] as const

/** One row per lot in catalogue order: what the chart shows (hammer empty unless sold). */
export function reportCsv(report: SaleReport): string {
  const { currency } = report
  return csvText([
    REPORT_COLUMNS,
    ...report.perLot.map((lot) => [
      lot.number,
      lot.lotId,
      lot.status,
      lot.status === 'sold' ? money(lot.hammer, currency) : '',
      optionalMoney(lot.estimateLow, currency),
      optionalMoney(lot.estimateHigh, currency),
      currency,
    ]),
  ])
}
