// A sale's bidder register as CSV, both ways. Reading checks every row as the engine would
// (the register's schema; the limit's form, its digits are the sale currency's and the engine
// checks them) and names every bad row by its line, as the catalogue import does. Pure: the
// renderer previews imports and writes exports with it.
import { csvText } from './csv'
import { readCsvTable, type CsvTable, type CsvTableRow } from './csv-table'
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

export type RegisterRow = CsvTableRow<RegisterAddInput>
export type RegisterCsv = CsvTable<RegisterAddInput>

/** "Paddle", " E-mail " and "email" alike. */
const columnName = (heading: string): string => {
  const name = heading
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
  return name === 'paddlenumber' ? 'paddle' : name
}

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0'])

/** Writing neutralises a leading = + - @ with a quote (csvCell); reading takes it off again. */
const unneutralised = (cell: string): string => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)

function readEntry(
  cells: ReadonlyMap<Column, string>,
  bad: (code: ErrorCode, message: string) => CatalogueRowError,
): RegisterAddInput | CatalogueRowError {
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

/**
 * Reads a register file: columns paddle, name (required), email, phone, kind, approved,
 * limit, notes, in any order. A paddle repeated in the file is a bad row (the register's
 * own paddles are the engine's to check). Any error means nothing should be imported.
 */
export function parseRegisterCsv(text: string): RegisterCsv {
  return readCsvTable<Column, RegisterAddInput>(text, {
    columns: REGISTER_COLUMNS,
    required: REQUIRED,
    columnName,
    rowsNoun: 'paddles',
    cell: unneutralised,
    readRow: readEntry,
    key: { column: 'paddle', code: 'PADDLE_TAKEN', read: (raw) => raw.trim() || undefined },
  })
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
