// Reads every page of an auction's history (oldest bid is id 1) and downloads it as CSV,
// each entry as recorded (an automatic bid keeps the source of the maximum it came from),
// with who did what and when from the sale's audit log where the reader may read it.
import type { AuctionApi } from '../../../shared/contract'
import { saleIdOf, type Auction, type BidEntry, type LogEntry } from '../../../shared/domain'
import { auctionCsv, downloadText } from './csv'

const PAGE = 1000
const NAME_LIMIT = 40

export async function readAllBids(
  api: AuctionApi,
  auctionId: string,
): Promise<BidEntry[] | string> {
  const pages: BidEntry[][] = []
  let before: number | undefined
  for (;;) {
    const answer = await api.call('bids:history', {
      auctionId,
      limit: PAGE,
      ...(before ? { before } : {}),
    })
    if (!answer.ok) return answer.error.message
    if (answer.bids.length === 0) break
    pages.push(answer.bids)
    const oldest = answer.bids[answer.bids.length - 1] as BidEntry
    if (oldest.id <= 1) break
    before = oldest.id
  }
  return pages.flat().reverse()
}

/**
 * "<title words>-<id>.csv": the title in lower-case words joined by "-", cut after the
 * last whole word that fits in 40 characters (a single longer word is cut to fit).
 */
export function csvFileName(title: string, id: string): string {
  const words = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > NAME_LIMIT) break
    slug = next
  }
  if (!slug && words[0]) slug = words[0].slice(0, NAME_LIMIT)
  return `${slug || 'auction'}-${id}.csv`
}

/**
 * The lot's entries of its sale's audit log, and the sale's own (create, start, end…), or
 * null when this reader may not read the log (only staff and the sale's seller may).
 */
async function lotLog(api: AuctionApi, auction: Auction): Promise<LogEntry[] | null> {
  const answer = await api.call('sales:log', { saleId: saleIdOf(auction.id) })
  if (!answer.ok) return null
  return answer.entries.filter((entry) => entry.lotId === null || entry.lotId === auction.id)
}

/** The CSV file of an auction as it is now, or the reason it cannot be read. */
export async function auctionExport(
  api: AuctionApi,
  auction: Auction,
): Promise<{ filename: string; text: string } | string> {
  const fresh = await api.call('auctions:get', { auctionId: auction.id })
  const current = fresh.ok ? fresh.auction : auction
  const bids = await readAllBids(api, auction.id)
  if (typeof bids === 'string') return bids
  const log = await lotLog(api, current)
  return {
    filename: csvFileName(current.title, current.id),
    text: auctionCsv(current, bids, log),
  }
}

/** Downloads the auction's CSV; answers an error message or null. */
export async function exportAuction(api: AuctionApi, auction: Auction): Promise<string | null> {
  const file = await auctionExport(api, auction)
  if (typeof file === 'string') return file
  downloadText(file.filename, file.text)
  return null
}
