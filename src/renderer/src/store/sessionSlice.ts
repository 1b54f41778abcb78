// Who is signed in on this console, as the main side says (never self-declared), and what
// the sign-in screen shows before that: still asking, the first account to create, or the
// sign-in form with why the last sign-in ended.
import type { StateCreator } from 'zustand'
import type { OperatorProfile } from '../../../shared/contract'
import type { ConsoleState } from './types'
import { homeRoute } from './uiSlice'

/** Before a sign-in: asking auth:status, the first-launch setup, or the sign-in form. */
export type AuthPhase = 'checking' | 'setup' | 'sign-in'

export interface SessionSlice {
  profile: OperatorProfile | null
  authPhase: AuthPhase
  /** Why the last sign-in ended (session:ended, a sign-out), shown on the sign-in screen. */
  sessionNotice: string | null
  /**
   * Signed in as `profile`: the operator's home screen, or the screen already shown
   * (`keepRoute`: a reload or a link that named one).
   */
  signedIn: (profile: OperatorProfile, keepRoute?: boolean) => void
  /** The sign-in ended: nothing of what that operator saw is kept. */
  signedOut: (notice: string | null) => void
  /** auth:status answered no profile: the first-launch setup or the sign-in form. */
  authKnown: (setupNeeded: boolean, notice?: string) => void
}

export const createSessionSlice: StateCreator<ConsoleState, [], [], SessionSlice> = (set, get) => ({
  profile: null,
  authPhase: 'checking',
  sessionNotice: null,
  signedIn: (profile, keepRoute = false) =>
    set({
      profile,
      authPhase: 'sign-in',
      sessionNotice: null,
      route: keepRoute ? get().route : homeRoute(profile),
    }),
  signedOut: (sessionNotice) =>
    set({
      profile: null,
      authPhase: 'sign-in',
      sessionNotice,
      // What the last operator was shown (a staff view holds reserves) goes with them.
      auctions: {},
      refused: {},
      sales: {},
      saleLots: {},
      salesRefused: {},
      histories: {},
      viewers: {},
      toasts: [],
      endDialog: null,
    }),
  authKnown: (setupNeeded, notice) =>
    set({
      authPhase: setupNeeded ? 'setup' : 'sign-in',
      ...(notice !== undefined ? { sessionNotice: notice } : {}),
    }),
})
