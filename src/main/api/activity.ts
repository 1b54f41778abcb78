// Staff see who did what to a sale or a lot, and when (SaleActivity, LotActivity); nobody
// else does. Added to single reads only: a list of hundreds stays one read per row.
import type { Actor, Auction, Sale } from '../../shared/domain'
import type { AuctionEngine } from '../engine'

export async function withSaleActivity(
  engine: AuctionEngine,
  viewer: Actor,
  sale: Sale,
): Promise<Sale> {
  if (!viewer.staff) return sale
  const found = await engine.saleActivity(sale.id)
  return found.ok ? { ...sale, activity: found.activity } : sale
}

export async function withLotActivity(
  engine: AuctionEngine,
  viewer: Actor,
  lot: Auction,
): Promise<Auction> {
  if (!viewer.staff) return lot
  const found = await engine.lotActivity(lot.id)
  return found.ok ? { ...lot, activity: found.activity } : lot
}
