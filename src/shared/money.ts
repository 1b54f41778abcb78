// Money is integer minor units end to end. Text typed by a person is parsed strictly:
// no sign, no exponent, no more fraction digits than the currency has.

export const MAX_MINOR_UNITS = 10 ** 13

const digitsCache = new Map<string, number>()

/** ISO 4217 code → whether this runtime knows it as a currency. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  return Intl.supportedValuesOf('currency').includes(code)
}

/** Number of minor-unit digits of a currency (USD 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number
    digitsCache.set(currency, digits)
  }
  return digits
}

/** Parses "12.50" into 1250 for a 2-digit currency; null when the text is not a valid amount. */
export function parseAmount(text: string, digits: number): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) return null
  const whole = match[1] as string
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  if (whole.replace(/^0+/, '').length > 14) return null
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
  return minor > MAX_MINOR_UNITS ? null : minor
}

/** True for an integer number of minor units within range. */
export function isValidMinor(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_MINOR_UNITS
}

/** Minor units → plain decimal text ("12.50"), the form the parser accepts back. */
export function minorToDecimal(minor: number, digits: number): string {
  if (digits === 0) return String(minor)
  const text = String(minor).padStart(digits + 1, '0')
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

const formatCache = new Map<string, Intl.NumberFormat>()

/** Minor units → a localized money string ("$12.50"). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency)
  // Building an Intl.NumberFormat costs far more than using one: a history of thousands of
  // rows formats money on every render, so each (locale, currency) is built once.
  const key = `${locale ?? ''}|${currency}`
  let format = formatCache.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatCache.set(key, format)
  }
  return format.format(minor / 10 ** digits)
}

/**
 * The next step above `price` on the standard ladder (STANDARD_LADDER in domain.ts), in minor
 * units of a currency with `digits` fraction digits; lua/includes/incrementAt.lua is the same.
 */
export function ladderStepAbove(price: number, digits: number): number {
  let unit = 10 ** digits
  while (price >= 1000 * unit) unit *= 10
  const above = (base: number, step: number): number =>
    base + (Math.floor((price - base) / step) + 1) * step
  if (price < 200 * unit) return above(0, 10 * unit)
  if (price < 300 * unit) return above(200 * unit, 20 * unit)
  if (price >= 500 * unit) return above(500 * unit, 50 * unit)
  const hundred = Math.floor(price / (100 * unit)) * 100 * unit
  const mark = [20, 50, 80, 100].find((m) => price - hundred < m * unit) as number
  return hundred + mark * unit
}

/** The increment at price x: a fixed increment, the band whose `from` ≤ x, or the ladder. */
export function incrementAt(
  price: number,
  increment: number | undefined,
  table: readonly { from: number; increment: number }[] | 'standard' | undefined,
  digits = 2,
): number {
  if (table === 'standard') return ladderStepAbove(price, digits) - price
  if (table && table.length > 0) {
    let step = table[0]?.increment ?? 1
    for (const band of table) if (band.from <= price) step = band.increment
    return step
  }
  return increment ?? 1
}
