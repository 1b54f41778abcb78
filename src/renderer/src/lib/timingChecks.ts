// The timing part of the create forms: a start at a time, and a close after a number of
// minutes or at a time after the start.
import { MAX_MINUTES, parseLocalDateTime, wholeNumber, type FormErrors } from './formChecks'

/** The start time when the draft opens at a time (it must be in the future). */
export function checkStartsAt(
  draft: { startMode: string; startsAt: string },
  serverNow: number,
  errors: FormErrors,
): number | undefined {
  if (draft.startMode !== 'at') return undefined
  const at = parseLocalDateTime(draft.startsAt)
  if (at === null) errors.startsAt = 'Enter a start date and time.'
  else if (at <= serverNow) errors.startsAt = 'The start must be in the future.'
  else return at
  return undefined
}

/** What a close is called in its errors, and the draft field that holds its time. */
export interface CloseWords {
  field: string
  /** "an end", "the first close" */
  missing: string
  /** "The end", "The first close" */
  subject: string
}

/** A close after `durationMinutes`, or at the time in `atText` after the start (or now). */
export function checkClose(
  draft: { mode: 'duration' | 'at'; durationMinutes: string; atText: string },
  words: CloseWords,
  startsAt: number | undefined,
  serverNow: number,
  errors: FormErrors,
): { durationMs?: number; at?: number } {
  if (draft.mode === 'duration') {
    const minutes = wholeNumber(draft.durationMinutes, 1, MAX_MINUTES)
    if (minutes === null) errors.durationMinutes = `A whole number of minutes, 1 to ${MAX_MINUTES}.`
    else return { durationMs: minutes * 60_000 }
    return {}
  }
  const at = parseLocalDateTime(draft.atText)
  if (at === null) errors[words.field] = `Enter ${words.missing} date and time.`
  else if (at <= (startsAt ?? serverNow)) {
    errors[words.field] = startsAt
      ? `${words.subject} must be after the start.`
      : `${words.subject} must be in the future.`
  } else return { at }
  return {}
}
