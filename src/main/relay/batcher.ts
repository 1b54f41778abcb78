// Batches the auction events bound for one window or tab: one push per window of a few
// milliseconds instead of one per event, so a burst of bids is one IPC/WebSocket message.
import type { AuctionEvent } from '../../shared/domain'

export class EventBatcher {
  private events: AuctionEvent[] = []
  private readonly seen = new Set<string>()
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly send: (events: AuctionEvent[]) => void,
    private readonly windowMs: number,
  ) {}

  /** Queues an event; the same event heard on two channels (list + auction) goes once. */
  add(event: AuctionEvent): void {
    const key = `${event.auctionId}:${event.seq}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.events.push(event)
    // The timer starts with the first event of a batch: latency stays bounded under load.
    this.timer ??= setTimeout(() => this.flush(), this.windowMs)
  }

  /** Sends what is queued now (before a snapshot, so pushes keep their order). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.events.length === 0) return
    const events = this.events
    this.events = []
    this.seen.clear()
    this.send(events)
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.events = []
    this.seen.clear()
  }
}
