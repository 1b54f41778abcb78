// A list screen's status tabs: one tab stop, the arrow keys move between tabs. `ids` is the
// screen's useId: tab `${ids}-tab-${tab}` controls the panel `${ids}-panel`.
import { useRef, type KeyboardEvent } from 'react'

export function ListTabs<T extends string>(props: {
  ids: string
  label: string
  tabs: readonly { tab: T; label: string }[]
  current: T
  select: (tab: T) => void
}) {
  const { ids, tabs, current, select } = props
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([])

  const onTabKey = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = (index + step + tabs.length) % tabs.length
    const tab = tabs[next]
    if (tab) select(tab.tab)
    tabRefs.current[next]?.focus()
  }

  return (
    <div role="tablist" aria-label={props.label} className="tabs">
      {tabs.map((t, index) => (
        <button
          key={t.tab}
          ref={(el) => {
            tabRefs.current[index] = el
          }}
          type="button"
          role="tab"
          id={`${ids}-tab-${t.tab}`}
          aria-selected={current === t.tab}
          aria-controls={`${ids}-panel`}
          tabIndex={current === t.tab ? 0 : -1}
          className="tabs__tab"
          onClick={() => select(t.tab)}
          onKeyDown={(event) => onTabKey(event, index)}
        >
          {t.label}
        </button>
      ))}
    </div>
  )
}
