// Turns a validated sale input into the fields the create script stores, settlement terms
// included (sale-terms.ts).
import { fail, type Failure } from '../../shared/errors'
import type { SaleCreate } from '../../shared/sale-schemas'
import { currencyDigits, isKnownCurrency } from '../../shared/money'
import { termsFields } from './sale-terms'
import { incrementFields } from './validation'

export interface ValidSale {
  initial: 'draft' | 'scheduled' | 'start'
  fields: Record<string, string>
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null

export function saleFieldsFor(input: SaleCreate, sellerId: string): ValidSale | Failure {
  if (!isKnownCurrency(input.currency)) {
    return fail('INVALID_INPUT', `unknown currency ${input.currency}`, { field: 'currency' })
  }
  const increments = incrementFields(input, input.currency, true)
  if ('ok' in increments) return increments
  if (given(input.startsAt) && input.start) {
    return fail('INVALID_INPUT', 'a sale starts now or at a time, not both', {
      field: 'startsAt',
    })
  }
  const closes = given(input.firstCloseAt)
  const lasts = given(input.durationMs)
  if (input.mode === 'timed' && closes === lasts) {
    return fail('INVALID_INPUT', 'a timed sale needs either a first close time or a duration', {
      field: 'firstCloseAt',
    })
  }
  if (input.mode === 'live' && (closes || lasts)) {
    return fail('INVALID_INPUT', 'a live sale has no close times: the clerk closes each lot', {
      field: closes ? 'firstCloseAt' : 'durationMs',
    })
  }
  const terms = termsFields(input, input.currency)
  if ('ok' in terms) return terms
  return {
    initial: input.start ? 'start' : given(input.startsAt) ? 'scheduled' : 'draft',
    fields: {
      title: input.title,
      description: input.description,
      mode: input.mode,
      currency: input.currency,
      digits: String(currencyDigits(input.currency)),
      sellerId,
      startsAt: given(input.startsAt) ? String(input.startsAt) : '',
      firstCloseAt: closes ? String(input.firstCloseAt) : '',
      durationMs: lasts ? String(input.durationMs) : '',
      closeIntervalMs: String(Math.round(input.closeIntervalSeconds * 1000)),
      softCloseSeconds: String(input.softCloseSeconds),
      ...increments,
      standalone: '',
      premiumBands: terms.premiumBands ?? '',
      premiumTaxRate: terms.premiumTaxRate ?? '',
      commissionRate: terms.commissionRate ?? '',
      consignorRates: terms.consignorRates ?? '',
      lotFee: terms.lotFee ?? '',
      requireRegistration: terms.requireRegistration ?? '',
      // Bids check paddles against the register from the start (enablePaddleChecks.lua).
      paddleChecks: terms.requireRegistration ?? '',
    },
  }
}
