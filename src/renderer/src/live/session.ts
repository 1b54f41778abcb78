// Keeps the store's sign-in in step with the main side: auth:status on start and each
// time the connection becomes live again (a restarted server may have forgotten the
// sign-in), and the session:ended push, which can come at any moment from any console.
import type { AuctionApi, OperatorProfile } from '../../../shared/contract'
import type { ConsoleStore } from '../store'

/** How soon auth:status is asked again when it failed while the connection is live. */
const RETRY_MS = 3000

const ENDED_ELSEWHERE = 'Your sign-in has ended. Sign in again.'

const same = (a: OperatorProfile | null, b: OperatorProfile): boolean =>
  a !== null &&
  a.operatorId === b.operatorId &&
  a.role === b.role &&
  a.displayName === b.displayName

export interface SessionOptions {
  /** The address named a screen: the first sign-in of this page opens it, not home. */
  keepRoute?: boolean
}

export function startSession(
  api: AuctionApi,
  store: ConsoleStore,
  options: SessionOptions = {},
): () => void {
  let stopped = false
  let keepRoute = options.keepRoute ?? false
  let retry: ReturnType<typeof setTimeout> | undefined
  let asking = 0

  async function check(): Promise<void> {
    clearTimeout(retry)
    const ask = ++asking
    const before = store.getState().profile
    const answer = await api.call('auth:status', {}).catch(() => null)
    const state = store.getState()
    // A newer question, or a sign-in or sign-out meanwhile: this answer is out of date.
    if (stopped || ask !== asking || state.profile !== before) return
    if (!answer?.ok) {
      // Not known yet (no connection): asked again when live, or soon if live already.
      if (state.connection.state === 'live') retry = setTimeout(() => void check(), RETRY_MS)
      return
    }
    if (answer.profile) {
      if (!same(state.profile, answer.profile)) state.signedIn(answer.profile, keepRoute)
      keepRoute = false
    } else if (state.profile) {
      state.signedOut(ENDED_ELSEWHERE)
    } else {
      state.authKnown(answer.setupNeeded)
    }
  }

  const unsubscribers = [
    api.on('session:ended', ({ message }) => {
      // Our own sign-out already went back to the sign-in screen with its own words.
      if (store.getState().profile) store.getState().signedOut(message)
      keepRoute = false
    }),
    store.subscribe((state, previous) => {
      if (state.liveEpoch !== previous.liveEpoch) void check()
    }),
  ]
  void check()

  return () => {
    stopped = true
    clearTimeout(retry)
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}
