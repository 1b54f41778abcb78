// Writes the global "auctions this bidder bid on" index (bidder:<id>:auctions, scored by the
// auction's end time) outside the bid script, never awaited by the bid. A bidder's repeat
// bid with an unchanged end time would only rewrite the same member and score, so this
// remembers what it has written and skips that round trip: on a busy auction it was half of
// all commands on the bid path (see BENCHMARKS.md).
import type { Cluster, Redis } from 'ioredis'
import { indexKeys } from './keys'

/** Enough for every bidder × auction pair a console sees in a day; oldest forgotten first. */
const REMEMBERED = 50_000

export class BidderIndex {
  private readonly written = new Map<string, number>()

  constructor(private readonly redis: Redis | Cluster) {}

  record(bidderId: string, auctionId: string, score: number): void {
    const pair = `${bidderId} ${auctionId}`
    if (this.written.get(pair) === score) return
    this.redis.zadd(indexKeys.byBidder(bidderId), score, auctionId).then(
      () => this.remember(pair, score),
      () => undefined, // not remembered: the next bid writes it again
    )
  }

  private remember(pair: string, score: number): void {
    this.written.delete(pair) // re-insert so the Map's order is least recently written first
    this.written.set(pair, score)
    if (this.written.size > REMEMBERED) {
      const oldest = this.written.keys().next().value
      if (oldest !== undefined) this.written.delete(oldest)
    }
  }
}
