// The bid history of one auction as the console holds it: newest first, and always a
// dense run of bid ids (ids are positions 1..bidCount), so "load older" is simply
// `before = oldest id` and a missed event can never leave a silent hole.
import type { BidEntry } from '../../../shared/domain'

export interface BidHistory {
  /** Newest first, ids consecutive. */
  bids: BidEntry[]
  /** The first page has arrived. */
  loaded: boolean
  /** A page request is in flight. */
  loading: boolean
  /** The oldest bid (id 1) is held. */
  complete: boolean
  error: string | null
  /** Bid id → local time it arrived live, for the highlight of new entries. */
  freshAt: Record<number, number>
}

export const emptyHistory = (): BidHistory => ({
  bids: [],
  loaded: false,
  loading: false,
  complete: false,
  error: null,
  freshAt: {},
})

const FRESH_MS = 4000

/** Keeps the newest dense run: stops at the first missing id. */
function densePrefix(sorted: BidEntry[]): BidEntry[] {
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as BidEntry).id !== (sorted[i - 1] as BidEntry).id - 1) return sorted.slice(0, i)
  }
  return sorted
}

/** Union of two newest-first lists, newest first, cut at the first hole. */
export function mergeBids(held: BidEntry[], incoming: BidEntry[]): BidEntry[] {
  if (incoming.length === 0) return held
  const ordered = [...incoming].sort((a, b) => b.id - a.id)
  const newest = held[0]?.id
  const oldest = held[held.length - 1]?.id
  const inFirst = ordered[0] as BidEntry
  const inLast = ordered[ordered.length - 1] as BidEntry
  // Fast paths for the two everyday cases: live bids on top, an older page at the bottom.
  if (newest === undefined) return densePrefix(dedupe(ordered))
  if (inLast.id === newest + 1) return densePrefix(dedupe(ordered)).concat(held)
  if (oldest !== undefined && inFirst.id === oldest - 1) return held.concat(densePrefix(ordered))
  const byId = new Map<number, BidEntry>()
  for (const bid of held) byId.set(bid.id, bid)
  for (const bid of ordered) byId.set(bid.id, bid)
  return densePrefix([...byId.values()].sort((a, b) => b.id - a.id))
}

function dedupe(sorted: BidEntry[]): BidEntry[] {
  return sorted.filter((bid, i) => i === 0 || (sorted[i - 1] as BidEntry).id !== bid.id)
}

const isComplete = (bids: BidEntry[]): boolean =>
  bids.length === 0 || (bids[bids.length - 1] as BidEntry).id === 1

/** Live bids from events. Before the first page they are kept and merged later. */
export function addLiveBids(history: BidHistory, bids: BidEntry[], now: number): BidHistory {
  const newest = history.bids[0]?.id ?? 0
  const fresh = bids.filter((bid) => bid.id > newest)
  if (fresh.length === 0) return history
  const freshAt: Record<number, number> = {}
  for (const [id, at] of Object.entries(history.freshAt)) {
    if (now - at < FRESH_MS) freshAt[Number(id)] = at
  }
  for (const bid of fresh) freshAt[bid.id] = now
  const merged = mergeBids(history.bids, fresh)
  return {
    ...history,
    bids: merged,
    freshAt,
    complete: history.loaded && isComplete(merged),
  }
}

/** A page from bids:history (the newest page, or an older one). */
export function addPage(history: BidHistory, page: BidEntry[]): BidHistory {
  const merged = mergeBids(history.bids, page)
  return {
    ...history,
    bids: merged,
    loaded: true,
    loading: false,
    error: null,
    complete: isComplete(merged),
  }
}

export const isFresh = (history: BidHistory, id: number, now: number): boolean => {
  const at = history.freshAt[id]
  return at !== undefined && now - at < FRESH_MS
}
