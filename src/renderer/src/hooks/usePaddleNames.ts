// Bidder names as this operator may read them: in full for staff and the auction's seller
// (a clerk must read back 301, 1042 or 142 exactly), masked (••42) for anyone else.
import { useCallback } from 'react'
import { useConsole } from '../context'
import { isStaffOrSeller } from '../lib/access'
import { bidderName } from '../lib/format'

export function useFullPaddles(sellerId: string): boolean {
  return useConsole((state) => isStaffOrSeller(state.profile, sellerId))
}

/** The name function for bidders of an auction of this seller. */
export function usePaddleNames(sellerId: string): (bidderId: string | null) => string {
  const full = useFullPaddles(sellerId)
  return useCallback((bidderId: string | null) => bidderName(bidderId, full), [full])
}
