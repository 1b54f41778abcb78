// Turns the settlement terms as typed (premium bands, rates as "25%", the lot fee as money)
// into the fields the sale hash stores: rates as integer parts per million, bands as JSON
// with minor-unit tops, '' for none. Shared by create and update; nothing here touches Redis.
import { fail, type Failure } from '../../shared/errors'
import type { SaleTermsInput } from '../../shared/sale-schemas'
import { entityIdSchema } from '../../shared/sale-schemas'
import { bandsInOrder, parseRate, type PremiumBand, type SaleTerms } from '../../shared/settlement'
import { moneyField } from './validation'

/** The sale hash's terms fields (see README: sale hash). */
export const TERM_FIELDS = [
  'premiumBands',
  'premiumTaxRate',
  'commissionRate',
  'consignorRates',
  'lotFee',
  'requireRegistration',
] as const
type TermField = (typeof TERM_FIELDS)[number]

const rateOf = (field: string, text: string): number | Failure => {
  const ppm = parseRate(text)
  return ppm === null
    ? fail('INVALID_INPUT', `${field}: a rate from 0% to 100%, at most 4 decimals`, { field })
    : ppm
}

function premiumBands(
  bands: NonNullable<SaleTermsInput['premium']>,
  currency: string,
): string | Failure {
  const stored: PremiumBand[] = []
  for (const [index, band] of bands.entries()) {
    const rate = rateOf(`premium.${index}.rate`, band.rate)
    if (typeof rate !== 'number') return rate
    let upTo: number | null = null
    if (band.upTo !== undefined && band.upTo !== null) {
      const top = moneyField(`premium.${index}.upTo`, band.upTo, currency)
      if (typeof top !== 'number') return top
      upTo = top
    }
    stored.push({ upTo, rate })
  }
  if (!bandsInOrder(stored)) {
    return fail(
      'INVALID_INPUT',
      'premium: band tops rise strictly above zero and only the last band has no upTo',
      { field: 'premium' },
    )
  }
  return JSON.stringify(stored)
}

/**
 * The stored fields of the terms given: a key absent from `input` is left out (an update
 * keeps it), null clears it ('').
 */
export function termsFields(
  input: SaleTermsInput,
  currency: string,
): Partial<Record<TermField, string>> | Failure {
  const out: Partial<Record<TermField, string>> = {}
  if (input.premium !== undefined) {
    if (input.premium === null) out.premiumBands = ''
    else {
      const bands = premiumBands(input.premium, currency)
      if (typeof bands !== 'string') return bands
      out.premiumBands = bands
    }
  }
  for (const [key, field] of [
    ['premiumTax', 'premiumTaxRate'],
    ['commission', 'commissionRate'],
  ] as const) {
    const text = input[key]
    if (text === undefined) continue
    if (text === null) out[field] = ''
    else {
      const rate = rateOf(key, text)
      if (typeof rate !== 'number') return rate
      out[field] = String(rate)
    }
  }
  if (input.consignorCommission !== undefined) {
    const rates: Record<string, number> = {}
    for (const [consignor, text] of Object.entries(input.consignorCommission ?? {})) {
      if (!entityIdSchema.safeParse(consignor).success || consignor !== consignor.trim()) {
        return fail('INVALID_INPUT', `consignorCommission: ${consignor} is not a valid id`, {
          field: 'consignorCommission',
        })
      }
      const rate = rateOf(`consignorCommission.${consignor}`, text)
      if (typeof rate !== 'number') return rate
      rates[consignor] = rate
    }
    out.consignorRates = Object.keys(rates).length > 0 ? JSON.stringify(rates) : ''
  }
  if (input.lotFee !== undefined) {
    if (input.lotFee === null || input.lotFee === '') out.lotFee = ''
    else {
      const fee = moneyField('lotFee', input.lotFee, currency)
      if (typeof fee !== 'number') return fee
      out.lotFee = String(fee)
    }
  }
  if (input.requireRegistration !== undefined) {
    out.requireRegistration = input.requireRegistration ? '1' : ''
  }
  return out
}

const ppm = (text: string | undefined): number => (text ? Number(text) : 0)

/** The stored terms → SaleTerms; with `full` false the seller's side is zero and empty. */
export function decodeTerms(hash: Record<string, string>, full: boolean): SaleTerms {
  return {
    premiumBands: hash.premiumBands ? (JSON.parse(hash.premiumBands) as PremiumBand[]) : [],
    premiumTaxRate: ppm(hash.premiumTaxRate),
    commissionRate: full ? ppm(hash.commissionRate) : 0,
    consignorRates:
      full && hash.consignorRates
        ? (JSON.parse(hash.consignorRates) as Record<string, number>)
        : {},
    lotFee: full ? ppm(hash.lotFee) : 0,
    requireRegistration: hash.requireRegistration === '1',
  }
}
