// The seller's create form, checked in full before anything is sent: amounts parsed
// strictly in the chosen currency, an increment or a table, a start and an end that make sense.
import type { CreateAuctionRequest } from '../../../shared/contract'
import { currencyDigits, isKnownCurrency, minorToDecimal, parseAmount } from '../../../shared/money'
import { amountHint } from './bidForm'

export interface BandDraft {
  from: string
  increment: string
}

export interface CreateDraft {
  title: string
  description: string
  currency: string
  startingPrice: string
  reservePrice: string
  incrementMode: 'fixed' | 'table'
  increment: string
  bands: BandDraft[]
  startMode: 'now' | 'at' | 'draft'
  startsAt: string
  endMode: 'duration' | 'at'
  durationMinutes: string
  endsAt: string
  softCloseSeconds: string
}

export const emptyDraft = (): CreateDraft => ({
  title: '',
  description: '',
  currency: 'USD',
  startingPrice: '',
  reservePrice: '',
  incrementMode: 'fixed',
  increment: '',
  bands: [
    { from: '0', increment: '' },
    { from: '', increment: '' },
  ],
  startMode: 'now',
  startsAt: '',
  endMode: 'duration',
  durationMinutes: '60',
  endsAt: '',
  softCloseSeconds: '120',
})

export type CreateErrors = Record<string, string>

const MAX_MINUTES = 366 * 24 * 60

/** A datetime-local value ("2026-11-25T14:30") → epoch ms, or null. */
export function parseLocalDateTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null
  const ms = new Date(text).getTime()
  return Number.isNaN(ms) ? null : ms
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const value = Number(text.trim())
  return value >= min && value <= max ? value : null
}

export function checkCreate(
  draft: CreateDraft,
  serverNow: number,
): { request: CreateAuctionRequest } | { errors: CreateErrors } {
  const errors: CreateErrors = {}
  const title = draft.title.trim()
  if (!title) errors.title = 'Enter a title.'
  else if (title.length > 200) errors.title = 'At most 200 characters.'
  if (draft.description.length > 5000) errors.description = 'At most 5000 characters.'

  const currency = draft.currency.trim().toUpperCase()
  const known = isKnownCurrency(currency)
  if (!known) errors.currency = 'Choose a known ISO currency (e.g. USD, EUR, JPY).'
  const digits = known ? currencyDigits(currency) : 2
  const hint = known ? amountHint(currency) : 'digits, e.g. 100.00'
  const money = (field: string, text: string, label: string): number | null => {
    const minor = parseAmount(text.trim(), digits)
    if (minor === null) errors[field] = `${label}: not a valid amount — ${hint}.`
    return minor
  }
  const decimal = (minor: number): string => minorToDecimal(minor, digits)

  const starting = money('startingPrice', draft.startingPrice, 'Starting price')
  let reserve: number | null = null
  if (draft.reservePrice.trim()) {
    reserve = money('reservePrice', draft.reservePrice, 'Reserve')
    if (reserve !== null && starting !== null && reserve < starting) {
      errors.reservePrice = 'The reserve cannot be below the starting price.'
    }
  }

  let increment: string | undefined
  let incrementTable: { from: string; increment: string }[] | undefined
  if (draft.incrementMode === 'fixed') {
    const step = money('increment', draft.increment, 'Increment')
    if (step === 0) errors.increment = 'The increment must be above zero.'
    if (step) increment = decimal(step)
  } else {
    const bands = draft.bands.filter(
      (band, i) => i === 0 || band.from.trim() || band.increment.trim(),
    )
    if (bands.length > 50) errors.bands = 'At most 50 bands.'
    const parsed: { from: number; increment: number }[] = []
    bands.forEach((band, i) => {
      const from = money(`bands.${i}.from`, band.from, `Band ${i + 1} from`)
      const step = money(`bands.${i}.increment`, band.increment, `Band ${i + 1} increment`)
      if (step === 0) errors[`bands.${i}.increment`] = 'The increment must be above zero.'
      const previous = parsed[parsed.length - 1]
      if (from !== null && i === 0 && from !== 0)
        errors[`bands.${i}.from`] = 'The first band starts at 0.'
      if (from !== null && previous && from <= previous.from) {
        errors[`bands.${i}.from`] = 'Each band starts above the one before.'
      }
      if (from !== null && step !== null) parsed.push({ from, increment: step })
    })
    incrementTable = parsed.map((band) => ({
      from: decimal(band.from),
      increment: decimal(band.increment),
    }))
  }

  let startsAt: number | undefined
  if (draft.startMode === 'at') {
    const at = parseLocalDateTime(draft.startsAt)
    if (at === null) errors.startsAt = 'Enter a start date and time.'
    else if (at <= serverNow) errors.startsAt = 'The start must be in the future.'
    else startsAt = at
  }
  let endsAt: number | undefined
  let durationMs: number | undefined
  if (draft.endMode === 'duration') {
    const minutes = wholeNumber(draft.durationMinutes, 1, MAX_MINUTES)
    if (minutes === null) errors.durationMinutes = `A whole number of minutes, 1 to ${MAX_MINUTES}.`
    else durationMs = minutes * 60_000
  } else {
    const at = parseLocalDateTime(draft.endsAt)
    if (at === null) errors.endsAt = 'Enter an end date and time.'
    else if (at <= (startsAt ?? serverNow)) {
      errors.endsAt = startsAt
        ? 'The end must be after the start.'
        : 'The end must be in the future.'
    } else endsAt = at
  }
  const softClose = wholeNumber(draft.softCloseSeconds, 0, 3600)
  if (softClose === null) errors.softCloseSeconds = 'Seconds from 0 (off) to 3600.'

  if (Object.keys(errors).length > 0 || starting === null || softClose === null) return { errors }
  return {
    request: {
      title,
      description: draft.description,
      currency,
      startingPrice: decimal(starting),
      ...(reserve !== null ? { reservePrice: decimal(reserve) } : {}),
      ...(increment ? { increment } : { incrementTable }),
      ...(startsAt ? { startsAt } : {}),
      ...(endsAt ? { endsAt } : { durationMs }),
      softCloseSeconds: softClose,
      start: draft.startMode === 'now',
    },
  }
}
