// One shared clock tick for every countdown on screen (a single interval, not one per row).
import { useSyncExternalStore } from 'react'

const PERIOD_MS = 250
const listeners = new Set<() => void>()
let current = Date.now()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === undefined) {
    current = Date.now()
    timer = setInterval(() => {
      current = Date.now()
      for (const notify of listeners) notify()
    }, PERIOD_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/** Local time, refreshed four times a second while someone shows a countdown. */
export function useLocalNow(): number {
  return useSyncExternalStore(subscribe, () => current)
}
