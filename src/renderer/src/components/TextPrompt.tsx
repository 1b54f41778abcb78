// A one-field dialog driven by the keyboard: type (a reason, a paddle), Enter confirms, Esc
// cancels. The answer is sent by whoever opened it; an error from the main side shows in it
// and the field stays as typed.
import { useId, useState, type FormEvent } from 'react'
import { Dialog } from './Dialog'

export interface TextPromptProps {
  title: string
  message: string
  label: string
  confirmLabel: string
  danger?: boolean
  /** The first answer typed (e.g. a suggested reason). */
  initial?: string
  maxLength?: number
  /** A new password: typed hidden, never trimmed, never suggested from what was typed before. */
  secret?: boolean
  /** Sends the text; answers an error in words, or null when done (the dialog closes). */
  onConfirm: (text: string) => Promise<string | null>
  onCancel: () => void
  testId?: string
}

export function TextPrompt(props: TextPromptProps) {
  const id = useId()
  const [text, setText] = useState(props.initial ?? '')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const value = props.secret ? text : text.trim()
    if (!value) return setError(`Type the ${props.label.toLowerCase()} first.`)
    if (pending) return
    setPending(true)
    const failed = await props.onConfirm(value)
    setPending(false)
    if (failed) setError(failed)
  }

  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      tone={props.danger ? 'danger' : 'default'}
      testId={props.testId ?? 'prompt'}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog__body">{props.message}</p>
        <div className="field">
          <label htmlFor={id}>{props.label}</label>
          <input
            id={id}
            value={text}
            maxLength={props.maxLength ?? 200}
            onChange={(event) => {
              setText(event.target.value)
              setError(null)
            }}
            aria-invalid={error ? true : undefined}
            type={props.secret ? 'password' : 'text'}
            autoComplete={props.secret ? 'new-password' : 'off'}
            spellCheck={false}
            data-autofocus
          />
          {error ? (
            <span className="field__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <p className="muted dialog__hint">
          <kbd>Enter</kbd> {props.confirmLabel.toLowerCase()} · <kbd>Esc</kbd> cancel
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
            disabled={pending}
          >
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
