// Batches the events bound for one window or tab: at most one push per window of a few
// milliseconds, so a burst of bids is one IPC/WebSocket message. A quiet channel's first
// event goes out at once (once this turn's I/O is handled); only what follows within the
// window waits. A window of 0 sends each turn's events as one push.
import type { AuctionEvent } from '../../shared/domain'

/** Lot events: one per lot and seq (the same event heard on the list and the sale channel). */
const lotKey = (event: { auctionId?: string; seq: number }): string =>
  `${event.auctionId ?? ''}:${event.seq}`

export class EventBatcher<E extends { seq: number } = AuctionEvent> {
  private events: E[] = []
  private readonly seen = new Set<string>()
  /** Cancels the flush that is scheduled, if one is. */
  private cancel: (() => void) | undefined
  private lastSent = -Infinity

  constructor(
    private readonly send: (events: E[]) => void,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
    /** What makes two copies of an event the same one. */
    private readonly keyOf: (event: E) => string = lotKey,
  ) {}

  /** Queues an event; the same event heard on two channels goes once. */
  add(event: E): void {
    const key = this.keyOf(event)
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.events.push(event)
    if (this.cancel) return
    // After this turn's I/O at the earliest (events of one read travel together), one window
    // after the previous push at the latest. setImmediate, not setTimeout(0): a timer waits
    // a whole millisecond.
    const wait = this.lastSent + this.windowMs - this.now()
    if (wait > 0) {
      const timer = setTimeout(() => this.flush(), wait)
      this.cancel = () => clearTimeout(timer)
    } else {
      const immediate = setImmediate(() => this.flush())
      this.cancel = () => clearImmediate(immediate)
    }
  }

  /** Sends what is queued now (before a snapshot, so pushes keep their order). */
  flush(): void {
    this.cancel?.()
    this.cancel = undefined
    if (this.events.length === 0) return
    const events = this.events
    this.events = []
    this.seen.clear()
    this.lastSent = this.now()
    this.send(events)
  }

  close(): void {
    this.cancel?.()
    this.cancel = undefined
    this.events = []
    this.seen.clear()
  }
}
