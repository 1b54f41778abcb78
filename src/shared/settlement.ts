// The money of a sale's results: buyer's premium by bands, tax on the premium, the seller's
// commission and fees. Everything is integer minor units; rates are integer parts per
// million (25% = 250000). Each amount is rounded once, half up, to the minor unit, and
// totals are sums of the rounded lines, so every sum adds up exactly.
// lua/includes/premium.lua computes the same premium for the credit limit: keep them equal.

/** 100% in the integer rate unit: rates are parts per million. */
export const RATE_SCALE = 1_000_000

/** A premium band: `rate` on the part of the hammer up to `upTo` (the last band: the rest). */
export interface PremiumBand {
  /** Minor units; null for the last band. */
  upTo: number | null
  /** Parts per million (25% = 250000). */
  rate: number
}

/** A sale's settlement terms, as the sale stores them. */
export interface SaleTerms {
  /** Empty: no buyer's premium. */
  premiumBands: PremiumBand[]
  /** Tax on the premium, parts per million (0: none). */
  premiumTaxRate: number
  /** The seller's commission on the hammer, parts per million (0: none). */
  commissionRate: number
  /** A consignor's own rate (parts per million), in place of commissionRate. */
  consignorRates: Record<string, number>
  /** A fixed fee per lot sold, minor units (0: none). */
  lotFee: number
  /** A bid for a paddle not in the register is UNKNOWN_PADDLE, unapproved PADDLE_NOT_APPROVED. */
  requireRegistration: boolean
}

export const NO_TERMS: SaleTerms = {
  premiumBands: [],
  premiumTaxRate: 0,
  commissionRate: 0,
  consignorRates: {},
  lotFee: 0,
  requireRegistration: false,
}

const SCALE = BigInt(RATE_SCALE)
const HALF = SCALE / 2n

/** amount × rate ÷ 1,000,000, rounded half up: exact for any amount and rate. */
export function applyRate(amount: number, rate: number): number {
  return Number((BigInt(amount) * BigInt(rate) + HALF) / SCALE)
}

/** The buyer's premium on a hammer price: each band's part at its rate, rounded once. */
export function premiumOn(hammer: number, bands: readonly PremiumBand[]): number {
  let numerator = 0n
  let from = 0
  for (const band of bands) {
    const top = band.upTo === null ? hammer : Math.min(hammer, band.upTo)
    if (top > from) numerator += BigInt(top - from) * BigInt(band.rate)
    if (band.upTo === null || hammer <= band.upTo) break
    from = band.upTo
  }
  return Number((numerator + HALF) / SCALE)
}

/** Parses "25%", "12.5%" or "0.0125%" (at most 4 decimals) into parts per million. */
export function parseRate(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?%$/.exec(text.trim())
  if (!match) return null
  const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'))
  return ppm > RATE_SCALE ? null : ppm
}

/** Parts per million → "25%", "12.5%". */
export function rateText(ppm: number): string {
  const whole = Math.floor(ppm / 10_000)
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}%` : `${whole}%`
}

/** Is every band's top above the one before, and only the last band open-ended? */
export function bandsInOrder(bands: readonly PremiumBand[]): boolean {
  let from = 0
  return bands.every((band, i) => {
    const last = i === bands.length - 1
    if (band.upTo === null) return last
    const ok = band.upTo > from
    from = band.upTo
    return ok
  })
}

/** One sold lot's buyer's side. */
export interface BuyerCharges {
  hammer: number
  premium: number
  tax: number
  total: number
}

export function buyerCharges(hammer: number, terms: SaleTerms): BuyerCharges {
  const premium = premiumOn(hammer, terms.premiumBands)
  const tax = applyRate(premium, terms.premiumTaxRate)
  return { hammer, premium, tax, total: hammer + premium + tax }
}

/** One sold lot's seller's side: the commission at the consignor's rate, the fee, the net. */
export interface SellerCharges {
  hammer: number
  commission: number
  fee: number
  net: number
}

export function commissionRateFor(consignor: string, terms: SaleTerms): number {
  return terms.consignorRates[consignor] ?? terms.commissionRate
}

export function sellerCharges(hammer: number, consignor: string, terms: SaleTerms): SellerCharges {
  const commission = applyRate(hammer, commissionRateFor(consignor, terms))
  const fee = terms.lotFee
  return { hammer, commission, fee, net: hammer - commission - fee }
}
