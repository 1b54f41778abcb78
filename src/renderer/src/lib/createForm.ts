// The create-auction form, checked in full before anything is sent: amounts parsed
// strictly in the chosen currency, an increment or a table, a start and an end that make
// sense, and for staff the consignor it is for.
import type { CreateAuctionRequest } from '../../../shared/contract'
import {
  checkConsignor,
  checkIncrement,
  checkTitle,
  moneyCheck,
  parseLocalDateTime,
  wholeNumber,
  type BandDraft,
  type FormErrors,
} from './formChecks'
import { checkClose, checkStartsAt } from './timingChecks'

export { parseLocalDateTime, type BandDraft }

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
  /** Staff only: the seller (consignor) it is for. */
  consignor: string
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
  consignor: '',
})

/**
 * The form after a create: the next lot usually shares everything but what describes the
 * lot itself, so only title, description and prices are cleared.
 */
export const nextDraft = (previous: CreateDraft): CreateDraft => ({
  ...previous,
  title: '',
  description: '',
  startingPrice: '',
  reservePrice: '',
})

export type CreateErrors = FormErrors

/** `options.consignor`: staff, who must name the seller it is for. */
export function checkCreate(
  draft: CreateDraft,
  serverNow: number,
  options: { consignor?: boolean } = {},
): { request: CreateAuctionRequest } | { errors: CreateErrors } {
  const errors: CreateErrors = {}
  const title = checkTitle(draft.title, errors)
  const sellerId = options.consignor ? checkConsignor(draft.consignor, errors) : undefined
  if (draft.description.length > 5000) errors.description = 'At most 5000 characters.'

  const currency = draft.currency.trim().toUpperCase()
  const check = moneyCheck(currency, errors)
  const { decimal } = check
  const starting = check.money('startingPrice', draft.startingPrice, 'Starting price')
  let reserve: number | null = null
  if (draft.reservePrice.trim()) {
    reserve = check.money('reservePrice', draft.reservePrice, 'Reserve')
    if (reserve !== null && starting !== null && reserve < starting) {
      errors.reservePrice = 'The reserve cannot be below the starting price.'
    }
  }
  const { increment, incrementTable } = checkIncrement(draft, check, errors)

  const startsAt = checkStartsAt(draft, serverNow, errors)
  const close = checkClose(
    { mode: draft.endMode, durationMinutes: draft.durationMinutes, atText: draft.endsAt },
    { field: 'endsAt', missing: 'an end', subject: 'The end' },
    startsAt,
    serverNow,
    errors,
  )
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
      ...(close.at ? { endsAt: close.at } : { durationMs: close.durationMs }),
      softCloseSeconds: softClose,
      start: draft.startMode === 'now',
      ...(sellerId ? { sellerId } : {}),
    },
  }
}
