// One buyer's invoice as a printed page: the sale, the paddle and its register details, the
// lots won with hammer, premium and tax, and the total due (the sum of the lines).
import { formatMoney } from '../../../../shared/money'
import type { Invoice } from '../../../../shared/results'
import { paddleName } from '../../lib/format'

export function InvoiceSheet(props: { invoice: Invoice; issuedAt: string }) {
  const { invoice } = props
  const money = (minor: number): string => formatMoney(minor, invoice.currency)
  const bidder = invoice.bidder
  return (
    <section
      className="invoice sheet"
      aria-label={`Invoice for ${paddleName(invoice.paddle)}`}
      data-testid="invoice"
    >
      <header className="sheet__head">
        <div>
          <p className="sheet__kind">Buyer’s invoice</p>
          <h2 className="sheet__title">{invoice.saleTitle}</h2>
          <p className="sheet__meta">
            Invoice {invoice.saleId}-{invoice.paddle} · {invoice.currency} · issued {props.issuedAt}
          </p>
        </div>
        <div className="sheet__party">
          <p className="sheet__kind">Buyer</p>
          <p className="sheet__paddle">{paddleName(invoice.paddle)}</p>
          {bidder ? (
            <>
              <p className="strong">{bidder.name}</p>
              {bidder.email ? <p>{bidder.email}</p> : null}
              {bidder.phone ? <p>{bidder.phone}</p> : null}
            </>
          ) : (
            <p className="muted">Not in the register</p>
          )}
        </div>
      </header>
      <table className="sheet__table">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">Description</th>
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
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.lotId}>
              <td className="strong">{line.number}</td>
              <td>{line.title}</td>
              <td className="num">{money(line.hammer)}</td>
              <td className="num">{money(line.premium)}</td>
              <td className="num">{money(line.tax)}</td>
              <td className="num">{money(line.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {invoice.lines.length} {invoice.lines.length === 1 ? 'lot' : 'lots'}
            </th>
            <td className="num">{money(invoice.hammer)}</td>
            <td className="num">{money(invoice.premium)}</td>
            <td className="num">{money(invoice.tax)}</td>
            <td className="num sheet__due" data-testid="invoice-total">
              {money(invoice.total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="sheet__note">
        Total due: <strong>{money(invoice.total)}</strong>. Premium and tax are rounded half up to
        the minor unit on each line; the totals are the sums of the lines.
      </p>
    </section>
  )
}
