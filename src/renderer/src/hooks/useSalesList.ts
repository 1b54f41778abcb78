// The sales of some statuses: read when the screen opens, the statuses change or the
// connection comes back, then kept current by the sale list events the feed applies.
import { useEffect, useMemo, useState } from 'react'
import type { Sale, SaleStatus } from '../../../shared/domain'
import { useConsole } from '../context'
import { useSaleCommands } from './useSaleCommands'

export interface SalesList {
  sales: Sale[]
  loading: boolean
  error: string | null
}

/** Sales of these statuses (a seller's own only), without the sales behind single auctions. */
export function useSalesList(statuses: readonly SaleStatus[]): SalesList {
  const commands = useSaleCommands()
  const profile = useConsole((state) => state.profile)
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const all = useConsole((state) => state.sales)
  const [loaded, setLoaded] = useState<{ key: string; error: string | null } | null>(null)
  const sellerId = profile?.role === 'seller' ? profile.operatorId : undefined
  const statusKey = statuses.join(',')
  const loadKey = `${statusKey}|${sellerId ?? ''}|${liveEpoch}`

  useEffect(() => {
    let current = true
    const wanted = statusKey.split(',') as SaleStatus[]
    void commands.loadSales(wanted, sellerId).then((error) => {
      if (current) setLoaded({ key: loadKey, error })
    })
    return () => {
      current = false
    }
  }, [commands, statusKey, sellerId, loadKey])

  const sales = useMemo(() => {
    const wanted = new Set(statusKey.split(','))
    return Object.values(all).filter(
      (sale) =>
        !sale.standalone && wanted.has(sale.status) && (!sellerId || sale.sellerId === sellerId),
    )
  }, [all, statusKey, sellerId])

  return { sales, loading: loaded?.key !== loadKey, error: loaded?.error ?? null }
}
