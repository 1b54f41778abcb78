// The sale and lot commands for components (see live/saleCommands.ts), and a sale watch
// for as long as a screen shows the sale.
import { useEffect, useMemo } from 'react'
import { useServices } from '../context'
import { createSaleCommands, type SaleCommands } from '../live/saleCommands'

export function useSaleCommands(): SaleCommands {
  const { api, store } = useServices()
  return useMemo(() => createSaleCommands(api, store), [api, store])
}

/** Watches every event of the sale while mounted (the snapshot comes with the watch). */
export function useSaleWatch(saleId: string): void {
  const { feed } = useServices()
  useEffect(() => feed.sales.watch(saleId), [feed, saleId])
}
