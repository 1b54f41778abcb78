// The seller panel's sales: create one (then add its lots on its page), and the sales of
// this seller (staff: all) with their results and the Start / End / Cancel actions.
import { useEffect, useMemo, useState } from 'react'
import type { Sale, SaleStatus } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { SaleActions } from '../../components/SaleActions'
import { SaleTitleLink } from '../../components/SaleTitleLink'
import { ModeBadge, SaleStatusBadge } from '../../components/SaleStatusBadge'
import { useConsole } from '../../context'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { useSalesList } from '../../hooks/useSalesList'
import { CreateSaleForm } from '../create/CreateSaleForm'

const ALL: SaleStatus[] = ['open', 'scheduled', 'draft', 'closed', 'cancelled']
const ORDER: Record<SaleStatus, number> = {
  open: 0,
  scheduled: 1,
  draft: 2,
  closed: 3,
  cancelled: 4,
}

/** Sold and passed lots, and the hammer total (read again whenever a lot sells). */
function SaleResultCell({ sale }: { sale: Sale }) {
  const commands = useSaleCommands()
  const sold = sale.lotCounts.sold
  const [total, setTotal] = useState<{ sold: number; minor: number | null } | null>(null)
  useEffect(() => {
    if (sold === 0) return
    let current = true
    void commands.hammerTotal(sale.id).then((minor) => {
      if (current) setTotal({ sold, minor })
    })
    return () => {
      current = false
    }
  }, [commands, sale.id, sold])
  if (sale.status === 'draft' || sale.status === 'scheduled')
    return <span className="muted">—</span>
  const hammer = sold === 0 ? 0 : total?.sold === sold && total.minor !== null ? total.minor : null
  return (
    <span data-testid="seller-sale-result">
      {sold} sold · {sale.lotCounts.passed} passed
      {hammer !== null ? ` · ${formatMoney(hammer, sale.currency)}` : ''}
    </span>
  )
}

export function SellerSales(props: { sellerId: string | undefined }) {
  const go = useConsole((state) => state.go)
  const { sales, error } = useSalesList(ALL)
  const rows = useMemo(
    () => [...sales].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt - a.createdAt),
    [sales],
  )
  return (
    <div className="seller__body">
      <section className="panel">
        <CreateSaleForm onCreated={(saleId) => go({ screen: 'sale', saleId })} />
      </section>
      <section className="panel panel--flush" aria-labelledby="my-sales-title">
        <h2 id="my-sales-title" className="panel__title">
          {props.sellerId ? 'My sales' : 'Sales'}
        </h2>
        {error ? <p className="field__error">Could not load: {error}</p> : null}
        <table className="grid" data-testid="seller-sales">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Mode</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Lots
              </th>
              <th scope="col">Results</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((sale) => (
              <tr key={sale.id} data-testid="seller-sale-row" data-sale-id={sale.id}>
                <td>
                  <SaleTitleLink sale={sale} />
                </td>
                <td>
                  <ModeBadge mode={sale.mode} />
                </td>
                <td>
                  <SaleStatusBadge status={sale.status} />
                </td>
                <td className="num">{sale.lotCount}</td>
                <td>
                  <SaleResultCell sale={sale} />
                </td>
                <td>
                  <SaleActions sale={sale} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && !error ? <p className="empty">No sales yet: create one.</p> : null}
      </section>
    </div>
  )
}
