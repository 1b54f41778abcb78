// A sale's bidder register as CSV, both ways. Reading checks every row as the engine would
// (the register's schema; the limit's form, its digits are the sale currency's and the engine
// checks them) and names every bad row by its line, as the catalogue import does. Pure: the
// renderer previews imports and writes exports with it.
import { csvText, parseCsv, type CsvRecord } from './csv'
import type { CatalogueRowError, ErrorCode } from './errors'
import { currencyDigits, minorToDecimal } from './money'
import { registerAddSchema, type RegisterAddInput, type RegisterEntry } from './register'

export const REGISTER_COLUMNS = [
  'paddle',
  'name',
  'email',
  'phone',
  'kind',
  'approved',
  'limit',
  'notes',
] as const
type Column = (typeof REGISTER_COLUMNS)[number]

const REQUIRED: readonly Column[] = ['paddle', 'name']

export interface RegisterRow {
  /** The file line where the row starts (or, sent over the API, the entry's position). */
  line: number
  input: RegisterAddInput
}

export interface RegisterCsv {
  rows: RegisterRow[]
  errors: CatalogueRowError[]
}

const rowError = (line: number, code: ErrorCode, message: string): CatalogueRowError => ({
  line,
  code,
  message,
})

/** "Paddle", " E-mail " and "email" alike. */
const columnName = (heading: string): string => {
  const name = heading
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
  return name === 'paddlenumber' ? 'paddle' : name
}

function readHeader(header: CsvRecord): Column[] | CatalogueRowError {
  const problems: string[] = []
  if (header.problem) problems.push(header.problem)
  const columns: Column[] = []
  const unknown: string[] = []
  const repeated: string[] = []
  for (const heading of header.fields) {
    const name = columnName(heading)
    if (!(REGISTER_COLUMNS as readonly string[]).includes(name))
      unknown.push(heading.trim() || '(empty)')
    else if (columns.includes(name as Column)) repeated.push(name)
    else columns.push(name as Column)
  }
  // Refused rather than ignored: "credit" for "limit" would import every paddle unlimited.
  if (unknown.length > 0) problems.push(`unknown column(s): ${unknown.join(', ')}`)
  if (repeated.length > 0) problems.push(`repeated column(s): ${repeated.join(', ')}`)
  const missing = REQUIRED.filter((column) => !columns.includes(column))
  if (missing.length > 0) problems.push(`missing column(s): ${missing.join(', ')}`)
  if (problems.length === 0) return columns
  return rowError(
    header.line,
    'INVALID_INPUT',
    `header: ${problems.join('; ')} (columns: ${REGISTER_COLUMNS.join(', ')})`,
  )
}

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0'])

/** Writing neutralises a leading = + - @ with a quote (csvCell); reading takes it off again. */
const unneutralised = (cell: string): string => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)

function readRow(
  record: CsvRecord,
  columns: readonly Column[],
): RegisterAddInput | CatalogueRowError {
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
    const value = unneutralised((record.fields[index] as string).trim())
    if (value !== '') cells.set(column, value)
  })
  const absent = REQUIRED.find((column) => !cells.has(column))
  if (absent) return bad('INVALID_INPUT', `${absent} is required`)

  const approvedText = cells.get('approved')?.toLowerCase()
  if (approvedText !== undefined && !YES.has(approvedText) && !NO.has(approvedText)) {
    return bad('INVALID_INPUT', `approved: "${approvedText}" is not yes/no, true/false or 1/0`)
  }
  const limit = cells.get('limit')
  // The digits are the sale currency's: the engine checks them, with the line.
  if (limit !== undefined && !/^\d+(\.\d+)?$/.test(limit)) {
    return bad('INVALID_AMOUNT', `limit: "${limit}" is not an amount such as 5000.00`)
  }
  const parsed = registerAddSchema.safeParse({
    paddle: cells.get('paddle'),
    name: cells.get('name'),
    email: cells.get('email'),
    phone: cells.get('phone'),
    kind: cells.get('kind')?.toLowerCase(),
    approved: approvedText === undefined ? undefined : YES.has(approvedText),
    limit,
    notes: cells.get('notes'),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return bad(
      'INVALID_INPUT',
      `${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'invalid'}`,
    )
  }
  // The input as given (the schema's output would carry its defaults and nulls).
  const input: RegisterAddInput = { paddle: parsed.data.paddle, name: parsed.data.name }
  if (parsed.data.email) input.email = parsed.data.email
  if (parsed.data.phone) input.phone = parsed.data.phone
  input.kind = parsed.data.kind
  input.approved = parsed.data.approved
  if (limit !== undefined) input.limit = limit
  if (parsed.data.notes) input.notes = parsed.data.notes
  return input
}

const isBlank = (record: CsvRecord): boolean =>
  !record.problem && record.fields.every((field) => field.trim() === '')

/**
 * Reads a register file: columns paddle, name (required), email, phone, kind, approved,
 * limit, notes, in any order. A paddle repeated in the file is a bad row (the register's
 * own paddles are the engine's to check). Any error means nothing should be imported.
 */
export function parseRegisterCsv(text: string): RegisterCsv {
  const [header, ...body] = parseCsv(text).filter((record) => !isBlank(record))
  if (!header) {
    return {
      rows: [],
      errors: [rowError(1, 'INVALID_INPUT', 'the file is empty: a header row is required')],
    }
  }
  const columns = readHeader(header)
  if (!Array.isArray(columns)) return { rows: [], errors: [columns] }
  if (body.length === 0) {
    return {
      rows: [],
      errors: [rowError(header.line, 'INVALID_INPUT', 'no paddles below the header')],
    }
  }
  const rows: RegisterRow[] = []
  const errors: CatalogueRowError[] = []
  const firstLine = new Map<string, number>()
  const paddleIndex = columns.indexOf('paddle')
  for (const record of body) {
    const result = readRow(record, columns)
    const paddle = (record.fields[paddleIndex] ?? '').trim()
    const taken = paddle ? firstLine.get(paddle) : undefined
    if (paddle && taken === undefined) firstLine.set(paddle, record.line)
    if ('line' in result) errors.push(result)
    else if (taken !== undefined) {
      errors.push(
        rowError(record.line, 'PADDLE_TAKEN', `paddle: ${paddle} is already on line ${taken}`),
      )
    } else rows.push({ line: record.line, input: result })
  }
  return { rows, errors }
}

/**
 * The register as CSV, in the columns parseRegisterCsv reads (so an export imports again):
 * approved as yes/no, the limit as decimal text in the sale's currency (empty: none).
 */
export function registerToCsv(entries: readonly RegisterEntry[], currency: string): string {
  const digits = currencyDigits(currency)
  return csvText([
    REGISTER_COLUMNS,
    ...entries.map((entry) => [
      entry.paddle,
      entry.name,
      entry.email,
      entry.phone,
      entry.kind,
      entry.approved ? 'yes' : 'no',
      entry.limit === null ? null : minorToDecimal(entry.limit, digits),
      entry.notes,
    ]),
  ])
}
