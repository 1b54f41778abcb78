// The absentee book of a lot, highest maximum first (maxima for staff and the seller).
import { formatMoney } from '../../../../shared/money'
import { useLotBook } from '../../hooks/useLotBook'
import { paddleName } from '../../lib/format'

export function AbsenteeBook(props: {
  lotId: string | null
  number: string | null
  size: number
  currency: string
}) {
  const { entries, error } = useLotBook(props.lotId, props.size)
  return (
    <section className="panel book" aria-label="Absentee book">
      <h3 className="panel__title">Absentee book{props.number ? ` · lot ${props.number}` : ''}</h3>
      {error ? <p className="field__error">The book cannot be read: {error}</p> : null}
      {!error && entries.length === 0 ? <p className="muted">No absentee bids.</p> : null}
      <ol className="book__list" data-testid="absentee-book">
        {entries.map((entry) => (
          <li key={entry.bidderId} className="book__row">
            <span className="strong">{paddleName(entry.bidderId)}</span>
            <span className="num">
              {entry.max !== null ? `max ${formatMoney(entry.max, props.currency)}` : 'max hidden'}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
