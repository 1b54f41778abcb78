// The words of sign-in and account forms: the one sign-in failure, a form's check of the
// command's own input schema, and the main side's field errors as a field shows them.
import type { z } from 'zod'
import type { CommandError } from '../../../shared/errors'

/** SIGN_IN_FAILED, whatever was wrong: never which of the two. */
export const SIGN_IN_FAILED_TEXT = 'The operator id or password is not right.'

export type AccountField = 'operatorId' | 'displayName' | 'role' | 'password' | 'confirm'
export type AccountErrors = Partial<Record<AccountField, string>>

const CHECK_WORDS: Record<AccountField, string> = {
  operatorId: 'Letters, digits and . _ : - only (1–64).',
  displayName: 'Enter a name (up to 80 characters).',
  role: 'Choose a role.',
  password: 'Enter a password.',
  confirm: 'The two passwords are not the same.',
}

/** Checks a form's input with the command's schema; errors by field, in plain words. */
export function checkAccount<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { data: T } | { errors: AccountErrors } {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { data: parsed.data }
  const errors: AccountErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if (typeof key === 'string' && key in CHECK_WORDS) {
      errors[key as AccountField] ??= CHECK_WORDS[key as AccountField]
    }
  }
  return { errors }
}

export const confirmError = (): string => CHECK_WORDS.confirm

/**
 * The main side's error as words under its field ("password: from 10 to 200 characters" →
 * "From 10 to 200 characters."), or null when it names no field of the form.
 */
export function fieldErrorOf(error: CommandError): { field: AccountField; text: string } | null {
  const field = error.field === 'id' ? 'operatorId' : error.field
  if (!field || !(field in CHECK_WORDS)) return null
  const bare = error.message.replace(/^[A-Za-z]+:\s*/, '')
  const text = bare.charAt(0).toUpperCase() + bare.slice(1)
  return { field: field as AccountField, text: /[.!?]$/.test(text) ? text : `${text}.` }
}

/** Whole seconds left until `until` (rounded up), 0 once passed. */
export const secondsLeft = (until: number | null, now: number): number =>
  until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000))
