// The contention load, as bidders behave on a hot lot: each client bids the latest price it
// has seen plus one increment, so the clients race for every price step and most lose with
// BID_TOO_LOW. The latest price is shared by the clients of one lot (they watch the same
// lot): an accepted answer's price moves it, and so does a BID_TOO_LOW's minimumBid (the
// asking price), which a client takes as news of the price. Each client alternates between
// two bidder ids of its own, so it never bids against itself as leader. In 'asking' mode every
// bid is `amount: 'asking'`: the engine places it at the asking price when it lands (the
// clerk's floor key).
import { randomUUID } from 'node:crypto'
import { minorToDecimal } from '../../src/shared/money'
import type { BidPlacer } from './bids'
import type { Outcome } from './load'

export type BidMode = 'amount' | 'asking'

/** The fixtures' increment (0.01) and currency digits (USD). */
const INCREMENT_MINOR = 1
const DIGITS = 2

/** One bid per call on `lotId` by client `worker`; the clients share the latest price. */
export function raceCaller(
  placer: BidPlacer,
  lotId: string,
  mode: BidMode,
): (worker: number) => Promise<Outcome> {
  // Unknown at first: the first bid is stale, and its BID_TOO_LOW tells the price.
  let latest = 0
  const turns: number[] = []
  return async (worker) => {
    const turn = turns[worker] ?? 0
    turns[worker] = turn + 1
    const result = await placer.placeBid({
      auctionId: lotId,
      bidderId: `client-${worker}-${turn % 2 === 0 ? 'a' : 'b'}`,
      amount: mode === 'asking' ? 'asking' : minorToDecimal(latest + INCREMENT_MINOR, DIGITS),
      requestId: randomUUID(),
      source: 'online',
    })
    if (result.ok) {
      latest = Math.max(latest, result.price)
      return { ok: true }
    }
    const { code, minimumBid } = result.error
    if (code === 'BID_TOO_LOW' && minimumBid !== undefined) {
      latest = Math.max(latest, minimumBid - INCREMENT_MINOR)
    }
    return { ok: false, code }
  }
}
