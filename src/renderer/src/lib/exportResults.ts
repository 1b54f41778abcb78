// A sale's register and results as CSV files, downloaded through the console's one CSV
// helper (lib/csv.ts). The columns are the shared writers' (src/shared/register-csv.ts,
// src/shared/results-csv.ts), the same as the CLI's. File names: "<title words>-<what>-<id>.csv".
import type { Sale } from '../../../shared/domain'
import type { RegisterEntry } from '../../../shared/register'
import { registerToCsv } from '../../../shared/register-csv'
import type { Invoice, SaleReport, SaleResults, Statement } from '../../../shared/results'
import { invoicesCsv, reportCsv, resultsCsv, statementsCsv } from '../../../shared/results-csv'
import { downloadText } from './csv'
import { csvFileName } from './exportAuction'

export type ResultsFile = 'results' | 'invoices' | 'statements' | 'report'

/** "evening-sale-invoices-S1.csv" */
export function resultsFileName(sale: Pick<Sale, 'id' | 'title'>, what: string): string {
  return csvFileName(`${sale.title} ${what}`, sale.id)
}

export function exportRegister(sale: Sale, entries: readonly RegisterEntry[]): void {
  downloadText(resultsFileName(sale, 'register'), registerToCsv(entries, sale.currency))
}

export type ResultsExport =
  | { file: 'results'; data: SaleResults }
  | { file: 'invoices'; data: readonly Invoice[] }
  | { file: 'statements'; data: readonly Statement[] }
  | { file: 'report'; data: SaleReport }

export function resultsCsvText(what: ResultsExport): string {
  switch (what.file) {
    case 'results':
      return resultsCsv(what.data)
    case 'invoices':
      return invoicesCsv([...what.data])
    case 'statements':
      return statementsCsv([...what.data])
    case 'report':
      return reportCsv(what.data)
  }
}

export function exportResults(sale: Sale, what: ResultsExport): void {
  downloadText(resultsFileName(sale, what.file), resultsCsvText(what))
}
