// The held bid history: always a dense run of ids, live bids appended without copying,
// older pages joined below, and a missed stretch never hidden.
import { describe, expect, it } from 'vitest'
import type { BidEntry } from '../../src/shared/domain'
import {
  addLiveBids,
  addPage,
  bidAt,
  emptyHistory,
  newestFirst,
  type BidHistory,
} from '../../src/renderer/src/store/bidList'

const bid = (id: number): BidEntry => ({
  id,
  bidderId: `p${id}`,
  amount: 1000 + id,
  kind: 'manual',
  outcome: 'leading',
  source: 'floor',
  at: id,
  seq: id,
})
/** Ids from `from` down to `to`, newest first, as bids:history answers. */
const page = (from: number, to: number): BidEntry[] => {
  const bids: BidEntry[] = []
  for (let id = from; id >= to; id--) bids.push(bid(id))
  return bids
}
const ids = (history: BidHistory): number[] => newestFirst(history).map((b) => b.id)

describe('bid history', () => {
  it('appends live bids in place while an older state keeps seeing what it saw', () => {
    const first = addPage(emptyHistory(), page(3, 1))
    const second = addLiveBids(first, [bid(4)], 0)
    const third = addLiveBids(second, [bid(6), bid(5), bid(5)], 0)
    expect(ids(first)).toEqual([3, 2, 1])
    expect(ids(second)).toEqual([4, 3, 2, 1])
    expect(ids(third)).toEqual([6, 5, 4, 3, 2, 1])
    expect(third.log).toBe(first.log) // no copy of the whole history per frame
    expect(bidAt(third, 0)?.id).toBe(6)
    expect(third.complete).toBe(true)
  })

  it('drops repeated and older live bids', () => {
    const history = addLiveBids(addPage(emptyHistory(), page(5, 1)), [bid(5), bid(2)], 0)
    expect(ids(history)).toEqual([5, 4, 3, 2, 1])
  })

  it('keeps the newer run after a missed stretch; the rest reloads on demand', () => {
    const history = addLiveBids(addPage(emptyHistory(), page(10, 1)), [bid(13)], 0)
    expect(ids(history)).toEqual([13])
    expect(history.complete).toBe(false)
    const refreshed = addPage(history, page(13, 4))
    expect(ids(refreshed)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4])
    const older = addPage(refreshed, page(3, 1))
    expect(ids(older)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(older.complete).toBe(true)
  })

  it('merges live bids that came before the first page', () => {
    const early = addLiveBids(emptyHistory(), [bid(21)], 0)
    expect(early.complete).toBe(false)
    const history = addPage(early, page(20, 11))
    expect(ids(history)).toEqual([21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11])
    expect(history.loaded).toBe(true)
    expect(history.complete).toBe(false)
  })

  it('an auction without bids is complete at once', () => {
    const history = addPage(emptyHistory(), [])
    expect(history.complete).toBe(true)
    expect(history.count).toBe(0)
  })
})
