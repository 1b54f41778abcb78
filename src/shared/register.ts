// A sale's bidder register: who each paddle is, whether the house has approved them, and
// their credit limit. One schema per input; the CLI, the console and the engine parse with these.
import { z } from 'zod'
import { BID_SOURCES } from './domain'
import { entityIdSchema, moneySchema } from './sale-schemas'

/** How the bidder takes part: the same words as a bid's source. */
export const REGISTER_KINDS = BID_SOURCES
export type RegisterKind = (typeof REGISTER_KINDS)[number]

export interface RegisterEntry {
  /** The bidder number, unique in the sale: the bidderId of their bids. */
  paddle: string
  name: string
  email: string | null
  phone: string | null
  kind: RegisterKind
  approved: boolean
  /** Credit limit in minor units (hammer plus premium of what they win and lead); null: none. */
  limit: number | null
  notes: string
  createdAt: number
  updatedAt: number
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === '' ? null : text))
    .nullish()

/** Each field as given, without defaults: an update changes only what it names. */
const registerFieldShape = {
  name: z.string().trim().min(1, 'a name is required').max(120),
  email: optionalText(200).refine(
    (text) => text == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text),
    'an email address',
  ),
  phone: optionalText(40).refine(
    (text) => text == null || /^[+\d][\d ()./-]{2,39}$/.test(text),
    'a phone number',
  ),
  kind: z.enum(REGISTER_KINDS),
  approved: z.boolean(),
  /** Decimal text or minor units in the sale's currency; null or '' clears it. */
  limit: z.union([moneySchema, z.literal('')]).nullish(),
  notes: z.string().max(2000),
}

export const registerFieldsSchema = z.object({
  ...registerFieldShape,
  kind: registerFieldShape.kind.default('floor'),
  approved: registerFieldShape.approved.default(false),
  notes: registerFieldShape.notes.default(''),
})

export const registerAddSchema = registerFieldsSchema.extend({ paddle: entityIdSchema })
export type RegisterAddInput = z.input<typeof registerAddSchema>

/**
 * A change to an entry: what is left out stays. No defaults here (zod 4 applies a default
 * inside an optional field), or editing a name would revoke the approval.
 */
export const registerUpdateSchema = z
  .object(registerFieldShape)
  .partial()
  .extend({ paddle: entityIdSchema })
export type RegisterUpdateInput = z.input<typeof registerUpdateSchema>

export const registerImportSchema = z.object({
  entries: z.array(registerAddSchema).min(1).max(10_000),
})
