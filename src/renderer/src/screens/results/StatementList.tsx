// Every consignor's statement: lots sold, hammer, commission, fees and the net due to them,
// and their lots not sold.
import { formatMoney } from '../../../../shared/money'
import { rateText } from '../../../../shared/settlement'
import type { Statement } from '../../../../shared/results'

export function StatementList(props: { statements: readonly Statement[]; currency: string }) {
  const { statements, currency } = props
  const money = (minor: number): string => formatMoney(minor, currency)
  if (statements.length === 0) return <p className="empty">No consignor has lots in this sale.</p>
  return (
    <table className="grid" data-testid="statement-list">
      <thead>
        <tr>
          <th scope="col">Consignor</th>
          <th scope="col" className="num">
            Sold
          </th>
          <th scope="col" className="num">
            Unsold
          </th>
          <th scope="col" className="num">
            Hammer
          </th>
          <th scope="col" className="num">
            Commission
          </th>
          <th scope="col" className="num">
            Fees
          </th>
          <th scope="col" className="num">
            Net due
          </th>
        </tr>
      </thead>
      <tbody>
        {statements.map((statement) => (
          <tr key={statement.sellerId} data-testid={`statement-row-${statement.sellerId}`}>
            <td className="strong">{statement.sellerId}</td>
            <td className="num">{statement.lines.length}</td>
            <td className="num">{statement.unsold.length}</td>
            <td className="num">{money(statement.hammer)}</td>
            <td className="num">
              {money(statement.commission)}{' '}
              <span className="muted">({rateText(statement.commissionRate)})</span>
            </td>
            <td className="num">{money(statement.fees)}</td>
            <td className="num strong">{money(statement.net)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
