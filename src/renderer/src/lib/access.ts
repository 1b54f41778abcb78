// What an operator may see and do, as the console shows it (the main side enforces it).
import type { OperatorProfile } from '../../../shared/contract'

/** Staff and the seller of this auction or sale: full paddles, its actions and results. */
export function isStaffOrSeller(profile: OperatorProfile | null, sellerId: string): boolean {
  return profile?.role === 'staff' || (profile !== null && profile.operatorId === sellerId)
}
