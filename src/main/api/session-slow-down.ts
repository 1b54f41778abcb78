// Failed sign-ins on one session (one window or tab) are slowed down here, beside the
// account's own slow-down in Redis: a session guessing across many ids is held back too.
// From the third failure each one refuses further attempts, unchecked, for 2^(n-3) s, at
// most a minute; a success forgets them.

const FREE_FAILURES = 3
const MAX_WAIT_MS = 60_000

export interface SignInAttempts {
  signInFailures: number
  signInBlockedUntil: number
}

/** How long this session must still wait (ms), or 0. */
export const sessionWaitMs = (session: SignInAttempts, now = Date.now()): number =>
  Math.max(0, session.signInBlockedUntil - now)

/** Counts a failure; answers the wait it imposes (ms), or 0. */
export function sessionFailed(session: SignInAttempts, now = Date.now()): number {
  session.signInFailures += 1
  if (session.signInFailures < FREE_FAILURES) return 0
  const wait = Math.min(
    MAX_WAIT_MS,
    1000 * 2 ** Math.min(session.signInFailures - FREE_FAILURES, 10),
  )
  session.signInBlockedUntil = now + wait
  return wait
}

export function sessionSucceeded(session: SignInAttempts): void {
  session.signInFailures = 0
  session.signInBlockedUntil = 0
}
