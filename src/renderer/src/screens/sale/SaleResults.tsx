// A sale's size and what it made so far: lots sold, passed and withdrawn, the hammer total.
import { useShallow } from 'zustand/react/shallow'
import type { Sale } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { useConsole } from '../../context'
import { saleResults } from '../../store/saleRules'

export function SaleResults(props: { sale: Sale; lotIds: readonly string[] }) {
  const lots = useConsole(
    useShallow((state) =>
      props.lotIds.map((id) => state.auctions[id]).filter((lot) => lot !== undefined),
    ),
  )
  const results = saleResults(lots)
  // Before the sale opens there is nothing to report but its size.
  const running = props.sale.status !== 'draft' && props.sale.status !== 'scheduled'
  return (
    <dl className="sale__results" data-testid="sale-results">
      <div>
        <dt>Lots</dt>
        <dd>{props.sale.lotCount}</dd>
      </div>
      {running ? (
        <>
          <div>
            <dt>Sold</dt>
            <dd data-testid="sale-sold">{results.sold}</dd>
          </div>
          <div>
            <dt>Passed</dt>
            <dd data-testid="sale-passed">{results.passed}</dd>
          </div>
          {results.withdrawn > 0 ? (
            <div>
              <dt>Withdrawn</dt>
              <dd>{results.withdrawn}</dd>
            </div>
          ) : null}
          <div>
            <dt>Hammer total</dt>
            <dd data-testid="sale-hammer">
              {formatMoney(results.hammerTotal, props.sale.currency)}
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  )
}
