// A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks;
// records end at CRLF, LF or a lone CR; a leading BOM is dropped. Pure: the renderer uses it.

export interface CsvRecord {
  /** The 1-based physical line where the record starts (a quoted line break spans lines). */
  line: number
  fields: string[]
  /** Set when the record breaks RFC 4180, so a caller can name the line instead of guessing. */
  problem?: string
}

const isBreak = (char: string | undefined): boolean => char === '\n' || char === '\r'

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1

  /** Steps over one line break at `at` (CRLF counts once). */
  const skipBreak = (): void => {
    at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1
    line++
  }
  /** Reads up to the next comma, line break or the end. */
  const readBare = (): string => {
    const start = at
    while (at < text.length && text[at] !== ',' && !isBreak(text[at])) at++
    return text.slice(start, at)
  }
  /** Reads a quoted field from its opening quote; null when it is never closed. */
  const readQuoted = (): string | null => {
    at++
    let value = ''
    for (;;) {
      if (at >= text.length) return null
      const char = text[at] as string
      if (char === '"') {
        if (text[at + 1] !== '"') {
          at++
          return value
        }
        value += '"'
        at += 2
      } else if (isBreak(char)) {
        // One line-break style inside fields, whatever the file's own.
        value += '\n'
        skipBreak()
      } else {
        value += char
        at++
      }
    }
  }

  while (at < text.length) {
    const record: CsvRecord = { line, fields: [] }
    for (;;) {
      let field: string
      if (text[at] === '"') {
        const quoted = readQuoted()
        if (quoted === null) {
          record.problem ??= 'a quoted field is never closed'
          field = ''
        } else {
          const rest = readBare()
          if (rest !== '') record.problem ??= 'text after the closing quote of a field'
          field = quoted + rest
        }
      } else {
        field = readBare()
        if (field.includes('"')) {
          record.problem ??= 'a quote inside an unquoted field (quote the field, double the quote)'
        }
      }
      record.fields.push(field)
      if (text[at] !== ',') break
      at++
    }
    if (isBreak(text[at])) skipBreak()
    records.push(record)
  }
  return records
}

/**
 * One cell for writing: RFC 4180 quoting, and text starting with = + - @ (a formula to a
 * spreadsheet) is neutralised with a leading apostrophe. A plain number ("-5.00") is kept.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows (the header first) as CSV text: CRLF after every record. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
