// One row of the bid history. Memoized in two layers: the cells of a bid never change, so
// they render once; the row itself re-renders only when it moves or its highlight ends.
// The source is each entry's own, as recorded: an automatic (proxy) bid carries the
// source of the maximum it came from.
import { memo } from 'react'
import type { BidEntry } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { bidderName, formatTime } from '../lib/format'

export const ROW_HEIGHT = 30

const SOURCE: Record<BidEntry['source'], string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Online',
  absentee: 'Absentee',
}

const BidCells = memo(function BidCells(props: {
  bid: BidEntry
  currency: string
  fullNames: boolean
}) {
  const { bid, currency } = props
  return (
    <>
      <span role="cell" className="muted">
        {bid.id}
      </span>
      <span role="cell">{formatTime(bid.at)}</span>
      <span role="cell">{bidderName(bid.bidderId, props.fullNames)}</span>
      <span role="cell" className="num strong">
        {formatMoney(bid.amount, currency)}
      </span>
      <span role="cell">{bid.kind === 'auto' ? 'Proxy' : 'Bid'}</span>
      <span role="cell">{SOURCE[bid.source]}</span>
    </>
  )
})

export const BidRow = memo(function BidRow(props: {
  bid: BidEntry
  currency: string
  /** Staff and the seller read paddles in full. */
  fullNames: boolean
  /** Row position from the top, newest first. */
  index: number
  fresh: boolean
  /** aria-rowindex: the header is row 1. */
  rowIndex: number
}) {
  const { bid, index, fresh } = props
  const className = `history__row${fresh ? ' history__row--fresh' : ''}${bid.outcome === 'leading' ? '' : ' history__row--outbid'}`
  return (
    <div
      className={className}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      role="row"
      aria-rowindex={props.rowIndex}
      data-testid="bid-row"
    >
      <BidCells bid={bid} currency={props.currency} fullNames={props.fullNames} />
    </div>
  )
})
