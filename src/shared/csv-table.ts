// A CSV file of one kind of row (a catalogue's lots, a register's paddles), read the same way
// for each: a header of known columns in any order, then every row checked on its own and
// every bad row named by its line, so one pass shows all there is to fix. A key repeated on a
// later line (a lot number, a paddle) is refused there. Pure: the renderer previews with it.
import { parseCsv, type CsvRecord } from './csv'
import type { CatalogueRowError, ErrorCode } from './errors'

export const rowError = (line: number, code: ErrorCode, message: string): CatalogueRowError => ({
  line,
  code,
  message,
})

export interface CsvTableSpec<Column extends string, Input> {
  columns: readonly Column[]
  required: readonly Column[]
  /** The column a heading names ("Start Price" → start_price), or the heading if none. */
  columnName: (heading: string) => string
  /** What the rows are, in the plural: "no lots below the header". */
  rowsNoun: string
  /** A trimmed cell as the row reads it; by default as it is. */
  cell?: (text: string) => string
  /** A row's non-empty cells (the required ones present) → its input, or what is wrong. */
  readRow: (
    cells: ReadonlyMap<Column, string>,
    bad: (code: ErrorCode, message: string) => CatalogueRowError,
  ) => Input | CatalogueRowError
  /** The column no two rows may share, read from the raw cell (undefined: no key to compare). */
  key: { column: Column; code: ErrorCode; read: (raw: string) => string | undefined }
}

export interface CsvTableRow<Input> {
  /** The file line where the row starts (or, sent over the API, the row's position). */
  line: number
  input: Input
}

export interface CsvTable<Input> {
  rows: CsvTableRow<Input>[]
  errors: CatalogueRowError[]
}

/** The column of each field position, or the one error that makes the rows unreadable. */
function readHeader<Column extends string>(
  header: CsvRecord,
  spec: CsvTableSpec<Column, unknown>,
): Column[] | CatalogueRowError {
  const problems: string[] = []
  if (header.problem) problems.push(header.problem)
  const columns: Column[] = []
  const unknown: string[] = []
  const repeated: string[] = []
  for (const heading of header.fields) {
    const name = spec.columnName(heading)
    if (!(spec.columns as readonly string[]).includes(name))
      unknown.push(heading.trim() || '(empty)')
    else if (columns.includes(name as Column)) repeated.push(name)
    else columns.push(name as Column)
  }
  // Refused rather than ignored: "reserve_price" for "reserve", or "credit" for "limit", would
  // otherwise import every row without it.
  if (unknown.length > 0) problems.push(`unknown column(s): ${unknown.join(', ')}`)
  if (repeated.length > 0) problems.push(`repeated column(s): ${repeated.join(', ')}`)
  const missing = spec.required.filter((column) => !columns.includes(column))
  if (missing.length > 0) problems.push(`missing column(s): ${missing.join(', ')}`)
  if (problems.length === 0) return columns
  return rowError(
    header.line,
    'INVALID_INPUT',
    `header: ${problems.join('; ')} (columns: ${spec.columns.join(', ')})`,
  )
}

function readRow<Column extends string, Input>(
  record: CsvRecord,
  columns: readonly Column[],
  spec: CsvTableSpec<Column, Input>,
): Input | CatalogueRowError {
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
    const trimmed = (record.fields[index] as string).trim()
    const value = spec.cell ? spec.cell(trimmed) : trimmed
    if (value !== '') cells.set(column, value)
  })
  const absent = spec.required.find((column) => !cells.has(column))
  if (absent) return bad('INVALID_INPUT', `${absent} is required`)
  return spec.readRow(cells, bad)
}

const isBlank = (record: CsvRecord): boolean =>
  !record.problem && record.fields.every((field) => field.trim() === '')

/** Reads the file; any error means nothing should be imported. */
export function readCsvTable<Column extends string, Input>(
  text: string,
  spec: CsvTableSpec<Column, Input>,
): CsvTable<Input> {
  // Blank lines, and the all-empty rows spreadsheets leave (",,,,"), carry nothing.
  const [header, ...body] = parseCsv(text).filter((record) => !isBlank(record))
  if (!header) {
    return {
      rows: [],
      errors: [rowError(1, 'INVALID_INPUT', 'the file is empty: a header row is required')],
    }
  }
  const columns = readHeader(header, spec)
  if (!Array.isArray(columns)) return { rows: [], errors: [columns] }
  if (body.length === 0) {
    return {
      rows: [],
      errors: [rowError(header.line, 'INVALID_INPUT', `no ${spec.rowsNoun} below the header`)],
    }
  }
  const rows: CsvTableRow<Input>[] = []
  const errors: CatalogueRowError[] = []
  /** Key → the line that first used it. */
  const firstLine = new Map<string, number>()
  const keyIndex = columns.indexOf(spec.key.column)
  for (const record of body) {
    const result = readRow(record, columns, spec)
    // A repeat is found on the later row even when the earlier row is bad for another
    // reason: fixing that row would not make the key free.
    const key = spec.key.read(record.fields[keyIndex] ?? '')
    const taken = key === undefined ? undefined : firstLine.get(key)
    if (key !== undefined && taken === undefined) firstLine.set(key, record.line)
    if (isRowError(result)) errors.push(result)
    else if (taken !== undefined) {
      errors.push(
        rowError(
          record.line,
          spec.key.code,
          `${spec.key.column}: ${key} is already on line ${taken}`,
        ),
      )
    } else rows.push({ line: record.line, input: result })
  }
  return { rows, errors }
}

function isRowError(result: unknown): result is CatalogueRowError {
  return typeof result === 'object' && result !== null && 'line' in result && 'code' in result
}
