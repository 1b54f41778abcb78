// One session (a window or tab) watches at most this many auctions and sales together: each
// watch costs the relay a subscription and the scheduler's reads (1,000 of them cost ~239
// Lua calls a second while idle). Here in the API, so IPC and the WebSocket both keep it.
// Twice the console's own need: its list watches up to 100 rows (AuctionList), and on a
// screen change the next screen's watch arrives before the list's unwatches.
import { fail, type Failure } from '../../shared/errors'
import type { CommandContext, SessionState } from './context'

export const MAX_WATCHES = 200

/** TOO_MANY_WATCHES for a new watch past the limit; null to go on (re-watching is free). */
export function watchRefused(
  ctx: CommandContext,
  session: SessionState,
  already: boolean,
): Failure | null {
  if (already || ctx.relay.watchCount(session.id) < MAX_WATCHES) return null
  return fail(
    'TOO_MANY_WATCHES',
    `At most ${MAX_WATCHES} auctions and sales watched at once: stop watching one first.`,
    { limit: MAX_WATCHES },
  )
}
