// Import a catalogue from CSV into a draft sale: the file is checked here first and shown as
// a preview of the lots it will add, with every bad row by line; nothing is sent while any
// row is bad. The import is all or nothing on the main side too.
import { useState, type ChangeEvent } from 'react'
import type { Sale } from '../../../../shared/domain'
import type { CatalogueRowError } from '../../../../shared/errors'
import { useConsole } from '../../context'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import {
  fileRowErrors,
  previewCatalogue,
  previewMoney,
  type CataloguePreview,
} from '../../lib/cataloguePreview'
import { createRetryId } from '../../lib/retryId'

const COLUMNS =
  'lot, title, description, estimate_low, estimate_high, start_price, reserve, increment'

function RowErrors(props: { errors: readonly CatalogueRowError[] }) {
  return (
    <table className="grid grid--compact" data-testid="import-errors">
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
          <tr key={`${error.line}-${index}`} data-testid="import-error">
            <td className="num">{error.line || '—'}</td>
            <td>{error.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RowsPreview(props: { preview: CataloguePreview; currency: string }) {
  const money = (value: Parameters<typeof previewMoney>[0]): string =>
    previewMoney(value, props.currency)
  return (
    <table className="grid grid--compact" data-testid="import-preview">
      <caption className="muted">
        {props.preview.rows.length} {props.preview.rows.length === 1 ? 'lot' : 'lots'} to import
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col" className="num">
            Lot
          </th>
          <th scope="col">Title</th>
          <th scope="col" className="num">
            Estimate
          </th>
          <th scope="col" className="num">
            Start
          </th>
          <th scope="col" className="num">
            Reserve
          </th>
          <th scope="col" className="num">
            Increment
          </th>
        </tr>
      </thead>
      <tbody>
        {props.preview.rows.map(({ line, input }) => (
          <tr key={line} data-testid="import-row">
            <td className="num muted">{line}</td>
            <td className="num strong">{input.number}</td>
            <td>{input.title}</td>
            <td className="num">
              {[money(input.estimateLow), money(input.estimateHigh)].filter(Boolean).join('–') ||
                '—'}
            </td>
            <td className="num">{money(input.startingPrice)}</td>
            <td className="num">{money(input.reservePrice) || '—'}</td>
            <td className="num">{money(input.increment) || 'sale default'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function CatalogueImport(props: { sale: Sale; existing: readonly string[] }) {
  const { sale } = props
  const commands = useSaleCommands()
  const pushToast = useConsole((state) => state.pushToast)
  const [file, setFile] = useState<{ name: string; preview: CataloguePreview } | null>(null)
  const [serverErrors, setServerErrors] = useState<CatalogueRowError[]>([])
  const [busy, setBusy] = useState(false)
  const [retry] = useState(() => createRetryId())
  const [inputKey, setInputKey] = useState(0)

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = event.target.files?.[0]
    setServerErrors([])
    if (!chosen) return setFile(null)
    const text = await chosen.text()
    setFile({ name: chosen.name, preview: previewCatalogue(text, sale.currency, props.existing) })
  }

  const onImport = async (): Promise<void> => {
    if (!file || file.preview.errors.length > 0 || file.preview.rows.length === 0) return
    const lots = file.preview.rows.map((row) => row.input)
    setBusy(true)
    const answer = await commands.importLots(sale.id, lots, retry.idFor(JSON.stringify(lots)))
    retry.settle(answer)
    setBusy(false)
    if (!answer.ok) {
      setServerErrors(fileRowErrors(answer.error, file.preview.rows))
      return
    }
    const count = answer.lots.length
    pushToast({
      tone: 'success',
      text: `Imported ${count} ${count === 1 ? 'lot' : 'lots'} from ${file.name}`,
    })
    setFile(null)
    setInputKey((key) => key + 1)
  }

  const errors = file ? [...file.preview.errors, ...serverErrors] : []
  const ready = file !== null && errors.length === 0 && file.preview.rows.length > 0
  return (
    <section className="form" aria-labelledby="import-title" data-testid="catalogue-import">
      <h2 id="import-title">Import a catalogue (CSV)</h2>
      <div className="field">
        <label htmlFor="catalogue-file">CSV file</label>
        <input
          key={inputKey}
          id="catalogue-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="catalogue-columns"
          onChange={(e) => void onFile(e)}
        />
        <span className="field__hint" id="catalogue-columns">
          Columns: {COLUMNS}. Money as decimal text in {sale.currency}.
        </span>
      </div>
      {file ? (
        <div className="import__preview">
          {errors.length > 0 ? <RowErrors errors={errors} /> : null}
          {file.preview.rows.length > 0 ? (
            <RowsPreview preview={file.preview} currency={sale.currency} />
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
          {busy
            ? 'Importing…'
            : ready
              ? `Import ${file.preview.rows.length} ${file.preview.rows.length === 1 ? 'lot' : 'lots'}`
              : 'Import'}
        </button>
      </div>
    </section>
  )
}
