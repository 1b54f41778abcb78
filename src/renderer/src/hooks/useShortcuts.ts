// Keyboard shortcuts of a screen (see lib/shortcuts.ts), on the window while it is shown.
// An open dialog takes the keyboard: no shortcut runs behind it.
import { useEffect, useEffectEvent } from 'react'
import { isTyping, KEYS, matches, type KeyDef, type KeyName } from '../lib/shortcuts'

/** Handlers by key name; a missing or undefined one is off (its button is not shown). */
export type ShortcutHandlers = Partial<Record<KeyName, (() => void) | undefined>>

export function useShortcuts(handlers: ShortcutHandlers): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat) return
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return
    for (const [name, run] of Object.entries(handlers)) {
      const def: KeyDef = KEYS[name as KeyName]
      if (!run || !matches(def, event)) continue
      // Alt shortcuts and F-keys work while typing; plain keys are text there.
      if (!def.alt && def.key !== 'F2' && def.key !== 'Escape' && isTyping(event)) continue
      event.preventDefault()
      run()
      return
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
