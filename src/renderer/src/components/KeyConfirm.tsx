// A yes/no dialog for the keyboard: the confirm button has the focus, so Enter confirms and
// Esc cancels. An error from the main side shows in it.
import { useState } from 'react'
import { Dialog } from './Dialog'

export function KeyConfirm(props: {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  /** Answers an error in words, or null when done (the dialog closes). */
  onConfirm: () => Promise<string | null>
  onCancel: () => void
  testId?: string
}) {
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const confirm = async (): Promise<void> => {
    if (pending) return
    setPending(true)
    const failed = await props.onConfirm()
    setPending(false)
    if (failed) setError(failed)
  }
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      tone={props.danger ? 'danger' : 'default'}
      testId={props.testId ?? 'key-confirm'}
    >
      <p className="dialog__body">{props.message}</p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted dialog__hint">
        <kbd>Enter</kbd> {props.confirmLabel.toLowerCase()} · <kbd>Esc</kbd> cancel
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
          onClick={() => void confirm()}
          disabled={pending}
          data-autofocus
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
