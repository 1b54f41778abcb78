// Who the session acts as: the operator who signed in on it (auth-commands.ts), never what
// the caller declares; the main side applies what each role may see and do.
import type { OperatorProfile } from '../../shared/contract'
import type { Actor, Auction, Sale } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'

/** Nobody: a room display's session (it reads one sale, redacted, through its wrapper). */
export const ANONYMOUS: Actor = { id: '', staff: false }

export const actorOf = (profile: OperatorProfile | null): Actor =>
  profile ? { id: profile.operatorId, staff: profile.role === 'staff' } : ANONYMOUS

/** The reserve amount only for staff and the auction's seller. */
export function redact(auction: Auction, viewer: Actor): Auction {
  if (viewer.staff || viewer.id === auction.sellerId || auction.reservePrice === null) {
    return auction
  }
  return { ...auction, reservePrice: null }
}

/** The seller's side of a sale's terms (commission, consignor rates, lot fee) likewise. */
export function redactSaleTerms(sale: Sale, viewer: Actor): Sale {
  if (viewer.staff || viewer.id === sale.sellerId || !sale.terms) return sale
  return { ...sale, terms: { ...sale.terms, commissionRate: 0, consignorRates: {}, lotFee: 0 } }
}

/**
 * Who a new auction or sale belongs to: the operator, or for staff the consignor they
 * named. A seller naming someone else is refused (NOT_SELLER).
 */
export function sellerFor(
  profile: OperatorProfile,
  consignor: string | undefined,
): string | Failure {
  if (!consignor || consignor === profile.operatorId) return profile.operatorId
  if (profile.role === 'staff') return consignor
  return fail('NOT_SELLER', 'Only staff create auctions and sales for another seller.', {
    field: 'sellerId',
  })
}

export function requireProfile(profile: OperatorProfile | null): Failure | null {
  return profile ? null : fail('UNAUTHORIZED', 'Sign in first.')
}
