// The room display, for the projector: read-only and full screen. The lot number and title,
// the current bid in the sale's currency and, marked indicative, in up to four others; the
// states Fair warning, Sold and Passed. Never the reserve, a maximum or a bidder.
import { useShallow } from 'zustand/react/shallow'
import { formatMoney } from '../../../shared/money'
import { useConsole } from '../context'
import { useSaleWatch } from '../hooks/useSaleCommands'
import { focusLotOf } from '../lib/blockLot'
import { convert } from '../lib/displayRates'
import { phaseOf, PHASE_LABEL, type LotPhase } from '../lib/liveWords'

const NO_LOTS: readonly string[] = []

function amountLabel(phase: LotPhase, bids: number): string {
  if (phase === 'sold') return 'Sold for'
  if (phase === 'passed') return bids > 0 ? 'Highest bid' : 'No bid'
  return bids > 0 ? 'Current bid' : 'Opening at'
}

export function RoomDisplay(props: { saleId: string }) {
  useSaleWatch(props.saleId)
  const sale = useConsole((state) => state.sales[props.saleId])
  const refused = useConsole((state) => state.salesRefused[props.saleId])
  const live = useConsole((state) => state.connection.state === 'live')
  const lotIds = useConsole((state) => state.saleLots[props.saleId]) ?? NO_LOTS
  const lots = useConsole(
    useShallow((state) => lotIds.map((id) => state.auctions[id]).filter((l) => l !== undefined)),
  )
  if (!sale) {
    return (
      <main className="display display--empty" data-testid="room-display">
        <p className="display__wait">{refused ? 'This sale cannot be shown.' : 'Connecting…'}</p>
      </main>
    )
  }
  const lot = sale.status === 'open' ? focusLotOf(lots) : undefined
  if (!lot || lot.lotStatus === 'waiting') {
    return (
      <main className="display display--empty" data-testid="room-display">
        <p className="display__sale">{sale.title}</p>
        <p className="display__wait" data-testid="display-wait">
          {sale.status === 'closed'
            ? 'The sale has ended. Thank you.'
            : 'The sale will begin shortly'}
        </p>
      </main>
    )
  }
  const phase = phaseOf(lot)
  const amount = lot.bidCount > 0 ? lot.currentPrice : lot.askingPrice
  const converted = convert(amount, sale.currency, sale.displayRates)
  return (
    <main
      className={`display display--${phase}${live ? '' : ' display--stale'}`}
      data-testid="room-display"
    >
      <p className="display__sale">{sale.title}</p>
      <p className="display__number" data-testid="display-number">
        Lot {lot.number}
      </p>
      <h1 className="display__title" data-testid="display-title">
        {lot.title}
      </h1>
      <p className="display__label">{amountLabel(phase, lot.bidCount)}</p>
      <p className="display__amount" data-testid="display-amount">
        {formatMoney(amount, sale.currency)}
      </p>
      {converted.length > 0 ? (
        <div className="display__rates" data-testid="display-rates">
          <ul>
            {converted.map((item) => (
              <li key={item.currency}>{item.text}</li>
            ))}
          </ul>
          <p className="display__indicative">indicative</p>
        </div>
      ) : null}
      <p
        className={`display__state display__state--${phase}`}
        data-testid="display-state"
        aria-live="assertive"
      >
        {phase === 'warning' || phase === 'sold' || phase === 'passed' ? PHASE_LABEL[phase] : ''}
      </p>
    </main>
  )
}
