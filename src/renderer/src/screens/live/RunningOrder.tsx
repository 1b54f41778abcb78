// The running order: every lot in catalogue order with where it stands. A waiting or passed
// lot can be offered (passed ones again), a sold or passed one reopened. Keyboard: Alt+O
// comes here, ↑ ↓ move, Enter offers, R reopens.
import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Lot } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { useConsole } from '../../context'
import { leaderName } from '../../lib/liveLot'

export interface RunningOrderHandle {
  focus: () => void
}

const mayOffer = (lot: Lot): boolean => lot.lotStatus === 'waiting' || lot.lotStatus === 'passed'
const mayReopen = (lot: Lot): boolean => lot.lotStatus === 'sold' || lot.lotStatus === 'passed'

function standing(lot: Lot): string {
  const money = (minor: number): string => formatMoney(minor, lot.currency)
  switch (lot.lotStatus) {
    case 'active':
      return 'On the block'
    case 'sold':
      return `Sold ${money(lot.result?.finalPrice ?? lot.currentPrice)} · ${leaderName(lot.result?.winnerId ?? null)}`
    case 'passed':
      return 'Passed'
    case 'withdrawn':
      return 'Withdrawn'
    case 'cancelled':
      return 'Cancelled'
    default:
      return lot.book > 0 ? `Waiting · ${lot.book} in the book` : 'Waiting'
  }
}

export function RunningOrder(props: {
  lotIds: readonly string[]
  ref?: Ref<RunningOrderHandle>
  /** undefined while nothing may be offered (a lot is on the block, the sale is not open). */
  onOffer: ((lot: Lot) => void) | undefined
  onReopen: ((lot: Lot) => void) | undefined
}) {
  const { lotIds, ref, onOffer, onReopen } = props
  const lots = useConsole(
    useShallow((state) => lotIds.map((id) => state.auctions[id]).filter((l) => l !== undefined)),
  )
  const [active, setActive] = useState(0)
  const rows = useRef<(HTMLLIElement | null)[]>([])
  const firstOpen = Math.max(
    0,
    lots.findIndex((lot) => lot.lotStatus === 'active' || lot.lotStatus === 'waiting'),
  )

  const focusRow = (index: number): void => {
    const next = Math.min(Math.max(index, 0), lots.length - 1)
    setActive(next)
    rows.current[next]?.focus()
  }
  useImperativeHandle(ref, () => ({ focus: () => focusRow(firstOpen) }))

  const onKeyDown = (event: KeyboardEvent, index: number, lot: Lot): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      focusRow(index + (event.key === 'ArrowDown' ? 1 : -1))
    } else if (event.key === 'Enter' && onOffer && mayOffer(lot)) {
      event.preventDefault()
      onOffer(lot)
    } else if ((event.key === 'r' || event.key === 'R') && onReopen && mayReopen(lot)) {
      event.preventDefault()
      onReopen(lot)
    }
  }

  return (
    <section className="panel order" aria-label="Running order">
      <h3 className="panel__title">Running order</h3>
      <ol className="order__list" data-testid="running-order">
        {lots.map((lot, index) => (
          <li
            key={lot.id}
            ref={(element) => {
              rows.current[index] = element
            }}
            tabIndex={index === active ? 0 : -1}
            className={`order__row order__row--${lot.lotStatus}`}
            onKeyDown={(event) => onKeyDown(event, index, lot)}
            onFocus={() => setActive(index)}
            aria-label={`Lot ${lot.number}: ${lot.title}. ${standing(lot)}`}
            data-testid="order-row"
            data-lot={lot.number}
          >
            <span className="order__number">{lot.number}</span>
            <span className="order__title">{lot.title}</span>
            <span className="order__standing muted">{standing(lot)}</span>
            <span className="order__actions">
              {onOffer && mayOffer(lot) ? (
                <button
                  type="button"
                  className="button button--quiet"
                  tabIndex={-1}
                  onClick={() => onOffer?.(lot)}
                >
                  {lot.lotStatus === 'passed' ? 'Re-offer' : 'Offer'}
                </button>
              ) : null}
              {onReopen && mayReopen(lot) ? (
                <button
                  type="button"
                  className="button button--quiet"
                  tabIndex={-1}
                  onClick={() => onReopen?.(lot)}
                >
                  Reopen
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
