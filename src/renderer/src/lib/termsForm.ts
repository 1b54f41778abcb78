// A sale's settlement terms as the create form and a draft's terms editor type them: the
// buyer's premium as bands ("up to" an amount, a rate; the last band open), the tax on the
// premium, the seller's commission, a fee per lot sold and whether bidders must be
// registered. Checked in full here; rates go as the contract's text ("25%", "12.5%").
import type { SaleTermsInput } from '../../../shared/sale-schemas'
import { parseRate, rateText, type SaleTerms } from '../../../shared/settlement'
import type { FormErrors, MoneyCheck } from './formChecks'

export interface PremiumBandDraft {
  /** Ignored on the last band: it takes the rest of the hammer. */
  upTo: string
  rate: string
}

export interface TermsDraft {
  premiumBands: PremiumBandDraft[]
  premiumTax: string
  commission: string
  lotFee: string
  requireRegistration: boolean
}

export const emptyTermsDraft = (): TermsDraft => ({
  premiumBands: [{ upTo: '', rate: '' }],
  premiumTax: '',
  commission: '',
  lotFee: '',
  requireRegistration: false,
})

/** A sale's terms as the editor starts: amounts as decimal text, rates as "25%". */
export function termsDraftOf(terms: SaleTerms, decimal: (minor: number) => string): TermsDraft {
  const bands = terms.premiumBands.map((band) => ({
    upTo: band.upTo === null ? '' : decimal(band.upTo),
    rate: rateText(band.rate),
  }))
  return {
    premiumBands: bands.length > 0 ? bands : [{ upTo: '', rate: '' }],
    premiumTax: terms.premiumTaxRate ? rateText(terms.premiumTaxRate) : '',
    commission: terms.commissionRate ? rateText(terms.commissionRate) : '',
    lotFee: terms.lotFee ? decimal(terms.lotFee) : '',
    requireRegistration: terms.requireRegistration,
  }
}

/** "25", "25%", "12.5 %" → "25%", "12.5%"; null when it is not a rate of 0–100%. */
export function rateInput(text: string): string | null {
  const trimmed = text.trim().replace(/\s*%$/, '')
  if (trimmed === '') return null
  const ppm = parseRate(`${trimmed}%`)
  return ppm === null ? null : rateText(ppm)
}

const RATE_HINT = 'a rate from 0% to 100%, e.g. 25% or 12.5%'

function checkRate(text: string, field: string, label: string, errors: FormErrors): string | null {
  if (text.trim() === '') return null
  const rate = rateInput(text)
  if (rate === null) errors[field] = `${label}: not ${RATE_HINT}.`
  return rate
}

/** The terms part of a create or update request; errors go into `errors` as `terms.<field>`. */
export function checkTerms(
  draft: TermsDraft,
  check: MoneyCheck,
  errors: FormErrors,
  options: { update?: boolean } = {},
): SaleTermsInput {
  const bands: { upTo?: string; rate: string }[] = []
  const rows = draft.premiumBands
  const anyRate = rows.some((row) => row.rate.trim() !== '')
  let from = 0
  rows.forEach((row, index) => {
    const last = index === rows.length - 1
    if (!anyRate) return
    const rate = checkRate(
      row.rate,
      `terms.premiumBands.${index}.rate`,
      `Band ${index + 1} rate`,
      errors,
    )
    if (row.rate.trim() === '')
      errors[`terms.premiumBands.${index}.rate`] = `Band ${index + 1}: a rate.`
    if (last) {
      if (rate !== null) bands.push({ rate })
      return
    }
    const upTo = check.money(
      `terms.premiumBands.${index}.upTo`,
      row.upTo,
      `Band ${index + 1} up to`,
    )
    if (upTo !== null && upTo <= from) {
      errors[`terms.premiumBands.${index}.upTo`] =
        `Band ${index + 1}: “up to” must be above ${index === 0 ? 'zero' : 'the band before'}.`
    }
    if (upTo !== null) from = upTo
    if (upTo !== null && rate !== null) bands.push({ upTo: check.decimal(upTo), rate })
  })
  const premiumTax = checkRate(draft.premiumTax, 'terms.premiumTax', 'Tax on premium', errors)
  const commission = checkRate(draft.commission, 'terms.commission', 'Commission', errors)
  const lotFee =
    draft.lotFee.trim() === '' ? null : check.money('terms.lotFee', draft.lotFee, 'Fee per lot')
  if (options.update) {
    // A draft's edit says every term: an empty one clears what the sale had (null).
    return {
      premium: bands.length > 0 ? bands : null,
      premiumTax,
      commission,
      lotFee: lotFee === null ? null : check.decimal(lotFee),
      requireRegistration: draft.requireRegistration,
    }
  }
  // A new sale takes only what was filled in.
  return {
    ...(bands.length > 0 ? { premium: bands } : {}),
    ...(premiumTax !== null ? { premiumTax } : {}),
    ...(commission !== null ? { commission } : {}),
    ...(lotFee !== null ? { lotFee: check.decimal(lotFee) } : {}),
    ...(draft.requireRegistration ? { requireRegistration: true } : {}),
  }
}

/** The terms in one line: "Premium 25% to £500,000, then 20% · tax 20% · commission 15% …". */
export function termsWords(terms: SaleTerms, money: (minor: number) => string): string {
  const parts: string[] = []
  if (terms.premiumBands.length === 0) parts.push('No buyer’s premium')
  else {
    parts.push(
      `Premium ${terms.premiumBands
        .map((band, i) =>
          band.upTo === null
            ? `${i > 0 ? 'then ' : ''}${rateText(band.rate)}${i > 0 ? ' above' : ''}`
            : `${rateText(band.rate)} up to ${money(band.upTo)}`,
        )
        .join(', ')}`,
    )
  }
  if (terms.premiumTaxRate) parts.push(`tax on premium ${rateText(terms.premiumTaxRate)}`)
  if (terms.commissionRate) parts.push(`commission ${rateText(terms.commissionRate)}`)
  if (terms.lotFee) parts.push(`fee ${money(terms.lotFee)} per lot sold`)
  parts.push(terms.requireRegistration ? 'registered bidders only' : 'registration not required')
  return parts.join(' · ')
}
