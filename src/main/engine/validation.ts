// Validates what a caller asks for before any script runs. Amounts come as decimal text
// typed by a person ("12.50") or as integer minor units (1250).
import { z } from 'zod'
import { fail, type Failure } from '../../shared/errors'
import { currencyDigits, isKnownCurrency, isValidMinor, parseAmount } from '../../shared/money'

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')

export type AmountInput = string | number

// Any JS number passes here (NaN and Infinity too): the amount rules decide, so a malformed
// number is INVALID_AMOUNT like malformed text, not a schema error.
export const amountSchema = z.union([
  z.string(),
  z.custom<number>((value) => typeof value === 'number', 'a decimal text or minor units'),
])
const amount = amountSchema

export const createInputSchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200),
  description: z.string().max(5000).default(''),
  sellerId: idSchema,
  currency: z.string().default('USD'),
  startingPrice: amount,
  reservePrice: amount.nullish(),
  increment: amount.nullish(),
  incrementTable: z
    .union([
      z
        .array(z.object({ from: amount, increment: amount }))
        .min(1)
        .max(50),
      z.literal('standard'),
    ])
    .nullish(),
  startsAt: z.number().int().positive().nullish(),
  endsAt: z.number().int().positive().nullish(),
  durationMs: z
    .number()
    .int()
    .positive()
    .max(366 * 24 * 3600 * 1000)
    .nullish(),
  softCloseSeconds: z.number().int().min(0).max(3600).default(0),
  start: z.boolean().default(false),
  /** A retry with the same request id answers the same auction instead of a second one. */
  requestId: z.string().trim().min(1).max(128).nullish(),
})
export type CreateAuctionInput = z.input<typeof createInputSchema>

/** The first zod issue as an INVALID_INPUT failure naming the field. */
export function invalidInput(error: z.ZodError): Failure {
  const issue = error.issues[0]
  const field = issue?.path.join('.') || undefined
  return fail('INVALID_INPUT', `${field ?? 'input'}: ${issue?.message ?? 'invalid'}`, { field })
}

/** Decimal text or minor units → minor units, or null. */
export function toMinor(value: AmountInput, digits: number): number | null {
  if (typeof value === 'number') return isValidMinor(value) ? value : null
  return parseAmount(value, digits)
}

export interface ValidAuction {
  initial: 'draft' | 'scheduled' | 'start'
  requestId: string
  fields: Record<string, string>
}

/** Minor units of a money field for this currency, or the INVALID_AMOUNT failure naming it. */
export function moneyField(field: string, value: AmountInput, currency: string): number | Failure {
  const minor = toMinor(value, currencyDigits(currency))
  return minor === null
    ? fail('INVALID_AMOUNT', `${field} is not a valid ${currency} amount`, { field })
    : minor
}

/** An optional money field: '' when absent. */
export function optionalMoneyField(
  field: string,
  value: AmountInput | null | undefined,
  currency: string,
): string | Failure {
  if (value === undefined || value === null || value === '') return ''
  const minor = moneyField(field, value, currency)
  return typeof minor === 'number' ? String(minor) : minor
}

export interface IncrementFields {
  increment: string
  incrementTable: string
}

/**
 * A fixed increment or a table of bands, as stored ('' for the one not given). With
 * `optional`, neither is fine (a lot that takes its sale's default); both never are.
 */
export function incrementFields(
  input: {
    increment?: AmountInput | null
    incrementTable?: { from: AmountInput; increment: AmountInput }[] | 'standard' | null
  },
  currency: string,
  optional = false,
): IncrementFields | Failure {
  const hasTable = input.incrementTable !== undefined && input.incrementTable !== null
  const hasIncrement =
    input.increment !== undefined && input.increment !== null && input.increment !== ''
  if (hasTable && hasIncrement) {
    return fail('INVALID_INPUT', 'give either an increment or an increment table', {
      field: 'increment',
    })
  }
  if (!hasTable && !hasIncrement) {
    return optional
      ? { increment: '', incrementTable: '' }
      : fail('INVALID_INPUT', 'give either an increment or an increment table', {
          field: 'increment',
        })
  }
  if (hasIncrement) {
    const step = moneyField('increment', input.increment as AmountInput, currency)
    if (typeof step !== 'number') return step
    if (step <= 0)
      return fail('INVALID_AMOUNT', 'the increment must be above zero', { field: 'increment' })
    return { increment: String(step), incrementTable: '' }
  }
  if (input.incrementTable === 'standard') return { increment: '', incrementTable: 'standard' }
  const bands: { from: number; increment: number }[] = []
  for (const [index, band] of (input.incrementTable ?? []).entries()) {
    const from = moneyField(`incrementTable.${index}.from`, band.from, currency)
    if (typeof from !== 'number') return from
    const step = moneyField(`incrementTable.${index}.increment`, band.increment, currency)
    if (typeof step !== 'number') return step
    const previous = bands[bands.length - 1]
    if (step <= 0 || (index === 0 && from !== 0) || (previous && from <= previous.from)) {
      return fail(
        'INVALID_INPUT',
        'increment bands start at 0, rise strictly and have increments above zero',
        { field: `incrementTable.${index}` },
      )
    }
    bands.push({ from, increment: step })
  }
  return { increment: '', incrementTable: JSON.stringify(bands) }
}

/** Checks a create request; answers the stored fields or the first problem. */
export function validateCreate(raw: unknown): ValidAuction | Failure {
  const parsed = createInputSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const input = parsed.data
  if (!isKnownCurrency(input.currency)) {
    return fail('INVALID_INPUT', `unknown currency ${input.currency}`, { field: 'currency' })
  }
  const currency = input.currency
  const startingPrice = moneyField('startingPrice', input.startingPrice, currency)
  if (typeof startingPrice !== 'number') return startingPrice
  const reservePrice = optionalMoneyField('reservePrice', input.reservePrice, currency)
  if (typeof reservePrice !== 'string') return reservePrice
  const increments = incrementFields(input, currency)
  if ('ok' in increments) return increments

  const hasEnd = input.endsAt !== undefined && input.endsAt !== null
  const hasDuration = input.durationMs !== undefined && input.durationMs !== null
  if (hasEnd === hasDuration) {
    return fail('INVALID_INPUT', 'give either an end time or a duration', { field: 'endsAt' })
  }
  const hasStart = input.startsAt !== undefined && input.startsAt !== null
  if (hasStart && input.start) {
    return fail('INVALID_INPUT', 'an auction starts now or at a time, not both', {
      field: 'startsAt',
    })
  }

  return {
    initial: input.start ? 'start' : hasStart ? 'scheduled' : 'draft',
    requestId: input.requestId ?? '',
    fields: {
      title: input.title,
      description: input.description,
      sellerId: input.sellerId,
      currency,
      digits: String(currencyDigits(currency)),
      startingPrice: String(startingPrice),
      reservePrice,
      ...increments,
      startsAt: hasStart ? String(input.startsAt) : '',
      endsAt: hasEnd ? String(input.endsAt) : '',
      durationMs: hasDuration ? String(input.durationMs) : '',
      softCloseSeconds: String(input.softCloseSeconds),
    },
  }
}
