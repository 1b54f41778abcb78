// Display helpers: bidder names, countdowns, counts, dates. Money lives in shared/money.ts.
import type { AuctionStatus } from '../../../shared/domain'

/** "42" → "Paddle ••42": what a bidder's view shows of other bidders. */
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

/** Staff and the seller read paddles in full (the clerk reads them back); others masked. */
export function bidderName(bidderId: string | null, full: boolean): string {
  return full ? paddleName(bidderId) : maskBidder(bidderId)
}

/**
 * Milliseconds → "hh:mm:ss" (hours keep counting past 24), rounded down as clocks do:
 * 20.4 s left reads 00:00:20, and a 2-minute lot starts at 00:02:00.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(hours)}:${two(minutes)}:${two(seconds)}`
}

/** An elapsed time in words: "12 s", "2 min 5 s", "1 h 3 min". */
export function formatAgo(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  if (hours > 0) return `${hours} h ${minutes} min`
  if (minutes > 0) return `${minutes} min ${seconds} s`
  return `${seconds} s`
}

export type Urgency = 'calm' | 'warning' | 'urgent' | 'ended'

/** Under 5 minutes: warning; under 1 minute: urgent; at zero: ended. */
export function urgencyOf(ms: number): Urgency {
  if (ms <= 0) return 'ended'
  if (ms < 60_000) return 'urgent'
  if (ms < 300_000) return 'warning'
  return 'calm'
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** 2000 → "2,000" (grouped in the console's locale). */
export function formatCount(n: number): string {
  return integer.format(n)
}

/** "1 bid", "2,000 bids"; `many` for words whose plural is not word + s ("lot"/"lots"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

// Built once: constructing an Intl formatter per history row is what made scrolling slow.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
const dateTimeShort = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' })

export function formatDateTime(ms: number | null): string {
  return ms === null ? '—' : dateTime.format(ms)
}

/** A date and time to the minute, compact ("12/5/26, 9:14 AM"), for a table cell. */
export function formatShortDateTime(ms: number | null): string {
  return ms === null ? '—' : dateTimeShort.format(ms)
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
