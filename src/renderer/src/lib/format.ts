// Display helpers: masked bidder ids, countdowns, dates. Money lives in shared/money.ts.
import type { AuctionStatus } from '../../../shared/domain'

/** "42" → "Paddle ••42"; the full id is for the end dialog, results and exports. */
export function maskBidder(bidderId: string | null): string {
  if (!bidderId) return '—'
  const digits = bidderId.replace(/^paddle[-_:.]?/i, '')
  return `Paddle ••${digits.slice(-2)}`
}

/** "Paddle 1042" for ids that are plain paddle numbers, the id itself otherwise. */
export function paddleName(bidderId: string | null): string {
  if (!bidderId) return '—'
  return /^\d+$/.test(bidderId) ? `Paddle ${bidderId}` : bidderId
}

/** Milliseconds → "hh:mm:ss" (hours keep counting past 24). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(hours)}:${two(minutes)}:${two(seconds)}`
}

export type Urgency = 'calm' | 'warning' | 'urgent' | 'ended'

/** Under 5 minutes: warning; under 1 minute: urgent; at zero: ended. */
export function urgencyOf(ms: number): Urgency {
  if (ms <= 0) return 'ended'
  if (ms < 60_000) return 'urgent'
  if (ms < 300_000) return 'warning'
  return 'calm'
}

// Built once: constructing an Intl formatter per history row is what made scrolling slow.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

export function formatDateTime(ms: number | null): string {
  return ms === null ? '—' : dateTime.format(ms)
}

export function formatTime(ms: number): string {
  return timeOnly.format(ms)
}

export const STATUS_LABEL: Record<AuctionStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  active: 'Live',
  ended: 'Ended',
  cancelled: 'Cancelled',
}
