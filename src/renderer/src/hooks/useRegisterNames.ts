// Bidders' names from the sale's register, for the screens that show paddles to staff and
// the sale's seller ("Paddle 142 · Ann Smith"); nobody else reads the register. Re-read as
// the sale moves on (a register change raises its seq).
import { useMemo } from 'react'
import type { Sale } from '../../../shared/domain'
import { useFullPaddles } from './usePaddleNames'
import { useSaleRead } from './useSaleRead'

const NONE: ReadonlyMap<string, string> = new Map()

/** Paddle → name, for staff and the sale's seller; empty for anyone else. */
export function useRegisterNames(sale: Pick<Sale, 'id' | 'sellerId'>): ReadonlyMap<string, string> {
  const full = useFullPaddles(sale.sellerId)
  const read = useSaleRead(sale.id, 'register:list', full ? { saleId: sale.id } : null)
  const entries = read.data?.entries
  return useMemo(
    () => (entries ? new Map(entries.map((entry) => [entry.paddle, entry.name])) : NONE),
    [entries],
  )
}
