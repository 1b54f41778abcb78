// A shortcut's key as shown on its button. Hidden from the accessible name: the button
// carries aria-keyshortcuts instead, so "End now" stays "End now" to a screen reader.
import { KEYS, type KeyName } from '../lib/shortcuts'

export function Kbd(props: { name: KeyName }) {
  return <kbd aria-hidden="true">{KEYS[props.name].label}</kbd>
}

/** aria-keyshortcuts for a button: "Alt+E", "F2", "Alt+ArrowUp", "Space". */
export const keyshortcut = (name: KeyName): string =>
  KEYS[name].label.replace('Esc', 'Escape').replace('↑', 'ArrowUp').replace('↓', 'ArrowDown')
