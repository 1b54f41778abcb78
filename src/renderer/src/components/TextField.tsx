// A labelled single-line text input (money is typed as text and parsed strictly).
import type { HTMLAttributes } from 'react'
import { Field } from './Field'

export function TextField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string
  className?: string
  type?: 'text' | 'datetime-local' | 'password'
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  readOnly?: boolean
  maxLength?: number
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} className={props.className}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={props.value}
          readOnly={props.readOnly}
          maxLength={props.maxLength}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
