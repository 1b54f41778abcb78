// The bid history of one auction as the console holds it: always a dense run of bid ids
// (ids are positions 1..bidCount), so "load older" is simply `before = oldest id` and a
// missed event can never leave a silent hole.
//
// Stored oldest first in an append-only log shared between successive states: a state
// reads only log[0, count), so appending live bids in place never changes what an older
// state sees, and 200 bids a second cost O(new bids), not a copy of 50,000 per frame.
import type { BidEntry } from '../../../shared/domain'

export interface BidHistory {
  /** Oldest first, ids consecutive. Append-only: read only the first `count` entries. */
  log: BidEntry[]
  count: number
  /** The first page has arrived. */
  loaded: boolean
  /** A page request is in flight. */
  loading: boolean
  /** The oldest bid (id 1) is held. */
  complete: boolean
  error: string | null
  /**
   * Live arrivals, oldest first: bids from `fromId` on arrived at local time `at` (ids rise
   * with arrival, so one entry per frame is enough), for the highlight of new entries.
   */
  arrivals: { fromId: number; at: number }[]
}

export const emptyHistory = (): BidHistory => ({
  log: [],
  count: 0,
  loaded: false,
  loading: false,
  complete: false,
  error: null,
  arrivals: [],
})

const FRESH_MS = 4000

export const newestId = (history: BidHistory): number =>
  history.count > 0 ? (history.log[history.count - 1] as BidEntry).id : 0

export const oldestId = (history: BidHistory): number =>
  history.count > 0 ? (history.log[0] as BidEntry).id : 0

/** Row `index` counted from the newest bid. */
export const bidAt = (history: BidHistory, index: number): BidEntry | undefined =>
  index < history.count ? history.log[history.count - 1 - index] : undefined

/** A copy, newest first (tests, exports). */
export const newestFirst = (history: BidHistory): BidEntry[] =>
  history.log.slice(0, history.count).reverse()

/** Sorted oldest first, without repeated ids. */
function ascending(bids: readonly BidEntry[]): BidEntry[] {
  const sorted = [...bids].sort((a, b) => a.id - b.id)
  return sorted.filter((bid, i) => i === 0 || (sorted[i - 1] as BidEntry).id !== bid.id)
}

/** Keeps the newest dense run: everything older than the last missing id goes. */
function denseSuffix(asc: BidEntry[]): BidEntry[] {
  for (let i = asc.length - 1; i > 0; i--) {
    if ((asc[i - 1] as BidEntry).id !== (asc[i] as BidEntry).id - 1) return asc.slice(i)
  }
  return asc
}

/** The union of what is held and `incoming`, as a new log (the general, rarer case). */
function merged(history: BidHistory, incoming: BidEntry[]): BidEntry[] {
  const byId = new Map<number, BidEntry>()
  for (let i = 0; i < history.count; i++)
    byId.set((history.log[i] as BidEntry).id, history.log[i] as BidEntry)
  for (const bid of incoming) byId.set(bid.id, bid)
  return denseSuffix(ascending([...byId.values()]))
}

const isComplete = (log: BidEntry[], count: number): boolean =>
  count === 0 || (log[0] as BidEntry).id === 1

/** Live bids from events. Before the first page they are kept and merged later. */
export function addLiveBids(
  history: BidHistory,
  bids: readonly BidEntry[],
  now: number,
): BidHistory {
  const newest = newestId(history)
  const fresh = denseSuffix(ascending(bids.filter((bid) => bid.id > newest)))
  const first = fresh[0]
  if (!first) return history
  let log: BidEntry[]
  if (history.count > 0 && first.id === newest + 1) {
    // The everyday case: append in place (or to a copy if this log was appended past us).
    log = history.log.length === history.count ? history.log : history.log.slice(0, history.count)
    log.push(...fresh)
  } else {
    // Nothing held yet, or a jump past what we hold: the newer run wins, older pages reload.
    log = fresh
  }
  const arrivals = history.arrivals.filter((arrival) => now - arrival.at < FRESH_MS)
  arrivals.push({ fromId: first.id, at: now })
  return {
    ...history,
    log,
    count: log.length,
    arrivals,
    complete: history.loaded && isComplete(log, log.length),
  }
}

/** A page from bids:history (the newest page, or an older one), newest first as it comes. */
export function addPage(history: BidHistory, page: readonly BidEntry[]): BidHistory {
  const asc = ascending(page)
  const last = asc[asc.length - 1]
  let log: BidEntry[]
  if (history.count > 0 && last && last.id === oldestId(history) - 1) {
    log = denseSuffix(asc).concat(history.log.slice(0, history.count))
  } else {
    log = merged(history, asc)
  }
  return {
    ...history,
    log,
    count: log.length,
    loaded: true,
    loading: false,
    error: null,
    complete: isComplete(log, log.length),
  }
}

/** True for a bid that arrived live (in an event), not with a page of the history. */
export const arrivedLive = (history: BidHistory, id: number): boolean =>
  history.arrivals.some((arrival) => arrival.fromId <= id)

export function isFresh(history: BidHistory, id: number, now: number): boolean {
  for (let i = history.arrivals.length - 1; i >= 0; i--) {
    const arrival = history.arrivals[i] as { fromId: number; at: number }
    if (arrival.fromId <= id) return now - arrival.at < FRESH_MS
  }
  return false
}

/** Entries staff retracted (`lots:retract`): kept in the history, marked (a rare copy). */
export function markRetracted(
  history: BidHistory,
  ids: readonly number[],
  retracted: NonNullable<BidEntry['retracted']>,
): BidHistory {
  const wanted = new Set(ids)
  const marked = (bid: BidEntry): boolean => wanted.has(bid.id) && !bid.retracted
  if (!history.log.slice(0, history.count).some(marked)) return history
  const log = history.log
    .slice(0, history.count)
    .map((bid) => (marked(bid) ? { ...bid, retracted } : bid))
  return { ...history, log }
}
