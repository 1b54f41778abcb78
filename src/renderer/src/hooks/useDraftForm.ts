// A checked form's state: the draft, its errors (a field's go as soon as it changes), busy
// while sending, and the main side's refusal. `rejected` shows a failed check and moves
// focus to the first field at fault so the keyboard user hears why.
import { useState } from 'react'
import { withoutErrors, type FormErrors } from '../lib/formChecks'

export type Checked<T> = T | { errors: FormErrors }

/** A refusal's words: the message, and the field it names if any. */
export const refusalText = (error: { message: string; field?: string | undefined }): string =>
  `${error.message}${error.field ? ` (${error.field})` : ''}`

export function useDraftForm<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial)
  const [errors, setErrors] = useState<FormErrors>({})
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)

  const change = (patch: Partial<D>): void => {
    setDraft((previous) => ({ ...previous, ...patch }))
    setErrors((previous) => withoutErrors(previous, Object.keys(patch)))
    setServerError(null)
  }

  const rejected = <T extends object>(
    form: HTMLFormElement,
    checked: Checked<T>,
  ): checked is { errors: FormErrors } => {
    setServerError(null)
    if ('errors' in checked) {
      setErrors(checked.errors)
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return true
    }
    setErrors({})
    return false
  }

  /** Runs a send with the form busy. */
  const sending = async <R>(send: () => Promise<R>): Promise<R> => {
    setBusy(true)
    const answer = await send()
    setBusy(false)
    return answer
  }

  return {
    draft,
    setDraft,
    errors,
    busy,
    serverError,
    setServerError,
    change,
    rejected,
    sending,
  }
}
