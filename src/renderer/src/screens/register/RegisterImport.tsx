// Import bidders from CSV into the sale's register: the file is checked here first and shown
// as a preview of the paddles it will add, with every bad row by line; nothing is sent while
// any row is bad. The import is all or nothing on the main side too.
import { useState, type ChangeEvent } from 'react'
import type { CatalogueRowError } from '../../../../shared/errors'
import type { Register } from '../../hooks/useRegister'
import { KIND_LABEL } from '../../lib/registerForm'
import { previewRegister, registerRowErrors, type RegisterPreview } from '../../lib/registerPreview'

const COLUMNS = 'paddle, name, email, phone, kind, approved, limit, notes'

function RowErrors(props: { errors: readonly CatalogueRowError[] }) {
  return (
    <table className="grid grid--compact" data-testid="register-import-errors">
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
          <tr key={`${error.line}-${index}`} data-testid="register-import-error">
            <td className="num">{error.line || '—'}</td>
            <td>{error.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RowsPreview(props: { preview: RegisterPreview }) {
  const count = props.preview.rows.length
  return (
    <table className="grid grid--compact" data-testid="register-import-preview">
      <caption className="muted">
        {count} {count === 1 ? 'bidder' : 'bidders'} to import
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col" className="num">
            Paddle
          </th>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Approved</th>
          <th scope="col" className="num">
            Limit
          </th>
        </tr>
      </thead>
      <tbody>
        {props.preview.rows.map(({ line, input }) => (
          <tr key={line} data-testid="register-import-row">
            <td className="num muted">{line}</td>
            <td className="num strong">{input.paddle}</td>
            <td>{input.name}</td>
            <td>{KIND_LABEL[input.kind ?? 'floor']}</td>
            <td>{input.approved ? 'Yes' : 'No'}</td>
            <td className="num">
              {input.limit === null || input.limit === undefined || input.limit === ''
                ? '—'
                : String(input.limit)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function RegisterImport(props: {
  existing: readonly string[]
  importEntries: Register['importEntries']
  onImported: (text: string) => void
}) {
  const [file, setFile] = useState<{ name: string; preview: RegisterPreview } | null>(null)
  const [serverErrors, setServerErrors] = useState<CatalogueRowError[]>([])
  const [busy, setBusy] = useState(false)
  const [inputKey, setInputKey] = useState(0)

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = event.target.files?.[0]
    setServerErrors([])
    if (!chosen) return setFile(null)
    const text = await chosen.text()
    setFile({ name: chosen.name, preview: previewRegister(text, props.existing) })
  }

  const onImport = async (): Promise<void> => {
    if (!file || file.preview.errors.length > 0 || file.preview.rows.length === 0) return
    const rows = file.preview.rows
    setBusy(true)
    const answer = await props.importEntries(rows.map((row) => row.input))
    setBusy(false)
    if (!answer.ok) {
      setServerErrors(registerRowErrors(answer.error, rows))
      return
    }
    const count = answer.entries.length
    props.onImported(`Imported ${count} ${count === 1 ? 'bidder' : 'bidders'} from ${file.name}`)
    setFile(null)
    setInputKey((key) => key + 1)
  }

  const errors = file ? [...file.preview.errors, ...serverErrors] : []
  const count = file?.preview.rows.length ?? 0
  const ready = file !== null && errors.length === 0 && count > 0
  return (
    <section className="form" aria-labelledby="register-import-title" data-testid="register-import">
      <h2 id="register-import-title">Import bidders (CSV)</h2>
      <div className="field">
        <label htmlFor="register-file">CSV file</label>
        <input
          key={inputKey}
          id="register-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="register-columns"
          onChange={(event) => void onFile(event)}
        />
        <span className="field__hint" id="register-columns">
          Columns: {COLUMNS}. A limit as decimal text in the sale’s currency.
        </span>
      </div>
      {file ? (
        <div className="import__preview">
          {errors.length > 0 ? <RowErrors errors={errors} /> : null}
          {count > 0 ? <RowsPreview preview={file.preview} /> : null}
        </div>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || busy}
          onClick={() => void onImport()}
        >
          {busy
            ? 'Importing…'
            : ready
              ? `Import ${count} ${count === 1 ? 'bidder' : 'bidders'}`
              : 'Import'}
        </button>
      </div>
    </section>
  )
}
