// Every buyer's invoice by paddle: lots won, hammer, premium, tax and the total, with the
// sale's totals below (the sum of the invoices).
import { formatMoney } from '../../../../shared/money'
import type { Invoice } from '../../../../shared/results'
import { paddleName } from '../../lib/format'

export function InvoiceList(props: { invoices: readonly Invoice[]; currency: string }) {
  const { invoices, currency } = props
  const money = (minor: number): string => formatMoney(minor, currency)
  if (invoices.length === 0) return <p className="empty">No lot sold yet: no invoice.</p>
  const sum = (pick: (invoice: Invoice) => number): number =>
    invoices.reduce((total, invoice) => total + pick(invoice), 0)
  return (
    <table className="grid" data-testid="invoice-list">
      <thead>
        <tr>
          <th scope="col">Paddle</th>
          <th scope="col">Bidder</th>
          <th scope="col">Lots</th>
          <th scope="col" className="num">
            Hammer
          </th>
          <th scope="col" className="num">
            Premium
          </th>
          <th scope="col" className="num">
            Tax
          </th>
          <th scope="col" className="num">
            Total due
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.paddle} data-testid={`invoice-row-${invoice.paddle}`}>
            <td className="strong">{paddleName(invoice.paddle)}</td>
            <td>{invoice.bidder?.name ?? <span className="muted">Not in the register</span>}</td>
            <td className="muted">{invoice.lines.map((line) => line.number).join(', ')}</td>
            <td className="num">{money(invoice.hammer)}</td>
            <td className="num">{money(invoice.premium)}</td>
            <td className="num">{money(invoice.tax)}</td>
            <td className="num strong">{money(invoice.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="grid__total">
          <th scope="row" colSpan={3}>
            {invoices.length} {invoices.length === 1 ? 'invoice' : 'invoices'}
          </th>
          <td className="num">{money(sum((i) => i.hammer))}</td>
          <td className="num">{money(sum((i) => i.premium))}</td>
          <td className="num">{money(sum((i) => i.tax))}</td>
          <td className="num strong" data-testid="invoices-total">
            {money(sum((i) => i.total))}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}
