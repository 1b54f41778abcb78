// Writes the global "what this bidder bid on" registries outside the bid script, never
// awaited by the bid: the auctions (a standalone auction, scored by its end time) and the
// sales (a sale with lots, once per bidder and sale). A repeat would only rewrite the same
// member and score, so this remembers what it has written and skips that round trip: on a
// busy lot it was half of all commands on the bid path (see BENCHMARKS.md).
import type { Registry } from './registry'

/** Enough for every bidder × lot pair a console sees in a day; oldest forgotten first. */
const REMEMBERED = 50_000

export class BidderIndex {
  private readonly written = new Map<string, number>()

  constructor(private readonly registry: Registry) {}

  record(bidderId: string, saleId: string, lotId: string, score: number): void {
    const standalone = lotId === saleId
    const pair = `${bidderId} ${standalone ? lotId : saleId}`
    if (standalone ? this.written.get(pair) === score : this.written.has(pair)) return
    this.registry.recordBidder(bidderId, saleId, standalone, score).then(
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
