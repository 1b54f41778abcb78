// Windowing for a list of equal-height rows: which rows are in view (plus overscan).
// O(1) per render whatever the count (a general virtualizer rebuilds a measurement per
// row whenever the count changes: 50,000 objects a frame at 200 bids a second), and it
// never reads layout during a React commit: the viewport height comes from a
// ResizeObserver and the scroll position from scroll events, so no forced reflow.
import { useEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** First row to render. */
  start: number
  /** One past the last row to render. */
  end: number
  /** Height of the whole list, for the scroll space. */
  totalHeight: number
}

interface View {
  /** First row at the top of the viewport. */
  first: number
  height: number
}

export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  // Before the first observation: the window height is a safe over-estimate.
  const [view, setView] = useState<View>(() => ({
    first: 0,
    height: typeof window === 'undefined' ? 600 : window.innerHeight,
  }))

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const update = (height?: number): void => {
      const first = Math.floor(element.scrollTop / rowHeight)
      setView((view) =>
        view.first === first && (height === undefined || view.height === height)
          ? view
          : { first, height: height ?? view.height },
      )
    }
    const onScroll = (): void => update()
    element.addEventListener('scroll', onScroll, { passive: true })
    // jsdom has no ResizeObserver: the initial estimate stays.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const height = entries[entries.length - 1]?.contentRect.height
            if (height) update(height)
          })
    observer?.observe(element)
    return () => {
      element.removeEventListener('scroll', onScroll)
      observer?.disconnect()
    }
  }, [scroller, rowHeight])

  const visible = Math.ceil(view.height / rowHeight) + 1
  const start = Math.max(0, Math.min(view.first, count - 1) - overscan)
  const end = Math.min(count, view.first + visible + overscan)
  return { start, end: Math.max(start, end), totalHeight: count * rowHeight }
}
