// Display helpers for sales: labels, and the one time a sale row shows (first close for a
// timed sale, the start otherwise).
import type { Sale, SaleMode, SaleStatus } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'

export const SALE_STATUS_LABEL: Record<SaleStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
  cancelled: 'Cancelled',
}

export const MODE_LABEL: Record<SaleMode, string> = { timed: 'Timed', live: 'Live' }

/** "1 h 30 min", "45 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : '']
  return parts.filter(Boolean).join(' ') || '0 min'
}

/** What the "When" column says: a label and a time, or words when there is no time yet. */
export function saleWhen(sale: Sale): { label: string; at: number | null; words?: string } {
  if (sale.mode === 'timed') {
    if (sale.firstCloseAt !== null) return { label: 'First close', at: sale.firstCloseAt }
    if (sale.durationMs !== null) {
      return {
        label: 'First close',
        at: null,
        words: `${formatDuration(sale.durationMs)} after the start`,
      }
    }
  }
  if (sale.startsAt !== null)
    return { label: sale.status === 'open' ? 'Opened' : 'Starts', at: sale.startsAt }
  return { label: 'Starts', at: null, words: 'Not scheduled' }
}

/** "$200.00–$300.00", "from $200.00", "up to $300.00" or "—". */
export function formatEstimate(low: number | null, high: number | null, currency: string): string {
  if (low !== null && high !== null)
    return `${formatMoney(low, currency)}–${formatMoney(high, currency)}`
  if (low !== null) return `from ${formatMoney(low, currency)}`
  if (high !== null) return `up to ${formatMoney(high, currency)}`
  return '—'
}
