// One consignor's statement as a printed page: the lots sold with hammer, commission, fee
// and net, the net due to them, and their lots not sold.
import { formatMoney } from '../../../../shared/money'
import type { Statement } from '../../../../shared/results'
import { rateText } from '../../../../shared/settlement'
import { SheetHead, SheetLines } from './SheetParts'

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
  const count = statement.lines.length
  return (
    <section
      className="statement sheet"
      aria-label={`Statement for ${statement.sellerId}`}
      data-testid="statement"
    >
      <SheetHead
        kind="Consignor’s statement"
        title={statement.saleTitle}
        meta={`Statement ${statement.saleId}-${statement.sellerId} · ${statement.currency} · issued ${props.issuedAt}`}
        partyKind="Consignor"
        party={
          <>
            <p className="sheet__paddle">{statement.sellerId}</p>
            <p className="muted">Commission {rateText(statement.commissionRate)} of the hammer</p>
          </>
        }
      />
      {count === 0 ? (
        <p className="muted">No lot sold.</p>
      ) : (
        <SheetLines
          lines={statement.lines}
          currency={statement.currency}
          columns={[
            { label: 'Hammer', amount: (line) => line.hammer, total: statement.hammer },
            { label: 'Commission', amount: (line) => line.commission, total: statement.commission },
            { label: 'Fee', amount: (line) => line.fee, total: statement.fees },
            { label: 'Net', amount: (line) => line.net, total: statement.net },
          ]}
          count={`${count} ${count === 1 ? 'lot' : 'lots'} sold`}
          dueTestId="statement-net"
        />
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
