// A sale's lots in catalogue order. Each row reads its own lot from the store, so an event
// re-renders the row it concerns, not the table. A lot's title opens its room.
import { memo, useState } from 'react'
import { formatMoney } from '../../../../shared/money'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { LotOutcome } from '../../components/LotOutcome'
import { ReserveBadge } from '../../components/ReserveBadge'
import { useConsole } from '../../context'
import { bidderName, formatCount } from '../../lib/format'
import { formatEstimate } from '../../lib/saleFormat'

export interface LotTableProps {
  lotIds: readonly string[]
  /** Staff and the sale's seller see bidder ids in full. */
  fullNames: boolean
  /** A draft sale's lots can be edited and removed. */
  editable: boolean
  onEdit: (lotId: string) => void
  onRemove: (lotId: string) => void
  /** Paddle → the bidder's name from the register (staff and the seller only). */
  names?: ReadonlyMap<string, string>
}

const LotRow = memo(function LotRow(props: Omit<LotTableProps, 'lotIds'> & { lotId: string }) {
  const lot = useConsole((state) => state.auctions[props.lotId])
  const go = useConsole((state) => state.go)
  if (!lot) {
    return (
      <tr data-testid="lot-row">
        <td colSpan={props.editable ? 9 : 8} className="muted">
          Loading lot…
        </td>
      </tr>
    )
  }
  const leader = bidderName(lot.leaderId, props.fullNames)
  return (
    <tr data-testid="lot-row" data-lot-id={lot.id}>
      <td className="num strong" data-testid="lot-number">
        {lot.number}
      </td>
      <td>
        <button
          type="button"
          className="link strong"
          onClick={() => go({ screen: 'room', auctionId: lot.id })}
        >
          {lot.title}
        </button>
      </td>
      <td className="num">{formatEstimate(lot.estimateLow, lot.estimateHigh, lot.currency)}</td>
      <td className="num strong" data-testid="lot-price">
        {formatMoney(lot.currentPrice, lot.currency)}
      </td>
      <td className="num" data-testid="lot-bids">
        {formatCount(lot.bidCount)}
      </td>
      <td data-testid="lot-leader">
        {leader}
        {lot.leaderId && props.names?.get(lot.leaderId) ? (
          <span className="muted"> · {props.names.get(lot.leaderId)}</span>
        ) : null}
      </td>
      <td>
        <ReserveBadge auction={lot} />
      </td>
      <td className="num">
        <LotOutcome lot={lot} fullNames={props.fullNames} />
      </td>
      {props.editable ? (
        <td>
          <div className="actions actions--compact">
            <button type="button" className="button" onClick={() => props.onEdit(lot.id)}>
              Edit
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => props.onRemove(lot.id)}
            >
              Remove
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  )
})

export function LotTable(props: LotTableProps) {
  const { lotIds, ...rowProps } = props
  const [removing, setRemoving] = useState<string | null>(null)
  const removingLot = useConsole((state) => (removing ? state.auctions[removing] : undefined))
  return (
    <>
      <table className="grid" data-testid="lot-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              Lot
            </th>
            <th scope="col">Title</th>
            <th scope="col" className="num">
              Estimate
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Bids
            </th>
            <th scope="col">Leader</th>
            <th scope="col">Reserve</th>
            <th scope="col" className="num">
              Time left / result
            </th>
            {props.editable ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {lotIds.map((lotId) => (
            <LotRow key={lotId} lotId={lotId} {...rowProps} onRemove={setRemoving} />
          ))}
        </tbody>
      </table>
      {removing && removingLot ? (
        <ConfirmDialog
          title={`Remove lot ${removingLot.number}?`}
          message={`"${removingLot.title}" is taken out of the sale.`}
          confirmLabel="Remove lot"
          danger
          onConfirm={() => {
            setRemoving(null)
            props.onRemove(removing)
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </>
  )
}
