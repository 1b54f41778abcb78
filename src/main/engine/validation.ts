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
    .array(z.object({ from: amount, increment: amount }))
    .min(1)
    .max(50)
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
  fields: Record<string, string>
}

/** Checks a create request; answers the stored fields or the first problem. */
export function validateCreate(raw: unknown): ValidAuction | Failure {
  const parsed = createInputSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const input = parsed.data
  if (!isKnownCurrency(input.currency)) {
    return fail('INVALID_INPUT', `unknown currency ${input.currency}`, { field: 'currency' })
  }
  const digits = currencyDigits(input.currency)
  const money = (field: string, value: AmountInput): number | Failure => {
    const minor = toMinor(value, digits)
    return minor === null
      ? fail('INVALID_AMOUNT', `${field} is not a valid ${input.currency} amount`, { field })
      : minor
  }

  const startingPrice = money('startingPrice', input.startingPrice)
  if (typeof startingPrice !== 'number') return startingPrice
  let reservePrice: number | null = null
  if (input.reservePrice !== undefined && input.reservePrice !== null) {
    const reserve = money('reservePrice', input.reservePrice)
    if (typeof reserve !== 'number') return reserve
    reservePrice = reserve
  }

  const hasTable = input.incrementTable !== undefined && input.incrementTable !== null
  const hasIncrement = input.increment !== undefined && input.increment !== null
  if (hasTable === hasIncrement) {
    return fail('INVALID_INPUT', 'give either an increment or an increment table', {
      field: 'increment',
    })
  }
  let increment = ''
  let incrementTable = ''
  if (hasIncrement) {
    const step = money('increment', input.increment as AmountInput)
    if (typeof step !== 'number') return step
    if (step <= 0)
      return fail('INVALID_AMOUNT', 'the increment must be above zero', { field: 'increment' })
    increment = String(step)
  } else {
    const bands: { from: number; increment: number }[] = []
    for (const [index, band] of (input.incrementTable ?? []).entries()) {
      const from = money(`incrementTable.${index}.from`, band.from)
      if (typeof from !== 'number') return from
      const step = money(`incrementTable.${index}.increment`, band.increment)
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
    incrementTable = JSON.stringify(bands)
  }

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
    fields: {
      title: input.title,
      description: input.description,
      sellerId: input.sellerId,
      currency: input.currency,
      digits: String(digits),
      startingPrice: String(startingPrice),
      reservePrice: reservePrice === null ? '' : String(reservePrice),
      increment,
      incrementTable,
      startsAt: hasStart ? String(input.startsAt) : '',
      endsAt: hasEnd ? String(input.endsAt) : '',
      durationMs: hasDuration ? String(input.durationMs) : '',
      softCloseSeconds: String(input.softCloseSeconds),
    },
  }
}
