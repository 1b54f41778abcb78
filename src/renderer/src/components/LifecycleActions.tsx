// Start, end and cancel (each confirmed) of an auction or a sale, for whoever may act on it:
// the buttons, their keys when `shortcuts` is on, the confirm dialog, and a warning toast
// when a command fails. An `extra` button (Export CSV) shares their busy state.
import { useState } from 'react'
import { useConsole } from '../context'
import { useShortcuts } from '../hooks/useShortcuts'
import type { KeyName } from '../lib/shortcuts'
import { ConfirmDialog } from './ConfirmDialog'
import { Kbd, keyshortcut } from './Kbd'

export type LifecycleAction = 'start' | 'end' | 'cancel'

export interface ActionConfirm {
  title: string
  message: string
  label: string
  danger: boolean
}

/** Runs and answers a problem's words, or null when it went through. */
type Command = () => Promise<string | null>

export function LifecycleActions(props: {
  noun: 'auction' | 'sale'
  title: string
  can: Record<LifecycleAction, boolean>
  confirm: (action: LifecycleAction) => ActionConfirm
  act: (action: LifecycleAction) => Promise<string | null>
  extra?: { name: 'exportCsv'; label: string; run: Command; failure: (problem: string) => string }
  compact?: boolean
  shortcuts?: boolean
}) {
  const { can, compact = false, extra } = props
  const pushToast = useConsole((state) => state.pushToast)
  const [asking, setAsking] = useState<LifecycleAction | null>(null)
  const [busy, setBusy] = useState(false)

  const track = async (command: Command, failure: (problem: string) => string): Promise<void> => {
    setBusy(true)
    const problem = await command()
    setBusy(false)
    if (problem) pushToast({ tone: 'warning', text: failure(problem) })
  }
  const run = (action: LifecycleAction): Promise<void> => {
    setAsking(null)
    return track(
      () => props.act(action),
      (problem) => `Could not ${action} "${props.title}": ${problem}`,
    )
  }
  const onExtra = (): void => {
    if (extra) void track(extra.run, extra.failure)
  }

  const ready = !busy && asking === null
  const when = (allowed: boolean, handler: () => void) =>
    props.shortcuts && allowed && ready ? handler : undefined
  useShortcuts({
    start: when(can.start, () => setAsking('start')),
    end: when(can.end, () => setAsking('end')),
    cancel: when(can.cancel, () => setAsking('cancel')),
    ...(extra ? { [extra.name]: when(true, onExtra) } : {}),
  })
  const key = (name: KeyName) => (props.shortcuts ? <Kbd name={name} /> : null)
  const shortcut = (name: KeyName) => (props.shortcuts ? keyshortcut(name) : undefined)

  const confirm = asking ? props.confirm(asking) : null
  return (
    <div className={`actions ${compact ? 'actions--compact' : ''}`}>
      {can.start ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-keyshortcuts={shortcut('start')}
          onClick={() => setAsking('start')}
        >
          Start {key('start')}
        </button>
      ) : null}
      {can.end ? (
        <button
          type="button"
          className="button button--danger-outline"
          disabled={busy}
          aria-keyshortcuts={shortcut('end')}
          onClick={() => setAsking('end')}
        >
          End now {key('end')}
        </button>
      ) : null}
      {can.cancel ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          aria-label={`Cancel ${props.noun}`}
          aria-keyshortcuts={shortcut('cancel')}
          onClick={() => setAsking('cancel')}
        >
          {compact ? 'Cancel' : `Cancel ${props.noun}`} {key('cancel')}
        </button>
      ) : null}
      {extra ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          aria-keyshortcuts={shortcut(extra.name)}
          onClick={onExtra}
        >
          {extra.label} {key(extra.name)}
        </button>
      ) : null}
      {asking && confirm ? (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.label}
          danger={confirm.danger}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  )
}
