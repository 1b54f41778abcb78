// Command-line parsing: node:util parseArgs for the shape, zod for the values.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { z } from 'zod'
import { UsageError } from './output'

type Options = NonNullable<ParseArgsConfig['options']>

export interface Parsed {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
}

/** `--amount -5` would read as an unknown flag -5: bind it, so the amount check can reject the sign. */
function bindNegativeValues(args: string[], options: Options): string[] {
  const bound: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const next = args[i + 1]
    const flag = arg.startsWith('--') ? options[arg.slice(2)] : undefined
    if (flag?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      bound.push(`${arg}=${next}`)
      i++
    } else bound.push(arg)
  }
  return bound
}

export function parse(args: string[], options: Options, positionals: number): Parsed {
  let parsed
  try {
    parsed = parseArgs({
      args: bindNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0
        ? 'this command takes no positional argument'
        : `expected ${positionals} positional argument(s)`,
    )
  }
  return { positionals: parsed.positionals, values: parsed.values as Parsed['values'] }
}

/** Validates one option with zod; the failure names the flag. */
export function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new UsageError(`--${flag}: ${result.error.issues[0]?.message ?? 'invalid'}`, flag)
  }
  return result.data
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** "90s", "15m", "2h", "1h30m", "0s" → milliseconds. */
const durationTextSchema = z
  .string()
  .regex(/^(\d+(ms|s|m|h|d))+$/, 'a duration such as 90s, 15m, 2h or 1h30m')
  .transform((text) => {
    let total = 0
    for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
      total += Number(amount) * (UNITS[unit as string] as number)
    }
    return total
  })

export const durationSchema = durationTextSchema.refine((ms) => ms > 0, 'must be longer than zero')

/** A spacing in seconds, fractions allowed ("500ms" → 0.5); zero is a real choice here. */
export const intervalSecondsSchema = durationTextSchema.transform((ms) => ms / 1000)

/** A soft close in whole seconds. */
export const softCloseSchema = durationSchema
  .refine((ms) => ms % 1000 === 0, 'whole seconds')
  .transform((ms) => ms / 1000)

/** `--increment-table JSON`: numbers are minor units, strings decimal text. */
export const bandsSchema = z
  .string()
  .transform((text, ctx) => {
    // The standard auctioneer's ladder, by name.
    if (text === 'standard') return text as unknown
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' })
      return z.NEVER
    }
  })
  .pipe(
    z.union([
      z
        .array(
          z.object({
            from: z.union([z.number(), z.string()]),
            increment: z.union([z.number(), z.string()]),
          }),
        )
        .min(1, 'at least one band'),
      z.literal('standard'),
    ]),
  )

/** An ISO 8601 date-time with a time zone, → epoch milliseconds. */
export const isoTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'an ISO 8601 time with a zone, e.g. 2026-12-01T18:00:00Z',
  )
  .transform((text) => Date.parse(text))
  .refine((ms) => Number.isFinite(ms), 'not a real date')

/** Reads flags by name: a required one's absence and a bad value both name the flag. */
export function flagReader(values: Parsed['values']) {
  const text = (flag: string): string | undefined => {
    const value = values[flag]
    return typeof value === 'string' ? value : undefined
  }
  return {
    text,
    required: (flag: string): string => {
      const value = text(flag)
      if (value === undefined) throw new UsageError(`--${flag} is required`, flag)
      return value
    },
    optional: <T>(flag: string, schema: z.ZodType<T>): T | undefined =>
      values[flag] === undefined ? undefined : check(schema, values[flag], flag),
  }
}

/** Two flags that say one thing two ways: giving both is a usage error. */
export function atMostOne(values: Parsed['values'], first: string, second: string): void {
  if (values[first] !== undefined && values[second] !== undefined)
    throw new UsageError(`give --${first} or --${second}, not both`, second)
}

/** Digits only, from 1: `0x10`, ` 12`, `1e3` or `+5` are not a count, though Number() takes them. */
export const countSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a whole number from 1, digits only')
  .transform(Number)
export const limitSchema = countSchema.pipe(z.number().max(1000, 'at most 1000'))
export const positiveIntSchema = countSchema
