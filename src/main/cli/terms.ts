// The settlement-term flags `sale create` and `sale update` share: --premium JSON (bands;
// amounts minor units or decimal text), --premium-tax 20%, --commission 15%,
// --consignor-commission '{"ada":"12%"}', --lot-fee 5.00, --require-registration. On update an
// empty value ('') clears a term.
import { z } from 'zod'
import { premiumBandsSchema, rateSchema, type SaleTermsInput } from '../../shared/sale-schemas'
import { flagReader, type Parsed } from './args'

export const termsOptions = {
  premium: { type: 'string' },
  'premium-tax': { type: 'string' },
  commission: { type: 'string' },
  'consignor-commission': { type: 'string' },
  'lot-fee': { type: 'string' },
  'require-registration': { type: 'boolean' },
} as const

/** JSON text, then the schema: a flag's JSON error and its value error both name the flag. */
const json = <T>(schema: z.ZodType<T>) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)

const bandsFlag = json(premiumBandsSchema)
const consignorRatesFlag = json(z.record(z.string(), rateSchema))

/** The terms the flags give (only those given; '' is null, which clears on update). */
export function termsFrom(values: Parsed['values']): SaleTermsInput {
  const { text, optional } = flagReader(values)
  const cleared = (flag: string): boolean => text(flag) === ''
  const read = <T>(flag: string, value: () => T): T | null | undefined =>
    values[flag] === undefined ? undefined : cleared(flag) ? null : value()
  const terms: SaleTermsInput = {
    premium: read('premium', () => optional('premium', bandsFlag)),
    premiumTax: read('premium-tax', () => text('premium-tax')),
    commission: read('commission', () => text('commission')),
    consignorCommission: read('consignor-commission', () =>
      optional('consignor-commission', consignorRatesFlag),
    ),
    lotFee: read('lot-fee', () => text('lot-fee')),
    requireRegistration: values['require-registration'] === true ? true : undefined,
  }
  return Object.fromEntries(
    Object.entries(terms).filter(([, value]) => value !== undefined),
  ) as SaleTermsInput
}
