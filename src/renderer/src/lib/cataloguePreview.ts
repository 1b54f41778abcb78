// What a catalogue import will do, before anything is sent: the rows it will add and every
// bad row by its line, including numbers the sale already has. Nothing is sent while any
// row is bad. The main side checks again.
import { parseCatalogue, type CatalogueRow } from '../../../shared/catalogue-csv'
import { currencyDigits, formatMoney, parseAmount } from '../../../shared/money'
import type { MoneyInput } from '../../../shared/sale-schemas'
import type { CsvPreview } from './csvImport'

export type CataloguePreview = CsvPreview<CatalogueRow>

export function previewCatalogue(
  text: string,
  currency: string,
  /** Lot numbers the sale already has. */
  existing: readonly string[],
): CataloguePreview {
  const parsed = parseCatalogue(text, currency)
  const taken = new Set(existing)
  const rows: CatalogueRow[] = []
  const errors = [...parsed.errors]
  for (const row of parsed.rows) {
    if (taken.has(row.input.number)) {
      errors.push({
        line: row.line,
        code: 'LOT_NUMBER_TAKEN',
        message: `lot: ${row.input.number} is already in this sale`,
      })
    } else rows.push(row)
  }
  errors.sort((a, b) => a.line - b.line)
  return { rows, errors }
}

/** A money cell of the preview as the sale will show it; the text itself if unreadable. */
export function previewMoney(value: MoneyInput | null | undefined, currency: string): string {
  if (value === null || value === undefined || value === '') return ''
  const minor =
    typeof value === 'number' ? value : parseAmount(value.trim(), currencyDigits(currency))
  return minor === null ? String(value) : formatMoney(minor, currency)
}
