// The reference model of a sale's register as the bid rules see it: registration and
// approval when the sale requires them, and credit limits. A paddle's exposure is computed
// from the truth — every lot of the sale it bought (hammer plus premium) or leads now
// (price plus premium) — not from the engine's per-paddle bookkeeping, which this checks.
import { premiumOn, type PremiumBand } from '../../src/shared/settlement'
import type { Failure } from '../../src/shared/errors'
import { failure, FLOOR, type LotState } from './lot-rules'

export interface RegisterState {
  required: boolean
  /** Set once the sale requires registration or a paddle has a limit; never cleared. */
  checks: boolean
  bands: PremiumBand[]
  paddles: Map<string, { approved: boolean; limit: number | null }>
}

export const emptyRegister = (): RegisterState => ({
  required: false,
  checks: false,
  bands: [],
  paddles: new Map(),
})

/** What a lot's rules need of its sale for the register (SaleCounter's optional part). */
export interface RegisterView {
  register?: RegisterState
  lots?: LotState[]
}

/** Whether a bid by this bidder is checked against the register. */
export const checked = (sale: RegisterView, bidder: string): boolean =>
  Boolean(sale.register?.checks) && bidder !== FLOOR

/** UNKNOWN_PADDLE / PADDLE_NOT_APPROVED, or the paddle's limit (null: none). */
export function paddleRefusal(
  register: RegisterState,
  paddle: string,
): { failure: Failure } | { limit: number | null } {
  const entry = register.paddles.get(paddle)
  if (register.required && !entry) return { failure: failure('UNKNOWN_PADDLE') }
  if (register.required && entry && !entry.approved) {
    return { failure: failure('PADDLE_NOT_APPROVED') }
  }
  return { limit: entry?.limit ?? null }
}

export function exposureOf(sale: RegisterView, paddle: string, skip: string): number {
  const bands = sale.register?.bands ?? []
  let total = 0
  for (const lot of sale.lots ?? []) {
    if (lot.id === skip) continue
    let amount: number | null = null
    if (lot.lotStatus === 'sold' && lot.result?.winnerId === paddle) amount = lot.result.finalPrice
    else if (lot.lotStatus === 'active' && lot.leaderId === paddle) amount = lot.price
    if (amount !== null) total += amount + premiumOn(amount, bands)
  }
  return total
}

/** The highest price x with x + premium(x) ≤ room (−1 when room < 0). */
export function priceCap(room: number, bands: readonly PremiumBand[]): number {
  if (room < 0) return -1
  let low = 0
  let high = room
  while (low < high) {
    const mid = Math.floor((low + high + 1) / 2)
    if (mid + premiumOn(mid, bands) <= room) low = mid
    else high = mid - 1
  }
  return low
}

/** A paddle's highest price on this lot under its limit and its headroom; null: no limit. */
export function paddleCap(
  sale: RegisterView,
  lot: LotState,
  paddle: string,
  limit: number | null,
  leadingHere: number | null,
): { cap: number; headroom: number } | null {
  if (limit === null) return null
  const bands = sale.register?.bands ?? []
  const others = exposureOf(sale, paddle, lot.id)
  const here = leadingHere === null ? 0 : leadingHere + premiumOn(leadingHere, bands)
  return { cap: priceCap(limit - others, bands), headroom: Math.max(0, limit - others - here) }
}
