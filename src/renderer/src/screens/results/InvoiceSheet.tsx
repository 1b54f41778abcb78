// One buyer's invoice as a printed page: the sale, the paddle and its register details, the
// lots won with hammer, premium and tax, and the total due (the sum of the lines).
import { formatMoney } from '../../../../shared/money'
import type { Invoice } from '../../../../shared/results'
import { paddleName } from '../../lib/format'
import { SheetHead, SheetLines } from './SheetParts'

export function InvoiceSheet(props: { invoice: Invoice; issuedAt: string }) {
  const { invoice } = props
  const bidder = invoice.bidder
  const count = invoice.lines.length
  return (
    <section
      className="invoice sheet"
      aria-label={`Invoice for ${paddleName(invoice.paddle)}`}
      data-testid="invoice"
    >
      <SheetHead
        kind="Buyer’s invoice"
        title={invoice.saleTitle}
        meta={`Invoice ${invoice.saleId}-${invoice.paddle} · ${invoice.currency} · issued ${props.issuedAt}`}
        partyKind="Buyer"
        party={
          <>
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
          </>
        }
      />
      <SheetLines
        lines={invoice.lines}
        currency={invoice.currency}
        columns={[
          { label: 'Hammer', amount: (line) => line.hammer, total: invoice.hammer },
          { label: 'Premium', amount: (line) => line.premium, total: invoice.premium },
          { label: 'Tax', amount: (line) => line.tax, total: invoice.tax },
          { label: 'Total', amount: (line) => line.total, total: invoice.total },
        ]}
        count={`${count} ${count === 1 ? 'lot' : 'lots'}`}
        dueTestId="invoice-total"
      />
      <p className="sheet__note">
        Total due: <strong>{formatMoney(invoice.total, invoice.currency)}</strong>. Premium and tax
        are rounded half up to the minor unit on each line; the totals are the sums of the lines.
      </p>
    </section>
  )
}
