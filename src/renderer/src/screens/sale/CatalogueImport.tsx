// Import a catalogue from CSV into a draft sale, through the shared CSV import panel: a
// preview of the lots it will add, including numbers the sale already has.
import { useState } from 'react'
import type { Sale } from '../../../../shared/domain'
import type { CatalogueRow } from '../../../../shared/catalogue-csv'
import { CsvImport } from '../../components/CsvImport'
import { useConsole } from '../../context'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { previewCatalogue, previewMoney } from '../../lib/cataloguePreview'
import { rowErrorsAtLines } from '../../lib/csvImport'
import { createRetryId } from '../../lib/retryId'

const COLUMNS =
  'lot, title, description, estimate_low, estimate_high, start_price, reserve, increment'

const HEAD = (
  <>
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
  </>
)

export function CatalogueImport(props: { sale: Sale; existing: readonly string[] }) {
  const { sale } = props
  const commands = useSaleCommands()
  const pushToast = useConsole((state) => state.pushToast)
  // One request id per file sent, so a retry of a lost answer does not import twice.
  const [retry] = useState(() => createRetryId())
  const money = (value: Parameters<typeof previewMoney>[0]): string =>
    previewMoney(value, sale.currency)
  return (
    <CsvImport<CatalogueRow>
      name="import"
      testId="catalogue-import"
      title="Import a catalogue (CSV)"
      inputId="catalogue-file"
      hint={`Columns: ${COLUMNS}. Money as decimal text in ${sale.currency}.`}
      noun="lot"
      preview={(text) => previewCatalogue(text, sale.currency, props.existing)}
      head={HEAD}
      cells={({ input }) => (
        <>
          <td className="num strong">{input.number}</td>
          <td>{input.title}</td>
          <td className="num">
            {[money(input.estimateLow), money(input.estimateHigh)].filter(Boolean).join('–') || '—'}
          </td>
          <td className="num">{money(input.startingPrice)}</td>
          <td className="num">{money(input.reservePrice) || '—'}</td>
          <td className="num">{money(input.increment) || 'sale default'}</td>
        </>
      )}
      send={async (rows) => {
        const lots = rows.map((row) => row.input)
        const answer = await commands.importLots(sale.id, lots, retry.idFor(JSON.stringify(lots)))
        retry.settle(answer)
        return answer.ok
          ? { ok: true, count: answer.lots.length }
          : { ok: false, errors: rowErrorsAtLines(answer.error, rows) }
      }}
      onImported={(text) => pushToast({ tone: 'success', text })}
    />
  )
}
