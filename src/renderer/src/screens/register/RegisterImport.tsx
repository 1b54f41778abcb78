// Import bidders from CSV into the sale's register, through the shared CSV import panel: a
// preview of the paddles it will add, including paddles the register already has.
import { CsvImport } from '../../components/CsvImport'
import type { Register } from '../../hooks/useRegister'
import { rowErrorsAtLines } from '../../lib/csvImport'
import { KIND_LABEL } from '../../lib/registerForm'
import { previewRegister, type RegisterRow } from '../../lib/registerPreview'

const COLUMNS = 'paddle, name, email, phone, kind, approved, limit, notes'

const HEAD = (
  <>
    <th scope="col" className="num">
      Paddle
    </th>
    <th scope="col">Name</th>
    <th scope="col">Kind</th>
    <th scope="col">Approved</th>
    <th scope="col" className="num">
      Limit
    </th>
  </>
)

function cells({ input }: RegisterRow) {
  return (
    <>
      <td className="num strong">{input.paddle}</td>
      <td>{input.name}</td>
      <td>{KIND_LABEL[input.kind ?? 'floor']}</td>
      <td>{input.approved ? 'Yes' : 'No'}</td>
      <td className="num">
        {input.limit === null || input.limit === undefined || input.limit === ''
          ? '—'
          : String(input.limit)}
      </td>
    </>
  )
}

export function RegisterImport(props: {
  existing: readonly string[]
  importEntries: Register['importEntries']
  onImported: (text: string) => void
}) {
  return (
    <CsvImport<RegisterRow>
      name="register-import"
      testId="register-import"
      title="Import bidders (CSV)"
      inputId="register-file"
      hint={`Columns: ${COLUMNS}. A limit as decimal text in the sale’s currency.`}
      noun="bidder"
      preview={(text) => previewRegister(text, props.existing)}
      head={HEAD}
      cells={cells}
      send={async (rows) => {
        const answer = await props.importEntries(rows.map((row) => row.input))
        return answer.ok
          ? { ok: true, count: answer.entries.length }
          : { ok: false, errors: rowErrorsAtLines(answer.error, rows) }
      }}
      onImported={props.onImported}
    />
  )
}
