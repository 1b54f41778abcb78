// The register's add form and its edits, checked in full before anything is sent: the
// contract's own schema (src/shared/register.ts) decides every field, the paddle must be
// new to the sale, and a credit limit is an amount in the sale's currency. The main side's
// INVALID_INPUT comes back on the field it names.
import type { CommandInput } from '../../../shared/contract'
import type { CommandError } from '../../../shared/errors'
import { currencyDigits, formatMoney, minorToDecimal, parseAmount } from '../../../shared/money'
import {
  REGISTER_KINDS,
  registerAddSchema,
  type RegisterEntry,
  type RegisterKind,
} from '../../../shared/register'
import { amountHint } from './bidForm'
import type { FormErrors } from './formChecks'

export interface RegisterDraft {
  paddle: string
  name: string
  email: string
  phone: string
  kind: RegisterKind
  approved: boolean
  /** Decimal text in the sale's currency; empty: no limit. */
  limit: string
  notes: string
}

export const emptyRegisterDraft = (): RegisterDraft => ({
  paddle: '',
  name: '',
  email: '',
  phone: '',
  kind: 'floor',
  approved: true,
  limit: '',
  notes: '',
})

export const KIND_LABEL: Record<RegisterKind, string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Online',
  absentee: 'Absentee',
}

export const KINDS = REGISTER_KINDS

/** Numbers in number order (2 before 12), then anything else by text. */
export function byPaddle(a: RegisterEntry, b: RegisterEntry): number {
  return a.paddle.localeCompare(b.paddle, undefined, { numeric: true })
}

/** The words of a schema issue as the form shows them. */
const WORDS: Record<string, string> = {
  paddle: 'A paddle number: letters, digits and . _ : - only.',
  name: 'The bidder’s name is required.',
  email: 'Not an email address (name@example.com).',
  phone: 'Not a phone number (digits, spaces, + ( ) . / -).',
  notes: 'At most 2000 characters.',
}

export type RegisterInput = Omit<CommandInput<'register:add'>, 'saleId'>

/** A credit limit as typed: null for none, minor units, or an error recorded. */
export function checkLimit(text: string, currency: string, errors: FormErrors): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const minor = parseAmount(trimmed, currencyDigits(currency))
  if (minor === null || minor <= 0) {
    errors.limit = `Not a valid limit — ${amountHint(currency)}, or empty for none.`
    return null
  }
  return minor
}

/** The add form: the entry to send, or every field's error. */
export function checkRegisterEntry(
  draft: RegisterDraft,
  currency: string,
  taken: readonly string[],
): { input: RegisterInput } | { errors: FormErrors } {
  const errors: FormErrors = {}
  const limit = checkLimit(draft.limit, currency, errors)
  const candidate = {
    paddle: draft.paddle.trim(),
    name: draft.name,
    email: draft.email,
    phone: draft.phone,
    kind: draft.kind,
    approved: draft.approved,
    limit: limit === null ? null : minorToDecimal(limit, currencyDigits(currency)),
    notes: draft.notes,
  }
  const parsed = registerAddSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'paddle')
      errors[field] ??= WORDS[field] ?? issue.message
    }
  }
  if (!errors.paddle && taken.includes(candidate.paddle)) {
    errors.paddle = `Paddle ${candidate.paddle} is already in this sale’s register.`
  }
  if (Object.keys(errors).length > 0) return { errors }
  return { input: candidate }
}

/** A refusal of the main side on the form: its field, or the form's own line. */
export function refusalOnField(
  error: CommandError,
): { field: string; message: string } | { field: null; message: string } {
  if (error.code === 'PADDLE_TAKEN') {
    return { field: 'paddle', message: 'This paddle is already in the register.' }
  }
  if ((error.code === 'INVALID_INPUT' || error.code === 'INVALID_AMOUNT') && error.field) {
    const field = error.field.replace(/^entries\.\d+\./, '')
    return { field, message: WORDS[field] ?? error.message }
  }
  return { field: null, message: error.message }
}

/** A limit in the sale's currency, or "No limit". */
export function limitWords(limit: number | null, currency: string): string {
  return limit === null ? 'No limit' : formatMoney(limit, currency)
}

/** A limit as the edit field starts: decimal text, empty for none. */
export function limitText(limit: number | null, currency: string): string {
  return limit === null ? '' : minorToDecimal(limit, currencyDigits(currency))
}
