// An auction's bid history and result as CSV, downloaded through a Blob URL. Every history
// entry is written as recorded: kind, outcome and source are the entry's own. Where the
// reader may read the sale's audit log (staff, the seller), each bid also says who entered
// it, and the lot's actions (who did what and when) follow the bids.
import type { Auction, BidEntry, LogEntry } from '../../../shared/domain'
import { currencyDigits, minorToDecimal } from '../../../shared/money'

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Who entered each bid: a logged bid names the history ids it made; the absentee bids a
 * book execution made carry its time (the clerk who offered the lot executed the book).
 */
function enteredBy(log: readonly LogEntry[]): (bid: BidEntry) => string {
  const byBid = new Map<number, string>()
  const bookAt = new Map<number, string>()
  for (const entry of log) {
    if (entry.action === 'book_executed') bookAt.set(entry.at, entry.operator)
    const ids = entry.action === 'bid' ? entry.detail?.bidIds : undefined
    if (!Array.isArray(ids)) continue
    for (const id of ids) if (typeof id === 'number') byBid.set(id, entry.operator)
  }
  return (bid) =>
    byBid.get(bid.id) ?? (bid.source === 'absentee' ? bookAt.get(bid.at) : undefined) ?? ''
}

/**
 * `log`: the lot's entries of its sale's audit log (and the sale's own: create, start, end),
 * oldest first; null when the reader may not read it.
 */
export function auctionCsv(
  auction: Auction,
  oldestFirst: readonly BidEntry[],
  log: readonly LogEntry[] | null = null,
): string {
  const digits = currencyDigits(auction.currency)
  const money = (minor: number | null): string =>
    minor === null ? '' : minorToDecimal(minor, digits)
  const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString())
  const operators = log && enteredBy(log)
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
    [
      'bid_id',
      'time',
      'bidder_id',
      'amount',
      'kind',
      'outcome',
      'source',
      ...(log ? ['entered_by', 'retracted_at', 'retracted_by', 'retract_reason'] : []),
    ],
    ...oldestFirst.map((bid) => [
      bid.id,
      iso(bid.at),
      bid.bidderId,
      money(bid.amount),
      bid.kind,
      bid.outcome,
      bid.source,
      ...(log
        ? [
            operators ? operators(bid) : '',
            iso(bid.retracted?.at ?? null),
            bid.retracted?.by ?? '',
            bid.retracted?.reason ?? '',
          ]
        : []),
    ]),
  ]
  if (log) {
    rows.push(
      [],
      [
        'log_time',
        'operator',
        'action',
        'price_before',
        'price_after',
        'leader_before',
        'leader_after',
        'reason',
      ],
      ...log.map((entry) => [
        iso(entry.at),
        entry.operator,
        entry.action,
        money(entry.priceBefore),
        money(entry.priceAfter),
        entry.leaderBefore ?? '',
        entry.leaderAfter ?? '',
        entry.reason ?? '',
      ]),
    )
  }
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
