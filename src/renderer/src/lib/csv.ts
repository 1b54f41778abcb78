// An auction's bid history and result as CSV, downloaded through a Blob URL. Every history
// entry is written as recorded: kind, outcome and source are the entry's own.
import type { Auction, BidEntry } from '../../../shared/domain'
import { currencyDigits, minorToDecimal } from '../../../shared/money'

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function auctionCsv(auction: Auction, oldestFirst: readonly BidEntry[]): string {
  const digits = currencyDigits(auction.currency)
  const money = (minor: number | null): string =>
    minor === null ? '' : minorToDecimal(minor, digits)
  const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString())
  const rows: (string | number | boolean | null)[][] = [
    [
      'auction_id',
      'title',
      'seller_id',
      'status',
      'currency',
      'starting_price',
      'reserve_price',
      'final_price',
      'winner_id',
      'reserve_met',
      'bid_count',
      'started_at',
      'ended_at',
    ],
    [
      auction.id,
      auction.title,
      auction.sellerId,
      auction.status,
      auction.currency,
      money(auction.startingPrice),
      money(auction.reservePrice),
      money(auction.result?.finalPrice ?? auction.currentPrice),
      auction.result?.winnerId ?? '',
      auction.result?.reserveMet ?? auction.reserveMet,
      auction.bidCount,
      iso(auction.startsAt),
      iso(auction.endsAt),
    ],
    [],
    ['bid_id', 'time', 'bidder_id', 'amount', 'kind', 'outcome', 'source'],
    ...oldestFirst.map((bid) => [
      bid.id,
      iso(bid.at),
      bid.bidderId,
      money(bid.amount),
      bid.kind,
      bid.outcome,
      bid.source,
    ]),
  ]
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
