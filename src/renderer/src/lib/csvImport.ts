// What a CSV import (catalogue or register) will add, and every bad row by its line. The
// main side checks again; its row errors come back numbered by position in what was sent and
// are mapped here to the lines of the file.
import type { CatalogueRowError, CommandError } from '../../../shared/errors'

export interface CsvPreview<Row> {
  rows: Row[]
  errors: CatalogueRowError[]
}

/** The main side's row errors (row n = the n-th row sent) at the lines of the file. */
export function rowErrorsAtLines(
  error: CommandError,
  sent: readonly { line: number }[],
): CatalogueRowError[] {
  if (!error.rows?.length) return [{ line: 0, code: error.code, message: error.message }]
  return error.rows.map((row) => ({ ...row, line: sent[row.line - 1]?.line ?? row.line }))
}
