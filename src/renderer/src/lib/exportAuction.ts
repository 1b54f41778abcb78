// Reads every page of an auction's history (oldest bid is id 1) and downloads it as CSV.
import type { AuctionApi } from '../../../shared/contract'
import type { Auction, BidEntry } from '../../../shared/domain'
import { auctionCsv, downloadText } from './csv'

const PAGE = 1000

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

/** Downloads "<title>-<id>.csv"; answers an error message or null. */
export async function exportAuction(api: AuctionApi, auction: Auction): Promise<string | null> {
  const fresh = await api.call('auctions:get', { auctionId: auction.id })
  const current = fresh.ok ? fresh.auction : auction
  const bids = await readAllBids(api, auction.id)
  if (typeof bids === 'string') return bids
  const slug = current.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
  downloadText(`${slug || 'auction'}-${current.id}.csv`, auctionCsv(current, bids))
  return null
}
