// Coalesces a burst of pushes into one store update per animation frame: at 200 events
// a second the store (and React) changes at most once per frame, never once per event.
export type FrameScheduler = (run: () => void) => void

/** The next animation frame, or 100 ms when frames are not running (a hidden tab). */
export const animationFrame: FrameScheduler = (run) => {
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    clearTimeout(timer)
    cancelAnimationFrame(frame)
    run()
  }
  const frame = requestAnimationFrame(once)
  const timer = setTimeout(once, 100)
}

export interface FrameBuffer<T> {
  push: (item: T) => void
  /** Flushes what is buffered now (used when stopping). */
  flushNow: () => void
}

export function createFrameBuffer<T>(
  flush: (items: T[]) => void,
  schedule: FrameScheduler = animationFrame,
): FrameBuffer<T> {
  let items: T[] = []
  let scheduled = false
  const run = (): void => {
    scheduled = false
    if (items.length === 0) return
    const batch = items
    items = []
    flush(batch)
  }
  return {
    push: (item) => {
      items.push(item)
      if (!scheduled) {
        scheduled = true
        schedule(run)
      }
    },
    flushNow: run,
  }
}
