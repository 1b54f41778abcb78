// An amount in the room display's other currencies: the sale currency's minor units times an
// indicative rate, in whole units of the other currency (indicative figures carry no pence).
import type { DisplayRate } from '../../../shared/domain'
import { currencyDigits } from '../../../shared/money'

const formats = new Map<string, Intl.NumberFormat>()

function wholeUnits(currency: string): Intl.NumberFormat {
  let format = formats.get(currency)
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      // "USD 229", not "$229": a room of pounds must not read dollars as its own sign.
      currencyDisplay: 'code',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    })
    formats.set(currency, format)
  }
  return format
}

export interface Converted {
  currency: string
  text: string
}

export function convert(
  minor: number,
  saleCurrency: string,
  rates: readonly DisplayRate[],
): Converted[] {
  const units = minor / 10 ** currencyDigits(saleCurrency)
  return rates.slice(0, 4).flatMap((rate) => {
    const factor = Number(rate.rate)
    if (!Number.isFinite(factor) || factor <= 0) return []
    try {
      return [
        {
          currency: rate.currency,
          text: wholeUnits(rate.currency).format(Math.round(units * factor)),
        },
      ]
    } catch {
      return [] // a code this runtime does not know
    }
  })
}
