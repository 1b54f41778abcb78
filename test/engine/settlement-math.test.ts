// The money of a sale's results (src/shared/settlement.ts): buyer's premium by bands at, below
// and above each band edge, one half-up rounding per line, tax on the premium, the seller's
// commission and fee, rates as typed, and amounts far beyond 2^53 / 1e6 kept exact.
import { describe, expect, test } from 'vitest'
import {
  applyRate,
  bandsInOrder,
  buyerCharges,
  commissionRateFor,
  NO_TERMS,
  parseRate,
  premiumOn,
  rateText,
  sellerCharges,
  type PremiumBand,
  type SaleTerms,
} from '../../src/shared/settlement'
import { MAX_MINOR_UNITS } from '../../src/shared/money'

/** 25% of the hammer up to 500,000.00, 20% of the rest (the issue's example). */
const ISSUE_BANDS: PremiumBand[] = [
  { upTo: 50_000_000, rate: 250_000 },
  { upTo: null, rate: 200_000 },
]
/** Three bands: 30% to 1,000.00, 25% to 10,000.00, 12% above. */
const THREE_BANDS: PremiumBand[] = [
  { upTo: 100_000, rate: 300_000 },
  { upTo: 1_000_000, rate: 250_000 },
  { upTo: null, rate: 120_000 },
]

const terms = (overrides: Partial<SaleTerms>): SaleTerms => ({ ...NO_TERMS, ...overrides })

describe('premium bands', () => {
  test.each([
    // [hammer, premium]: below, at and above the one edge
    [0, 0],
    [1, 0], // 0.25 → 0
    [2, 1], // 0.5 → 1 (half up)
    [49_999_999, 12_500_000], // 12,499,999.75 → 12,500,000
    [50_000_000, 12_500_000], // at the edge: all at 25%
    [50_000_001, 12_500_000], // 12,500,000 + 0.2 → 12,500,000
    [50_000_003, 12_500_001], // + 0.6 → 1
    [100_000_000, 22_500_000], // 12,500,000 + 10,000,000
  ])('issue bands: hammer %i → premium %i', (hammer, premium) => {
    expect(premiumOn(hammer, ISSUE_BANDS)).toBe(premium)
  })

  test.each([
    [99_999, 29_999.7],
    [100_000, 30_000],
    [100_001, 30_000.25],
    [999_999, 30_000 + 899_999 * 0.25],
    [1_000_000, 30_000 + 225_000],
    [1_000_001, 255_000 + 0.12],
    [1_000_005, 255_000 + 0.6],
    [5_000_000, 255_000 + 480_000],
  ])('three bands: hammer %i → premium ≈ %d rounded half up once', (hammer, exact) => {
    // One rounding of the exact sum over the bands, never a rounding per band.
    expect(premiumOn(hammer, THREE_BANDS)).toBe(Math.floor(exact + 0.5))
  })

  test('parts are summed before the one rounding', () => {
    // 0.5 in each band: rounding each part would give 1 + 1; the line rounds 1.0 once.
    const bands: PremiumBand[] = [
      { upTo: 10, rate: 50_000 }, // 10 × 5% = 0.5
      { upTo: null, rate: 50_000 }, // 10 × 5% = 0.5
    ]
    expect(premiumOn(20, bands)).toBe(1)
    // 0.4 + 0.4 = 0.8 → 1, where per-band rounding would give 0.
    const low: PremiumBand[] = [
      { upTo: 10, rate: 40_000 },
      { upTo: null, rate: 40_000 },
    ]
    expect(premiumOn(20, low)).toBe(1)
  })

  test('no bands, no premium; one open band is a flat rate', () => {
    expect(premiumOn(123_456, [])).toBe(0)
    expect(premiumOn(123_456, [{ upTo: null, rate: 250_000 }])).toBe(30_864)
  })

  test('a hammer above the last closed band with no open band pays nothing more', () => {
    expect(premiumOn(200, [{ upTo: 100, rate: 100_000 }])).toBe(10)
  })

  test('bandsInOrder: tops rise strictly above zero, only the last band is open', () => {
    expect(bandsInOrder(ISSUE_BANDS)).toBe(true)
    expect(bandsInOrder(THREE_BANDS)).toBe(true)
    expect(bandsInOrder([{ upTo: null, rate: 1 }])).toBe(true)
    expect(bandsInOrder([{ upTo: 100, rate: 1 }])).toBe(true)
    expect(bandsInOrder([{ upTo: 0, rate: 1 }])).toBe(false)
    expect(
      bandsInOrder([
        { upTo: 100, rate: 1 },
        { upTo: 100, rate: 1 },
      ]),
    ).toBe(false)
    expect(
      bandsInOrder([
        { upTo: 200, rate: 1 },
        { upTo: 100, rate: 1 },
      ]),
    ).toBe(false)
    expect(
      bandsInOrder([
        { upTo: null, rate: 1 },
        { upTo: 100, rate: 1 },
      ]),
    ).toBe(false)
  })
})

describe('rounding: once per line, half up', () => {
  test.each([
    [1, 500_000, 1], // 0.5 → 1
    [3, 500_000, 2], // 1.5 → 2
    [5, 500_000, 3], // 2.5 → 3 (half up, not to even)
    [1, 499_999, 0], // 0.499999 → 0
    [1, 500_001, 1],
    [9, 166_667, 2], // 1.500003 → 2
    [10, 250_000, 3], // 2.5 → 3
    [10, 240_000, 2], // 2.4 → 2
    [0, 1_000_000, 0],
    [12_345, 1_000_000, 12_345], // 100%
  ])('applyRate(%i, %i ppm) = %i', (amount, rate, expected) => {
    expect(applyRate(amount, rate)).toBe(expected)
  })

  test('tax is on the rounded premium, and the total is the sum of the rounded parts', () => {
    // premium 25% of 1,234.55 = 308.6375 → 308.64; tax 20% of 308.64 = 61.728 → 61.73
    const charges = buyerCharges(
      123_455,
      terms({ premiumBands: [{ upTo: null, rate: 250_000 }], premiumTaxRate: 200_000 }),
    )
    expect(charges).toEqual({ hammer: 123_455, premium: 30_864, tax: 6_173, total: 160_492 })
  })

  test('no terms: the buyer pays the hammer', () => {
    expect(buyerCharges(99_999, NO_TERMS)).toEqual({
      hammer: 99_999,
      premium: 0,
      tax: 0,
      total: 99_999,
    })
  })
})

describe("the seller's side", () => {
  const sale = terms({ commissionRate: 150_000, consignorRates: { ada: 125_000 }, lotFee: 250 })

  test('commission at the sale rate, rounded once half up; the fee; the net', () => {
    // 15% of 333.33 = 49.9995 → 50.00
    expect(sellerCharges(33_333, 'bob', sale)).toEqual({
      hammer: 33_333,
      commission: 5_000,
      fee: 250,
      net: 33_333 - 5_000 - 250,
    })
  })

  test("a consignor's own rate replaces the sale's", () => {
    expect(commissionRateFor('ada', sale)).toBe(125_000)
    expect(commissionRateFor('bob', sale)).toBe(150_000)
    // 12.5% of 100.04 = 12.505 → 12.51
    expect(sellerCharges(10_004, 'ada', sale).commission).toBe(1_251)
  })

  test('a consignor rate of 0% is kept, not replaced by the sale rate', () => {
    const zero = terms({ commissionRate: 150_000, consignorRates: { ada: 0 } })
    expect(sellerCharges(10_000, 'ada', zero).commission).toBe(0)
  })

  test('the fee can make the net negative: the consignor owes the house', () => {
    expect(sellerCharges(100, 'bob', sale).net).toBe(100 - 15 - 250)
  })
})

describe('rates as typed', () => {
  test.each([
    ['25%', 250_000],
    ['12.5%', 125_000],
    ['0.0125%', 125],
    ['0%', 0],
    ['100%', 1_000_000],
    ['7.25%', 72_500],
    [' 20% ', 200_000],
  ])('parseRate(%j) = %i ppm', (text, ppm) => {
    expect(parseRate(text)).toBe(ppm)
  })

  test.each(['100.0001%', '101%', '25', '-5%', '1e2%', '12.34567%', '', '%', '25 %', '.5%'])(
    'parseRate(%j) is refused',
    (text) => {
      expect(parseRate(text)).toBeNull()
    },
  )

  test.each([
    [250_000, '25%'],
    [125_000, '12.5%'],
    [125, '0.0125%'],
    [0, '0%'],
    [1_000_000, '100%'],
    [72_500, '7.25%'],
  ])('rateText(%i) = %s, which parses back', (ppm, text) => {
    expect(rateText(ppm)).toBe(text)
    expect(parseRate(rateText(ppm))).toBe(ppm)
  })
})

describe('huge amounts stay exact', () => {
  test('the largest amount at every rate: exact integer arithmetic, no float drift', () => {
    const hammer = MAX_MINOR_UNITS // 10^13: amount × rate reaches 10^19, beyond 2^53
    for (const rate of [1, 3, 125_000, 333_333, 999_999, 1_000_000]) {
      const exact = (BigInt(hammer) * BigInt(rate) + 500_000n) / 1_000_000n
      expect(applyRate(hammer, rate)).toBe(Number(exact))
    }
    // x.5 exactly, where a float multiply, divide and round loses the half:
    // 2,392,222,222,084 × 12.5% = 299,027,777,760.5 → 299,027,777,761.
    expect(Math.round((2_392_222_222_084 * 125_000) / 1e6)).toBe(299_027_777_760)
    expect(applyRate(2_392_222_222_084, 125_000)).toBe(299_027_777_761)
    expect(applyRate(1_832_222_222_140, 175_000)).toBe(320_638_888_875)
  })

  test('premium and the buyer total on the largest hammer', () => {
    const hammer = MAX_MINOR_UNITS
    const premium = 12_500_000 + Math.floor(((hammer - 50_000_000) * 2) / 10)
    expect(premiumOn(hammer, ISSUE_BANDS)).toBe(premium)
    const charges = buyerCharges(
      hammer,
      terms({ premiumBands: ISSUE_BANDS, premiumTaxRate: 200_000 }),
    )
    expect(charges.total).toBe(hammer + premium + applyRate(premium, 200_000))
    expect(Number.isSafeInteger(charges.total)).toBe(true)
  })
})
