// The CSV import panel of the catalogue and of the register: the file is checked here first
// and shown as a preview of the rows it will add, with every bad row by line; nothing is sent
// while any row is bad. The main side imports all or nothing; its row errors show here too.
import { useState, type ChangeEvent, type ReactNode } from 'react'
import type { CatalogueRowError } from '../../../shared/errors'
import type { CsvPreview } from '../lib/csvImport'
import { plural } from '../lib/format'

export type CsvImportAnswer =
  { ok: true; count: number } | { ok: false; errors: CatalogueRowError[] }

export interface CsvImportProps<Row extends { line: number }> {
  /** Prefixes the panel's ids and test ids: `${name}-title`, `${name}-error`, `${name}-row`… */
  name: string
  testId: string
  title: string
  inputId: string
  /** The columns the file may have and how money is written. */
  hint: ReactNode
  /** What one row is, in the singular ("lot", "bidder"). */
  noun: string
  preview: (text: string) => CsvPreview<Row>
  /** The preview table's header cells, and one row's cells in that order. */
  head: ReactNode
  cells: (row: Row) => ReactNode
  send: (rows: readonly Row[]) => Promise<CsvImportAnswer>
  onImported: (text: string) => void
}

function RowErrors(props: { name: string; errors: readonly CatalogueRowError[] }) {
  return (
    <table className="grid grid--compact" data-testid={`${props.name}-errors`}>
      <caption className="field__error">
        {props.errors.length} {props.errors.length === 1 ? 'row needs' : 'rows need'} fixing;
        nothing is imported until every row is right.
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {props.errors.map((error, index) => (
          <tr key={`${error.line}-${index}`} data-testid={`${props.name}-error`}>
            <td className="num">{error.line || '—'}</td>
            <td>{error.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RowsPreview<Row extends { line: number }>(
  props: Pick<CsvImportProps<Row>, 'name' | 'noun' | 'head' | 'cells'> & { rows: readonly Row[] },
) {
  return (
    <table className="grid grid--compact" data-testid={`${props.name}-preview`}>
      <caption className="muted">{plural(props.rows.length, props.noun)} to import</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          {props.head}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.line} data-testid={`${props.name}-row`}>
            <td className="num muted">{row.line}</td>
            {props.cells(row)}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function CsvImport<Row extends { line: number }>(props: CsvImportProps<Row>) {
  const { name } = props
  const [file, setFile] = useState<{ name: string; preview: CsvPreview<Row> } | null>(null)
  const [serverErrors, setServerErrors] = useState<CatalogueRowError[]>([])
  const [busy, setBusy] = useState(false)
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0)

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = event.target.files?.[0]
    setServerErrors([])
    if (!chosen) return setFile(null)
    const text = await chosen.text()
    setFile({ name: chosen.name, preview: props.preview(text) })
  }

  const onImport = async (): Promise<void> => {
    if (!file || file.preview.errors.length > 0 || file.preview.rows.length === 0) return
    setBusy(true)
    const answer = await props.send(file.preview.rows)
    setBusy(false)
    if (!answer.ok) {
      setServerErrors(answer.errors)
      return
    }
    props.onImported(`Imported ${plural(answer.count, props.noun)} from ${file.name}`)
    setFile(null)
    setInputKey((key) => key + 1)
  }

  const errors = file ? [...file.preview.errors, ...serverErrors] : []
  const count = file?.preview.rows.length ?? 0
  const ready = file !== null && errors.length === 0 && count > 0
  return (
    <section className="form" aria-labelledby={`${name}-title`} data-testid={props.testId}>
      <h2 id={`${name}-title`}>{props.title}</h2>
      <div className="field">
        <label htmlFor={props.inputId}>CSV file</label>
        <input
          key={inputKey}
          id={props.inputId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${name}-columns`}
          onChange={(event) => void onFile(event)}
        />
        <span className="field__hint" id={`${name}-columns`}>
          {props.hint}
        </span>
      </div>
      {file ? (
        <div className="import__preview">
          {errors.length > 0 ? <RowErrors name={name} errors={errors} /> : null}
          {count > 0 ? (
            <RowsPreview
              name={name}
              noun={props.noun}
              head={props.head}
              cells={props.cells}
              rows={file.preview.rows}
            />
          ) : null}
        </div>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || busy}
          onClick={() => void onImport()}
        >
          {busy ? 'Importing…' : ready ? `Import ${plural(count, props.noun)}` : 'Import'}
        </button>
      </div>
    </section>
  )
}
