// The parts an invoice and a statement share as printed pages: the head (what the sheet is,
// the sale, its reference, and who it is for) and the table of lots, one money column each,
// whose last column's total is what is due.
import type { ReactNode } from 'react'
import { formatMoney } from '../../../../shared/money'

export function SheetHead(props: {
  kind: string
  title: string
  meta: ReactNode
  partyKind: string
  party: ReactNode
}) {
  return (
    <header className="sheet__head">
      <div>
        <p className="sheet__kind">{props.kind}</p>
        <h2 className="sheet__title">{props.title}</h2>
        <p className="sheet__meta">{props.meta}</p>
      </div>
      <div className="sheet__party">
        <p className="sheet__kind">{props.partyKind}</p>
        {props.party}
      </div>
    </header>
  )
}

export interface SheetColumn<Line> {
  label: string
  amount: (line: Line) => number
  total: number
}

export function SheetLines<Line extends { lotId: string; number: string; title: string }>(props: {
  lines: readonly Line[]
  currency: string
  columns: readonly SheetColumn<Line>[]
  /** The footer's first cell: "3 lots", "3 lots sold". */
  count: string
  /** The test id of the last column's total, the amount due. */
  dueTestId: string
}) {
  const money = (minor: number): string => formatMoney(minor, props.currency)
  const last = props.columns.length - 1
  return (
    <table className="sheet__table">
      <thead>
        <tr>
          <th scope="col">Lot</th>
          <th scope="col">Description</th>
          {props.columns.map((column) => (
            <th scope="col" className="num" key={column.label}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.lines.map((line) => (
          <tr key={line.lotId}>
            <td className="strong">{line.number}</td>
            <td>{line.title}</td>
            {props.columns.map((column) => (
              <td className="num" key={column.label}>
                {money(column.amount(line))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {props.count}
          </th>
          {props.columns.map((column, index) =>
            index === last ? (
              <td className="num sheet__due" data-testid={props.dueTestId} key={column.label}>
                {money(column.total)}
              </td>
            ) : (
              <td className="num" key={column.label}>
                {money(column.total)}
              </td>
            ),
          )}
        </tr>
      </tfoot>
    </table>
  )
}
