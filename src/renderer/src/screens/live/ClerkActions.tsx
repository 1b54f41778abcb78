// The clerk's actions on the lot on the block, each with its key on its button: fair
// warning, sold, pass, undo the last bid, the next lot, and the asking price up, down or split.
import type { ReactNode } from 'react'
import { Kbd, keyshortcut } from '../../components/Kbd'
import type { KeyName } from '../../lib/shortcuts'

export interface ClerkAction {
  name: KeyName
  label: ReactNode
  /** undefined: not possible now (the button is disabled, its key does nothing). */
  run: (() => void) | undefined
  tone?: 'primary' | 'danger' | 'warn'
  testId: string
}

export function ClerkActions(props: { actions: ClerkAction[]; label: string }) {
  return (
    <div className="clerk-actions" role="group" aria-label={props.label}>
      {props.actions.map((action) => (
        <button
          key={action.name}
          type="button"
          className={`button clerk-actions__button${action.tone ? ` button--${action.tone}` : ''}`}
          disabled={!action.run}
          aria-keyshortcuts={keyshortcut(action.name)}
          onClick={action.run}
          data-testid={action.testId}
        >
          {action.label} <Kbd name={action.name} />
        </button>
      ))}
    </div>
  )
}
