// Sales by id and the lots of the sales we show (ids in catalogue order; the lots
// themselves live with the auctions, so a lot's room and its sale page share one state).
import type { StateCreator } from 'zustand'
import type { Lot, Sale } from '../../../shared/domain'
import type { CommandError } from '../../../shared/errors'
import { takeSnapshot } from './applyEvent'
import { catalogueOrder, takeSaleSnapshot } from './saleRules'
import type { ConsoleState } from './types'

export interface SalesSlice {
  sales: Record<string, Sale>
  saleLots: Record<string, string[]>
  /** Sales the main side would not give us (SALE_NOT_FOUND), so a page can say so. */
  salesRefused: Record<string, CommandError>
  /** Fresh reads (lists, command answers), never going back in seq. */
  upsertSales: (list: Sale[]) => void
  saleRefused: (saleId: string, error: CommandError) => void
  /** Lots a command answered (added, edited, imported): held and placed in catalogue order. */
  mergeSaleLots: (saleId: string, lots: Lot[]) => void
  dropSaleLot: (saleId: string, lotId: string) => void
}

export const createSalesSlice: StateCreator<ConsoleState, [], [], SalesSlice> = (set, get) => ({
  sales: {},
  saleLots: {},
  salesRefused: {},
  upsertSales: (list) => {
    if (list.length === 0) return
    const sales = { ...get().sales }
    for (const sale of list) sales[sale.id] = takeSaleSnapshot(sales[sale.id], sale)
    set({ sales })
  },
  saleRefused: (saleId, error) => set({ salesRefused: { ...get().salesRefused, [saleId]: error } }),
  mergeSaleLots: (saleId, lots) => {
    const auctions = { ...get().auctions }
    for (const lot of lots) auctions[lot.id] = takeSnapshot(auctions[lot.id], lot)
    const ids = new Set([...(get().saleLots[saleId] ?? []), ...lots.map((lot) => lot.id)])
    const held = [...ids].map((id) => auctions[id]).filter((lot) => lot !== undefined)
    set({ auctions, saleLots: { ...get().saleLots, [saleId]: catalogueOrder(held) } })
  },
  dropSaleLot: (saleId, lotId) => {
    const ids = get().saleLots[saleId]
    if (ids) set({ saleLots: { ...get().saleLots, [saleId]: ids.filter((id) => id !== lotId) } })
  },
})
