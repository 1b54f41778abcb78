// What a register import will do, before anything is sent: the paddles it will add and
// every bad row by its line, including paddles the register already has or that the file
// repeats. Nothing is sent while any row is bad; the main side checks again.
import type { CatalogueRowError } from '../../../shared/errors'
import { parseRegisterCsv, type RegisterRow } from '../../../shared/register-csv'
import type { CsvPreview } from './csvImport'

export type { RegisterRow }

export type RegisterPreview = CsvPreview<RegisterRow>

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
