// The create-sale form, checked in full before anything is sent: a title, the currency,
// the lots' default increment (fixed or a table), when it opens, and for timed sales the
// soft close, the interval between closes and the first close (a time or a duration), and
// for staff the consignor it is for.
import type { CommandInput } from '../../../shared/contract'
import type { SaleMode } from '../../../shared/domain'
import {
  checkConsignor,
  checkIncrement,
  checkTitle,
  moneyCheck,
  wholeNumber,
  type FormErrors,
  type IncrementDraft,
} from './formChecks'
import { checkTerms, emptyTermsDraft, type TermsDraft } from './termsForm'
import { checkClose, checkStartsAt } from './timingChecks'

export interface SaleDraft extends IncrementDraft {
  title: string
  description: string
  mode: SaleMode
  currency: string
  /** A draft takes lots; a sale that opens now or at a time can take none any more. */
  startMode: 'draft' | 'now' | 'at'
  startsAt: string
  softCloseSeconds: string
  closeIntervalSeconds: string
  firstCloseMode: 'duration' | 'at'
  durationMinutes: string
  firstCloseAt: string
  /** Staff only: the seller (consignor) the sale is for. */
  consignor: string
  /** Buyer's premium, tax, commission, lot fee, registration. */
  terms: TermsDraft
}

export const emptySaleDraft = (): SaleDraft => ({
  title: '',
  description: '',
  mode: 'timed',
  currency: 'USD',
  incrementMode: 'fixed',
  increment: '',
  bands: [
    { from: '0', increment: '' },
    { from: '', increment: '' },
  ],
  startMode: 'draft',
  startsAt: '',
  softCloseSeconds: '60',
  closeIntervalSeconds: '60',
  firstCloseMode: 'duration',
  durationMinutes: '60',
  firstCloseAt: '',
  consignor: '',
  terms: emptyTermsDraft(),
})

/** The form after a create: the next sale usually shares all but its title and text. */
export const nextSaleDraft = (previous: SaleDraft): SaleDraft => ({
  ...previous,
  title: '',
  description: '',
})

/** `options.consignor`: staff, who must name the seller the sale is for. */
export function checkSale(
  draft: SaleDraft,
  serverNow: number,
  options: { consignor?: boolean } = {},
): { request: CommandInput<'sales:create'> } | { errors: FormErrors } {
  const errors: FormErrors = {}
  const title = checkTitle(draft.title, errors)
  const sellerId = options.consignor ? checkConsignor(draft.consignor, errors) : undefined
  if (draft.description.length > 5000) errors.description = 'At most 5000 characters.'
  const currency = draft.currency.trim().toUpperCase()
  const money = moneyCheck(currency, errors)
  const { increment, incrementTable } = checkIncrement(draft, money, errors)
  const terms = checkTerms(draft.terms, money, errors)

  const startsAt = checkStartsAt(draft, serverNow, errors)

  const timed: Partial<CommandInput<'sales:create'>> = {}
  if (draft.mode === 'timed') {
    const softClose = wholeNumber(draft.softCloseSeconds, 0, 3600)
    if (softClose === null) errors.softCloseSeconds = 'Seconds from 0 (off) to 3600.'
    else timed.softCloseSeconds = softClose
    const interval = wholeNumber(draft.closeIntervalSeconds, 0, 86_400)
    if (interval === null) errors.closeIntervalSeconds = 'Seconds from 0 to 86400.'
    else timed.closeIntervalSeconds = interval
    const close = checkClose(
      {
        mode: draft.firstCloseMode,
        durationMinutes: draft.durationMinutes,
        atText: draft.firstCloseAt,
      },
      { field: 'firstCloseAt', missing: 'the first close', subject: 'The first close' },
      startsAt,
      serverNow,
      errors,
    )
    if (close.durationMs !== undefined) timed.durationMs = close.durationMs
    if (close.at !== undefined) timed.firstCloseAt = close.at
  }

  if (Object.keys(errors).length > 0) return { errors }
  return {
    request: {
      title,
      description: draft.description,
      mode: draft.mode,
      currency,
      ...(increment ? { increment } : { incrementTable }),
      ...(startsAt ? { startsAt } : {}),
      start: draft.startMode === 'now',
      ...timed,
      ...(sellerId ? { sellerId } : {}),
      ...terms,
    },
  }
}
