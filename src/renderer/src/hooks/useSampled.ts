// A store value read at most once per period, rendered as a transition: for views that
// need not move with every event (the price chart), so a burst of 200 events a second
// costs them a couple of renders a second, time-sliced by React, instead of one per frame.
import { startTransition, useEffect, useState } from 'react'
import { useServices } from '../context'
import type { ConsoleState } from '../store'

/** `select` must be stable (module-level or memoized). */
export function useSampled<T>(select: (state: ConsoleState) => T, everyMs: number): T {
  const { store } = useServices()
  const [value, setValue] = useState(() => select(store.getState()))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = 0
    const read = (): void => {
      timer = undefined
      last = Date.now()
      const next = select(store.getState())
      startTransition(() => setValue(() => next))
    }
    read()
    const unsubscribe = store.subscribe(() => {
      timer ??= setTimeout(read, Math.max(0, last + everyMs - Date.now()))
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [store, select, everyMs])
  return value
}
