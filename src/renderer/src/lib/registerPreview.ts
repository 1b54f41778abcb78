// What a register import will do, before anything is sent: the paddles it will add and
// every bad row by its line, including paddles the register already has or that the file
// repeats. Nothing is sent while any row is bad; the main side checks again and its row
// errors (numbered by position in what was sent) are mapped back to the file's lines.
import type { CatalogueRowError, CommandError } from '../../../shared/errors'
import { parseRegisterCsv, type RegisterRow } from '../../../shared/register-csv'

export type { RegisterRow }

export interface RegisterPreview {
  rows: RegisterRow[]
  errors: CatalogueRowError[]
}

export function previewRegister(text: string, existing: readonly string[]): RegisterPreview {
  const parsed = parseRegisterCsv(text)
  const taken = new Set(existing)
  const seen = new Map<string, number>()
  const rows: RegisterRow[] = []
  const errors: CatalogueRowError[] = [...parsed.errors]
  for (const row of parsed.rows) {
    const paddle = String(row.input.paddle).trim()
    const earlier = seen.get(paddle)
    if (taken.has(paddle)) {
      errors.push({
        line: row.line,
        code: 'PADDLE_TAKEN',
        message: `paddle: ${paddle} is already in this sale’s register`,
      })
    } else if (earlier !== undefined) {
      errors.push({
        line: row.line,
        code: 'PADDLE_TAKEN',
        message: `paddle: ${paddle} is also on line ${earlier}`,
      })
    } else {
      seen.set(paddle, row.line)
      rows.push(row)
    }
  }
  errors.sort((a, b) => a.line - b.line)
  return { rows, errors }
}

/** The main side's row errors (row n = the n-th entry sent) at the lines of the file. */
export function registerRowErrors(
  error: CommandError,
  sent: readonly RegisterRow[],
): CatalogueRowError[] {
  if (!error.rows?.length) return [{ line: 0, code: error.code, message: error.message }]
  return error.rows.map((row) => ({ ...row, line: sent[row.line - 1]?.line ?? row.line }))
}
