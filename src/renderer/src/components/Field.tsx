// A labelled form field with its error tied to the control for screen readers.
import { useId, type ReactNode } from 'react'

export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

export function Field(props: {
  label: string
  error?: string | undefined
  hint?: string
  className?: string
  children: (control: ControlProps) => ReactNode
}) {
  const id = useId()
  const described = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="field__error" id={`${id}-error`} role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  )
}
