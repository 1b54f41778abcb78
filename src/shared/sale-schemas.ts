// The one definition of every sale and lot input. The contract, the CLI and the engine all
// parse with these; the engine keeps only the checks that need the currency or Redis state.
import { z } from 'zod'
import { SALE_MODES, LOT_STATUSES, SALE_STATUSES } from './domain'

export const entityIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')

/** Decimal text as typed ("12.50") or integer minor units (1250); the currency decides. */
export const moneySchema = z.union([
  // Exact text, never trimmed: " 12" is INVALID_AMOUNT from the amount rules.
  z.string().min(1).max(32),
  z.custom<number>((value) => typeof value === 'number', 'a decimal text or minor units'),
])
export type MoneyInput = z.input<typeof moneySchema>

/** Bands, or the name of the standard auctioneer's ladder ('standard'). */
export const incrementTableSchema = z.union([
  z
    .array(z.object({ from: moneySchema, increment: moneySchema }))
    .min(1)
    .max(50),
  z.literal('standard'),
])

const epochMs = z.number().int().positive()

/** A rate as typed: "25%", "12.5%" (at most 4 decimals); parsed by settlement.parseRate. */
export const rateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?%$/, 'a rate such as 25% or 12.5%')

/**
 * Buyer's premium bands on the hammer price, e.g. [{"upTo": 50000000, "rate": "25%"},
 * {"rate": "20%"}]: each band's rate on the part of the hammer up to its `upTo`; the last band
 * has no `upTo`. Amounts are minor units or decimal text, as in increment tables.
 */
export const premiumBandsSchema = z
  .array(z.object({ upTo: moneySchema.nullish(), rate: rateSchema }).strict())
  .min(1)
  .max(20)

/** The settlement terms a sale takes at create, and with `sale update` while a draft. */
export const saleTermsSchema = z.object({
  premium: premiumBandsSchema.nullish(),
  premiumTax: rateSchema.nullish(),
  /** The seller's commission on the hammer. */
  commission: rateSchema.nullish(),
  /** A consignor's own commission rate, in place of the sale's. */
  consignorCommission: z.record(z.string(), rateSchema).nullish(),
  /** A fixed fee per lot sold, charged to its consignor. */
  lotFee: moneySchema.nullish(),
  requireRegistration: z.boolean().nullish(),
})
export type SaleTermsInput = z.input<typeof saleTermsSchema>
const requestIdSchema = z.string().trim().min(1).max(128)

/** "12", "12A", "0007b": digits, then up to three letters; kept upper-case. */
export const lotNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}[A-Za-z]{0,3}$/, 'a lot number such as 12 or 12A')
  .transform((text) => text.replace(/^0+(?=\d)/, '').toUpperCase())

/**
 * The catalogue position of a lot number: number order, then the letters (12 < 12A < 12B < 13).
 * Exact in a double: 999,999 × 27³ + 27³ < 2^53.
 */
export function catalogueScore(number: string): number {
  const match = /^(\d+)([A-Z]*)$/.exec(number)
  if (!match) return 0
  let suffix = 0
  for (const letter of (match[2] as string).padEnd(3, '@')) {
    suffix = suffix * 27 + (letter === '@' ? 0 : letter.charCodeAt(0) - 64)
  }
  return Number(match[1]) * 27 ** 3 + suffix
}

export const saleCreateSchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200),
  description: z.string().max(5000).default(''),
  mode: z.enum(SALE_MODES),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO currency code such as GBP')
    .default('USD'),
  /** Scheduled: opens at this time. Without it (and without `start`) the sale is a draft. */
  startsAt: epochMs.nullish(),
  /** Open at once. */
  start: z.boolean().default(false),
  /** The default increment of its lots: a fixed step or a table (a lot may set its own). */
  increment: moneySchema.nullish(),
  incrementTable: incrementTableSchema.nullish(),
  softCloseSeconds: z.number().int().min(0).max(3600).default(0),
  /** Timed sales: one lot closes every this many seconds, in catalogue order. */
  closeIntervalSeconds: z
    .number()
    .min(0)
    .max(86_400)
    .refine((s) => Number.isInteger(s * 1000), 'whole milliseconds')
    .default(60),
  /** Timed sales: the first lot's close as a clock time … */
  firstCloseAt: epochMs.nullish(),
  /** … or as the time from the sale's start. */
  durationMs: z
    .number()
    .int()
    .positive()
    .max(366 * 24 * 3600 * 1000)
    .nullish(),
  requestId: requestIdSchema.nullish(),
  ...saleTermsSchema.shape,
})
export type SaleCreateInput = z.input<typeof saleCreateSchema>
export type SaleCreate = z.output<typeof saleCreateSchema>

/** One lot as added by a form, the CLI or a catalogue row. */
export const lotInputSchema = z.object({
  number: lotNumberSchema,
  title: z.string().trim().min(1, 'a title is required').max(200),
  description: z.string().max(5000).default(''),
  startingPrice: moneySchema,
  reservePrice: moneySchema.nullish(),
  estimateLow: moneySchema.nullish(),
  estimateHigh: moneySchema.nullish(),
  /** Both empty: the sale's default increment. */
  increment: moneySchema.nullish(),
  incrementTable: incrementTableSchema.nullish(),
  /** Timed sales; empty: the sale's soft close. */
  softCloseSeconds: z.number().int().min(0).max(3600).nullish(),
  /** Whose lot this is (statements); empty: the sale's seller. */
  consignor: entityIdSchema.nullish(),
})
export type LotInput = z.input<typeof lotInputSchema>
export type LotFields = z.output<typeof lotInputSchema>

export const lotAddSchema = lotInputSchema.extend({ requestId: requestIdSchema.nullish() })
export type LotAddInput = z.input<typeof lotAddSchema>

/** A draft lot's edit: any field of a lot; what is left out stays. */
export const lotUpdateSchema = lotInputSchema.partial()
export type LotUpdateInput = z.input<typeof lotUpdateSchema>

export const lotImportSchema = z.object({
  lots: z.array(lotInputSchema).min(1).max(5000),
  requestId: requestIdSchema.nullish(),
})

export const saleListSchema = z.object({
  status: z.enum(SALE_STATUSES).optional(),
  mode: z.enum(SALE_MODES).optional(),
  sellerId: entityIdSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
})
export type SaleListQuery = z.input<typeof saleListSchema>

export const saleLotsSchema = z.object({
  status: z.enum(LOT_STATUSES).optional(),
})

/** A draft sale's change: its title, description and settlement terms; what is left out stays. */
export const saleUpdateSchema = saleTermsSchema.extend({
  title: z.string().trim().min(1, 'a title is required').max(200).optional(),
  description: z.string().max(5000).optional(),
})
export type SaleUpdateInput = z.input<typeof saleUpdateSchema>
