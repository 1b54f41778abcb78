// What a sale's results are computed from: the sale (its full terms), its lots in catalogue
// order and its bidder register. Reads only, with the engine's read helpers.
import type { Cluster, Redis } from 'ioredis'
import type { Lot } from '../../../shared/domain'
import type { RegisterEntry } from '../../../shared/register'
import { NO_TERMS, type SaleTerms } from '../../../shared/settlement'
import { saleKeys } from '../keys'
import { readLots, readSale } from '../reads'

export interface SaleBook {
  saleId: string
  title: string
  currency: string
  status: string
  sellerId: string
  terms: SaleTerms
  /** Every lot, in catalogue order. */
  lots: Lot[]
  /** The register by paddle. */
  register: Map<string, RegisterEntry>
}

/** The sale's book, or null when there is no such sale. */
export async function readSaleBook(
  redis: Redis | Cluster,
  saleId: string,
): Promise<SaleBook | null> {
  // The sale first, then its lots (as every snapshot): a lot is never older than the sale.
  const sale = await readSale(redis, saleId)
  if (!sale) return null
  const [lots, entries] = await Promise.all([
    readLots(redis, saleId, undefined),
    redis.hgetall(saleKeys(saleId).register),
  ])
  if (!lots) return null
  const register = new Map<string, RegisterEntry>()
  for (const [paddle, json] of Object.entries(entries)) {
    register.set(paddle, JSON.parse(json) as RegisterEntry)
  }
  return {
    saleId,
    title: sale.title,
    currency: sale.currency,
    status: sale.status,
    sellerId: sale.sellerId,
    terms: sale.terms ?? NO_TERMS,
    lots,
    register,
  }
}
