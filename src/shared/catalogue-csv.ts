// A sale's catalogue from CSV: every row checked as the engine would (lot input schema, money
// exact for the sale's currency), and every bad row named by its line, so one pass over the
// file shows the seller all there is to fix. Pure: the renderer previews imports with it.
import { readCsvTable, type CsvTable, type CsvTableRow } from './csv-table'
import type { CatalogueRowError, ErrorCode } from './errors'
import { currencyDigits, parseAmount } from './money'
import { lotInputSchema, lotNumberSchema, type LotFields, type LotInput } from './sale-schemas'

const COLUMNS = [
  'lot',
  'title',
  'description',
  'estimate_low',
  'estimate_high',
  'start_price',
  'reserve',
  'increment',
  'consignor',
] as const
type Column = (typeof COLUMNS)[number]

const REQUIRED: readonly Column[] = ['lot', 'title', 'start_price']
const MONEY: readonly Column[] = [
  'start_price',
  'reserve',
  'estimate_low',
  'estimate_high',
  'increment',
]

const FIELD_OF = {
  lot: 'number',
  title: 'title',
  description: 'description',
  estimate_low: 'estimateLow',
  estimate_high: 'estimateHigh',
  start_price: 'startingPrice',
  reserve: 'reservePrice',
  increment: 'increment',
  consignor: 'consignor',
} as const satisfies Record<Column, keyof LotFields>

const COLUMN_OF = new Map<PropertyKey, Column>(
  COLUMNS.map((column) => [FIELD_OF[column], column] as const),
)

export type CatalogueRow = CsvTableRow<LotInput>
export type Catalogue = CsvTable<LotInput>

/** Spreadsheets write "Start Price" or "start-price" as readily as start_price. */
const columnName = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** One row's cells → the lot it describes, or the first thing wrong with it. */
function readLot(
  cells: ReadonlyMap<Column, string>,
  bad: (code: ErrorCode, message: string) => CatalogueRowError,
  currency: string,
): LotFields | CatalogueRowError {
  const parsed = lotInputSchema.safeParse(
    Object.fromEntries([...cells].map(([column, value]) => [FIELD_OF[column], value])),
  )
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const column = COLUMN_OF.get(issue?.path[0] ?? '') ?? 'row'
    return bad('INVALID_INPUT', `${column}: ${issue?.message ?? 'invalid'}`)
  }

  const digits = currencyDigits(currency)
  const minor = new Map<Column, number>()
  for (const column of MONEY) {
    const text = cells.get(column)
    if (text === undefined) continue
    const amount = parseAmount(text, digits)
    if (amount === null) {
      return bad('INVALID_AMOUNT', `${column}: "${text}" is not a valid ${currency} amount`)
    }
    minor.set(column, amount)
  }
  if (minor.get('increment') === 0) {
    return bad('INVALID_AMOUNT', 'increment: must be above zero')
  }
  const low = minor.get('estimate_low')
  const high = minor.get('estimate_high')
  if (low !== undefined && high !== undefined && low > high) {
    return bad('INVALID_INPUT', 'estimate_low: above estimate_high')
  }
  return parsed.data
}

/** Parses a catalogue for a sale in `currency`; any error means nothing should be imported. */
export function parseCatalogue(text: string, currency: string): Catalogue {
  return readCsvTable<Column, LotFields>(text, {
    columns: COLUMNS,
    required: REQUIRED,
    columnName,
    rowsNoun: 'lots',
    readRow: (cells, bad) => readLot(cells, bad, currency),
    key: {
      column: 'lot',
      code: 'LOT_NUMBER_TAKEN',
      read: (raw) => {
        const number = lotNumberSchema.safeParse(raw)
        return number.success ? number.data : undefined
      },
    },
  })
}
