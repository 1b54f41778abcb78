// A sale's catalogue from CSV: every row checked as the engine would (lot input schema, money
// exact for the sale's currency), and every bad row named by its line, so one pass over the
// file shows the seller all there is to fix. Pure: the renderer previews imports with it.
import { parseCsv, type CsvRecord } from './csv'
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

export interface CatalogueRow {
  /** The file line where the row starts. */
  line: number
  input: LotInput
}

export interface Catalogue {
  rows: CatalogueRow[]
  errors: CatalogueRowError[]
}

const rowError = (line: number, code: ErrorCode, message: string): CatalogueRowError => ({
  line,
  code,
  message,
})

/** Spreadsheets write "Start Price" or "start-price" as readily as start_price. */
const columnName = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** The column of each field position, or the one error that makes the rows unreadable. */
function readHeader(header: CsvRecord): Column[] | CatalogueRowError {
  const problems: string[] = []
  if (header.problem) problems.push(header.problem)
  const columns: Column[] = []
  const unknown: string[] = []
  const repeated: string[] = []
  for (const heading of header.fields) {
    const name = columnName(heading)
    if (!(COLUMNS as readonly string[]).includes(name)) unknown.push(heading.trim() || '(empty)')
    else if (columns.includes(name as Column)) repeated.push(name)
    else columns.push(name as Column)
  }
  // An unknown column is refused rather than ignored: "reserve_price" for "reserve" would
  // otherwise import every lot without its reserve.
  if (unknown.length > 0) problems.push(`unknown column(s): ${unknown.join(', ')}`)
  if (repeated.length > 0) problems.push(`repeated column(s): ${repeated.join(', ')}`)
  const missing = REQUIRED.filter((column) => !columns.includes(column))
  if (missing.length > 0) problems.push(`missing column(s): ${missing.join(', ')}`)
  if (problems.length === 0) return columns
  return rowError(
    header.line,
    'INVALID_INPUT',
    `header: ${problems.join('; ')} (columns: ${COLUMNS.join(', ')})`,
  )
}

/** One row → the lot it describes, or the first thing wrong with it. */
function readRow(
  record: CsvRecord,
  columns: readonly Column[],
  currency: string,
): LotFields | CatalogueRowError {
  const bad = (code: ErrorCode, message: string): CatalogueRowError =>
    rowError(record.line, code, message)
  if (record.problem) return bad('INVALID_INPUT', record.problem)
  if (record.fields.length !== columns.length) {
    return bad(
      'INVALID_INPUT',
      `${record.fields.length} field(s) where the header has ${columns.length}`,
    )
  }
  const cells = new Map<Column, string>()
  columns.forEach((column, index) => {
    const value = (record.fields[index] as string).trim()
    if (value !== '') cells.set(column, value)
  })
  const absent = REQUIRED.find((column) => !cells.has(column))
  if (absent) return bad('INVALID_INPUT', `${absent} is required`)

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

const isBlank = (record: CsvRecord): boolean =>
  !record.problem && record.fields.every((field) => field.trim() === '')

/** Parses a catalogue for a sale in `currency`; any error means nothing should be imported. */
export function parseCatalogue(text: string, currency: string): Catalogue {
  // Blank lines, and the all-empty rows spreadsheets leave (",,,,"), carry nothing.
  const [header, ...body] = parseCsv(text).filter((record) => !isBlank(record))
  if (!header) {
    return {
      rows: [],
      errors: [rowError(1, 'INVALID_INPUT', `the file is empty: a header row is required`)],
    }
  }
  const columns = readHeader(header)
  if (!Array.isArray(columns)) return { rows: [], errors: [columns] }
  if (body.length === 0) {
    return {
      rows: [],
      errors: [rowError(header.line, 'INVALID_INPUT', 'no lots below the header')],
    }
  }

  const rows: CatalogueRow[] = []
  const errors: CatalogueRowError[] = []
  /** Lot number → the line that first used it. */
  const firstLine = new Map<string, number>()
  const lotIndex = columns.indexOf('lot')
  for (const record of body) {
    const result = readRow(record, columns, currency)
    // A repeat is found on the later row even when the earlier row is bad for another
    // reason: fixing that row would not make the number free.
    const number = lotNumberSchema.safeParse(record.fields[lotIndex] ?? '')
    const taken = number.success ? firstLine.get(number.data) : undefined
    if (number.success && taken === undefined) firstLine.set(number.data, record.line)

    if ('line' in result) errors.push(result)
    else if (taken !== undefined) {
      errors.push(
        rowError(
          record.line,
          'LOT_NUMBER_TAKEN',
          `lot: ${result.number} is already on line ${taken}`,
        ),
      )
    } else rows.push({ line: record.line, input: result })
  }
  return { rows, errors }
}
