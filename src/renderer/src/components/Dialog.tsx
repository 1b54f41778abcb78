// A modal dialog: focus moves in on open, Tab stays inside, Escape closes, and focus
// returns to where it was. Rendered by whoever owns the open state.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function Dialog(props: {
  title: string
  onClose: () => void
  children: ReactNode
  testId?: string
  tone?: 'default' | 'danger'
}) {
  const { onClose } = props
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus]')
    ;(first ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus()
    return () => previous?.focus?.()
  }, [])

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div
        ref={panel}
        className={`dialog dialog--${props.tone ?? 'default'}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
      >
        <h2 id={titleId} className="dialog__title">
          {props.title}
        </h2>
        {props.children}
      </div>
    </div>
  )
}
