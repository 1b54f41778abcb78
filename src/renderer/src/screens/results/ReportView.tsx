// The sale report as a page: the totals (hammer, premium, tax; lots sold, passed,
// withdrawn), the chart of hammer against estimate per lot, the sell-through, the top lots.
import { formatMoney } from '../../../../shared/money'
import type { SaleReport } from '../../../../shared/results'
import { paddleName } from '../../lib/format'
import { HammerChart, SellThrough } from './ReportChart'

function Totals(props: { report: SaleReport }) {
  const { report } = props
  const money = (minor: number): string => formatMoney(minor, report.currency)
  const figures: { label: string; value: string; testId: string }[] = [
    { label: 'Hammer total', value: money(report.hammerTotal), testId: 'total-hammer' },
    { label: 'Buyer’s premium', value: money(report.premiumTotal), testId: 'total-premium' },
    { label: 'Tax on premium', value: money(report.taxTotal), testId: 'total-tax' },
    {
      label: 'Buyers’ total',
      value: money(report.hammerTotal + report.premiumTotal + report.taxTotal),
      testId: 'total-buyers',
    },
    { label: 'Lots sold', value: String(report.lots.sold), testId: 'total-sold' },
    { label: 'Passed', value: String(report.lots.passed), testId: 'total-passed' },
    { label: 'Withdrawn', value: String(report.lots.withdrawn), testId: 'total-withdrawn' },
    {
      label: 'Offered',
      value: `${report.lots.offered} of ${report.lots.total}`,
      testId: 'total-offered',
    },
  ]
  return (
    <dl className="report-totals" data-testid="report-totals">
      {figures.map((figure) => (
        <div key={figure.testId}>
          <dt>{figure.label}</dt>
          <dd data-testid={figure.testId}>{figure.value}</dd>
        </div>
      ))}
    </dl>
  )
}

function TopLots(props: { report: SaleReport }) {
  const { report } = props
  return (
    <section className="panel panel--flush top-lots" aria-labelledby="top-lots-title">
      <h2 id="top-lots-title" className="panel__title">
        Top lots
      </h2>
      {report.topLots.length === 0 ? (
        <p className="empty">No lot sold yet.</p>
      ) : (
        <table className="grid grid--compact" data-testid="top-lots">
          <thead>
            <tr>
              <th scope="col" className="num">
                Lot
              </th>
              <th scope="col">Title</th>
              <th scope="col">Buyer</th>
              <th scope="col" className="num">
                Hammer
              </th>
            </tr>
          </thead>
          <tbody>
            {report.topLots.map((lot) => (
              <tr key={lot.lotId}>
                <td className="num strong">{lot.number}</td>
                <td className="top-lots__title">{lot.title}</td>
                <td className="top-lots__buyer">{paddleName(lot.winnerId)}</td>
                <td className="num">{formatMoney(lot.hammer, report.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function ReportView(props: { report: SaleReport }) {
  const { report } = props
  return (
    <div className="report" data-testid="sale-report">
      <Totals report={report} />
      <section className="panel report__chart" aria-label="Hammer against estimate">
        <HammerChart report={report} />
      </section>
      <div className="report__side">
        <SellThrough report={report} />
        <TopLots report={report} />
      </div>
    </div>
  )
}
