// Opens scheduled sales and closes timed lots on time. Work is proportional to what is due
// (a sorted-set registry, never a scan). Any number of schedulers may run at once: the
// scripts are idempotent, so exactly one close event goes out per lot. A repair sweep
// re-derives the registries from each live sale, so lots close even when the registry
// writes after a script were lost.
import type { AuctionEngine } from './engine'

export interface SchedulerOptions {
  /** Longest sleep between polls; also the worst-case delay for a new earlier deadline. */
  maxIdleMs?: number
  batch?: number
  /** How often the repair sweep runs. */
  sweepEveryMs?: number
  onError?: (error: unknown) => void
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true
  private lastSweep = 0
  private sweeping: Promise<void> | undefined

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
    return Promise.all([this.running, this.sweeping]).then(() => undefined)
  }

  /** One pass over what is due (and the sweep, when its time has come); answers how long to sleep. */
  async tick(): Promise<number> {
    const maxIdle = this.options.maxIdleMs ?? 50
    const batch = this.options.batch ?? 500
    this.maybeSweep()
    const pass = await this.engine.tickDue(batch)
    // A full batch means more is waiting: go again at once.
    if (pass.acted >= batch || pass.ticked >= batch) return 0
    // Entries that were due but had nothing to do (a lost registry write) must not spin.
    if (pass.ticked > 0 && pass.acted === 0) return Math.min(maxIdle, 10)
    const next = pass.nextDue === null ? Infinity : pass.nextDue - pass.now
    return Math.max(0, Math.min(maxIdle, next))
  }

  /** The sweep runs beside the passes (one at a time), so it never delays a close. */
  private maybeSweep(): void {
    if (this.sweeping || Date.now() - this.lastSweep < (this.options.sweepEveryMs ?? 1000)) return
    this.lastSweep = Date.now()
    this.sweeping = this.engine
      .sweepRegistries()
      .then(
        () => undefined,
        (error: unknown) => {
          if (!this.stopped) this.options.onError?.(error)
        },
      )
      .finally(() => (this.sweeping = undefined))
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
