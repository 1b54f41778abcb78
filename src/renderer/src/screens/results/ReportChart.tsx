// The sale report's charts as plain SVG: per lot in catalogue order, the hammer price as a
// bar against the lot's low–high estimate as a band (above, within or below it in colour;
// passed and withdrawn lots marked on the axis), and the sell-through by lots and by value.
import type { SaleReport } from '../../../../shared/results'
import { currencyDigits, formatMoney } from '../../../../shared/money'
import { percent, reportChart, type Verdict } from '../../lib/reportChart'

const WIDTH = 880
const HEIGHT = 260

const VERDICT_WORDS: Record<Verdict, string> = {
  above: 'above the high estimate',
  within: 'within the estimate',
  below: 'below the low estimate',
  unsold: 'not sold',
  open: 'not offered yet',
}

/** A compact money label for the axis: "£1.5K", "£12K", "£1.2M". */
function axisMoney(minor: number, currency: string): string {
  const units = minor / 10 ** currencyDigits(currency)
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(units)
}

export function HammerChart(props: { report: SaleReport }) {
  const { report } = props
  const geometry = reportChart(report.perLot, { width: WIDTH, height: HEIGHT })
  const { plot } = geometry
  const money = (minor: number): string => formatMoney(minor, report.currency)
  const many = geometry.columns.length > 40
  const summary = `Hammer against estimate for ${report.perLot.length} lots: ${report.aboveEstimate} above, ${report.belowEstimate} below the estimate.`
  return (
    <figure className="report-chart" data-testid="report-chart">
      <figcaption className="report-chart__caption">
        <span className="strong">Hammer against estimate, by lot</span>
        <span className="report-chart__legend" aria-hidden="true">
          <span className="legend legend--band">Estimate low–high</span>
          <span className="legend legend--within">Within</span>
          <span className="legend legend--above">Above</span>
          <span className="legend legend--below">Below</span>
          <span className="legend legend--unsold">Not sold</span>
        </span>
      </figcaption>
      <svg
        className="report-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid="hammer-chart"
      >
        {geometry.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              className="report-chart__grid"
              x1={plot.left}
              x2={plot.right}
              y1={tick.y}
              y2={tick.y}
            />
            <text className="report-chart__tick" x={plot.left - 8} y={tick.y + 4} textAnchor="end">
              {axisMoney(tick.value, report.currency)}
            </text>
          </g>
        ))}
        {geometry.columns.map((column, index) => {
          const lot = report.perLot[index]
          if (!lot) return null
          const bandWidth = Math.max(2, column.width * 0.7)
          const barWidth = Math.max(2, column.width * 0.36)
          const center = column.x + column.width / 2
          const title =
            `Lot ${lot.number}: ${lot.status === 'sold' ? money(lot.hammer) : lot.status}` +
            (lot.estimateLow !== null || lot.estimateHigh !== null
              ? ` (estimate ${lot.estimateLow !== null ? money(lot.estimateLow) : '—'}–${lot.estimateHigh !== null ? money(lot.estimateHigh) : '—'})`
              : '') +
            `, ${VERDICT_WORDS[column.verdict]}`
          return (
            <g key={column.lotId} data-testid="chart-lot" data-verdict={column.verdict}>
              <title>{title}</title>
              {column.band ? (
                <rect
                  className="report-chart__band"
                  x={center - bandWidth / 2}
                  width={bandWidth}
                  y={column.band.top}
                  height={Math.max(2, column.band.bottom - column.band.top)}
                  rx={2}
                />
              ) : null}
              {column.hammerTop !== null ? (
                <rect
                  className={`report-chart__bar report-chart__bar--${column.verdict}`}
                  x={center - barWidth / 2}
                  width={barWidth}
                  y={column.hammerTop}
                  height={Math.max(1, plot.bottom - column.hammerTop)}
                  rx={1.5}
                />
              ) : (
                <text
                  className={`report-chart__mark report-chart__mark--${column.verdict}`}
                  x={center}
                  y={plot.bottom - 4}
                  textAnchor="middle"
                >
                  {column.verdict === 'open' ? '·' : '×'}
                </text>
              )}
              {column.hammerTop !== null && !many && geometry.columns.length <= 30 ? (
                <text
                  className="report-chart__value"
                  x={center}
                  y={column.hammerTop - 5}
                  textAnchor="middle"
                >
                  {axisMoney(lot.hammer, report.currency)}
                </text>
              ) : null}
              {!many || index % Math.ceil(geometry.columns.length / 40) === 0 ? (
                <text
                  className="report-chart__label"
                  x={center}
                  y={plot.bottom + 16}
                  textAnchor="middle"
                >
                  {lot.number}
                </text>
              ) : null}
            </g>
          )
        })}
        <line
          className="report-chart__axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
      </svg>
    </figure>
  )
}

function ThroughBar(props: {
  label: string
  ratio: number | null
  detail: string
  testId: string
}) {
  const width = props.ratio === null ? 0 : Math.max(0, Math.min(1, props.ratio)) * 100
  return (
    <div className="through" data-testid={props.testId}>
      <div className="through__head">
        <span>{props.label}</span>
        <span className="through__value">{percent(props.ratio)}</span>
      </div>
      <svg
        className="through__bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <rect className="through__track" x="0" y="0" width="100" height="10" rx="2" />
        <rect className="through__fill" x="0" y="0" width={width} height="10" rx="2" />
      </svg>
      <span className="muted through__detail">{props.detail}</span>
    </div>
  )
}

export function SellThrough(props: { report: SaleReport }) {
  const { report } = props
  const money = (minor: number): string => formatMoney(minor, report.currency)
  return (
    <section
      className="panel sell-through"
      aria-labelledby="sell-through-title"
      data-testid="sell-through"
    >
      <h2 id="sell-through-title" className="panel__title">
        Sell-through
      </h2>
      <ThroughBar
        label="By lots"
        ratio={report.sellThroughByLots}
        detail={`${report.lots.sold} sold of ${report.lots.offered} offered`}
        testId="sell-through-lots"
      />
      <ThroughBar
        label="By value"
        ratio={report.sellThroughByValue}
        detail={`${money(report.hammerTotal)} hammer against ${money(report.estimateLowTotal)} low estimates`}
        testId="sell-through-value"
      />
      <dl className="sell-through__estimates">
        <div>
          <dt>Estimates (low–high)</dt>
          <dd>
            {money(report.estimateLowTotal)}–{money(report.estimateHighTotal)}
          </dd>
        </div>
        <div>
          <dt>Above / below estimate</dt>
          <dd>
            {report.aboveEstimate} / {report.belowEstimate}
          </dd>
        </div>
      </dl>
    </section>
  )
}
