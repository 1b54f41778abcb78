// One consignor's statement as a printed page: the lots sold with hammer, commission, fee
// and net, the net due to them, and their lots not sold.
import { formatMoney } from '../../../../shared/money'
import type { Statement } from '../../../../shared/results'
import { rateText } from '../../../../shared/settlement'

const UNSOLD_WORDS: Record<string, string> = {
  passed: 'Passed',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
  waiting: 'Not offered',
  active: 'Open',
}

export function StatementSheet(props: { statement: Statement; issuedAt: string }) {
  const { statement } = props
  const money = (minor: number): string => formatMoney(minor, statement.currency)
  return (
    <section
      className="statement sheet"
      aria-label={`Statement for ${statement.sellerId}`}
      data-testid="statement"
    >
      <header className="sheet__head">
        <div>
          <p className="sheet__kind">Consignor’s statement</p>
          <h2 className="sheet__title">{statement.saleTitle}</h2>
          <p className="sheet__meta">
            Statement {statement.saleId}-{statement.sellerId} · {statement.currency} · issued{' '}
            {props.issuedAt}
          </p>
        </div>
        <div className="sheet__party">
          <p className="sheet__kind">Consignor</p>
          <p className="sheet__paddle">{statement.sellerId}</p>
          <p className="muted">Commission {rateText(statement.commissionRate)} of the hammer</p>
        </div>
      </header>
      {statement.lines.length === 0 ? (
        <p className="muted">No lot sold.</p>
      ) : (
        <table className="sheet__table">
          <thead>
            <tr>
              <th scope="col">Lot</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Hammer
              </th>
              <th scope="col" className="num">
                Commission
              </th>
              <th scope="col" className="num">
                Fee
              </th>
              <th scope="col" className="num">
                Net
              </th>
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((line) => (
              <tr key={line.lotId}>
                <td className="strong">{line.number}</td>
                <td>{line.title}</td>
                <td className="num">{money(line.hammer)}</td>
                <td className="num">{money(line.commission)}</td>
                <td className="num">{money(line.fee)}</td>
                <td className="num">{money(line.net)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {statement.lines.length} {statement.lines.length === 1 ? 'lot' : 'lots'} sold
              </th>
              <td className="num">{money(statement.hammer)}</td>
              <td className="num">{money(statement.commission)}</td>
              <td className="num">{money(statement.fees)}</td>
              <td className="num sheet__due" data-testid="statement-net">
                {money(statement.net)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {statement.unsold.length > 0 ? (
        <div className="sheet__unsold">
          <h3>Not sold</h3>
          <ul>
            {statement.unsold.map((lot) => (
              <li key={lot.lotId}>
                <span className="strong">Lot {lot.number}</span> {lot.title} —{' '}
                {UNSOLD_WORDS[lot.status] ?? lot.status}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="sheet__note">
        Net due to the consignor: <strong>{money(statement.net)}</strong> (hammer less commission
        and fees).
      </p>
    </section>
  )
}
