// Starts scheduled auctions and closes ended ones on time. Work is proportional to what is
// due (sorted-set indices, never a scan). Any number of schedulers may run at once: the
// scripts are idempotent, so exactly one auction_ended is published per auction.
import type { AuctionEngine } from './engine'

export interface SchedulerOptions {
  /** Longest sleep between polls; also the worst-case delay for a new earlier deadline. */
  maxIdleMs?: number
  batch?: number
  onError?: (error: unknown) => void
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true

  constructor(
    private readonly engine: AuctionEngine,
    private readonly options: SchedulerOptions = {},
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(0)
  }

  /** Stops polling; resolves once a pass in flight has finished, so its connection may close. */
  stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    return this.running ?? Promise.resolve()
  }

  /** One pass: start what is due, close what is due; answers how long to sleep. */
  async tick(): Promise<number> {
    const maxIdle = this.options.maxIdleMs ?? 50
    const batch = this.options.batch ?? 500
    const [started, closed] = await Promise.all([
      this.engine.startDue(batch),
      this.engine.closeDue(batch),
    ])
    // A full batch means more is waiting: go again at once.
    if (started.acted >= batch || closed.acted >= batch) return 0
    const next = [started, closed]
      .map((b) => (b.nextDue === null ? Infinity : b.nextDue - b.now))
      .reduce((a, b) => Math.min(a, b), Infinity)
    return Math.max(0, Math.min(maxIdle, next))
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.loop(), delayMs)
  }

  private loop(): Promise<void> {
    if (this.running || this.stopped) return Promise.resolve()
    this.running = this.tick().then(
      (delay) => this.finishPass(delay),
      (error: unknown) => {
        // A pass cut short by stop() (its connection closing) is not a failure.
        if (!this.stopped) this.options.onError?.(error)
        this.finishPass(500)
      },
    )
    return this.running
  }

  private finishPass(delayMs: number): void {
    this.running = undefined
    this.schedule(delayMs)
  }
}
