// Continuous bidders for the topology fault tests: each bid is unique (its own bidder id and
// request id), bids at the asking price (never stale), and is retried with the same request id
// while the answer says "not now" (REDIS_UNAVAILABLE, NOT_REPLICATED), as a console would.
// Only an `ok` answer counts as acknowledged.
import type { AuctionEngine } from '../../../src/main/engine'
import type { BidEntry } from '../../../src/shared/domain'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Answers that a console retries with the same request id. */
const RETRIED = new Set(['REDIS_UNAVAILABLE', 'NOT_REPLICATED'])

export interface AckedBid {
  client: number
  auctionId: string
  bidderId: string
  requestId: string
  price: number
  /** When the first attempt of the bid was sent, and when it was acknowledged. */
  sentAt: number
  ackedAt: number
  /** When the attempt that was acknowledged was sent. */
  attemptAt: number
}

export interface BidStats {
  acked: AckedBid[]
  /** Retried answers by code, and each distinct detail seen (for the report). */
  retried: Map<string, number>
  details: Map<string, number>
  /** Anything else: an INTERNAL answer or an unexpected refusal. None is expected. */
  unexpected: string[]
}

export const newStats = (): BidStats => ({
  acked: [],
  retried: new Map(),
  details: new Map(),
  unexpected: [],
})

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

/** One bid, retried until acknowledged, refused for good, or `giveUpAt`. */
export async function bidUntilAnswered(
  engine: AuctionEngine,
  stats: BidStats,
  bid: { client: number; auctionId: string; bidderId: string; requestId: string },
  giveUpAt: number,
): Promise<AckedBid | null> {
  const sentAt = Date.now()
  for (;;) {
    const attemptAt = Date.now()
    const answer = await engine.placeBid({ ...bid, amount: 'asking' })
    if (answer.ok) {
      const acked = { ...bid, price: answer.price, sentAt, attemptAt, ackedAt: Date.now() }
      stats.acked.push(acked)
      return acked
    }
    const { code, detail, message } = answer.error
    if (!RETRIED.has(code)) {
      stats.unexpected.push(`${code}: ${message}`)
      return null
    }
    bump(stats.retried, code)
    // Only the head of the cause: ports and slots vary, the kind of refusal does not.
    bump(stats.details, `${code}: ${(detail ?? message).slice(0, 60)}`)
    if (Date.now() > giveUpAt) return null
    await sleep(40)
  }
}

/**
 * `clients` loops, each bidding on the lots in turn until `running()` is false. Each loop's
 * bids are sequential (a client waits for its answer), paced by `paceMs`.
 */
export function bidContinuously(
  engines: AuctionEngine[],
  lots: string[],
  stats: BidStats,
  running: () => boolean,
  paceMs = 10,
  /** Tells this round's request ids from an earlier round's. */
  round = 'c',
): Promise<void> {
  const loops = engines.map(async (engine, client) => {
    for (let n = 0; running(); n++) {
      const id = `${round}${client}-${n}`
      await bidUntilAnswered(
        engine,
        stats,
        {
          client,
          auctionId: lots[(n + client) % lots.length] as string,
          bidderId: `bidder-${id}`,
          requestId: `bid-${id}`,
        },
        Date.now() + 20_000,
      )
      await sleep(paceMs)
    }
  })
  return Promise.all(loops).then(() => undefined)
}

/** A lot's whole bid history, oldest first (the engine pages newest first, 1000 at most). */
export async function fullHistory(engine: AuctionEngine, auctionId: string): Promise<BidEntry[]> {
  const entries: BidEntry[] = []
  let before: number | undefined
  for (;;) {
    const page = await engine.history(auctionId, {
      limit: 1000,
      ...(before === undefined ? {} : { before }),
    })
    if (!page.ok) throw new Error(`history ${auctionId}: ${page.error.code} ${page.error.message}`)
    entries.push(...page.bids)
    const oldest = page.bids[page.bids.length - 1]
    if (!oldest || oldest.id <= 1) break
    before = oldest.id
  }
  return entries.reverse()
}

export interface Consistency {
  lost: AckedBid[]
  /** Bidder ids that appear more than once in one lot's history. */
  duplicated: string[]
  /** Lots whose history prices do not strictly increase. */
  notIncreasing: string[]
  /** History entries nobody was told about (bids answered unavailable but applied). */
  unacknowledged: number
  /** Acknowledged bids found at another price than the one answered. */
  wrongPrice: AckedBid[]
}

/** Compares what was acknowledged with the lots' histories as the store holds them now. */
export async function checkHistories(
  engine: AuctionEngine,
  lots: string[],
  acked: AckedBid[],
): Promise<Consistency> {
  const result: Consistency = {
    lost: [],
    duplicated: [],
    notIncreasing: [],
    unacknowledged: 0,
    wrongPrice: [],
  }
  const ackedBy = new Map(acked.map((bid) => [bid.bidderId, bid]))
  for (const auctionId of lots) {
    const history = await fullHistory(engine, auctionId)
    const seen = new Map<string, BidEntry>()
    for (const [i, entry] of history.entries()) {
      if (seen.has(entry.bidderId)) result.duplicated.push(entry.bidderId)
      seen.set(entry.bidderId, entry)
      const previous = history[i - 1]
      if (previous && entry.amount <= previous.amount) result.notIncreasing.push(auctionId)
      if (!ackedBy.has(entry.bidderId)) result.unacknowledged++
    }
    for (const bid of acked) {
      if (bid.auctionId !== auctionId) continue
      const entry = seen.get(bid.bidderId)
      if (!entry) result.lost.push(bid)
      else if (entry.amount !== bid.price) result.wrongPrice.push(bid)
    }
  }
  return result
}
