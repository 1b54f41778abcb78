// Every key of one auction carries the hash tag {<auctionId>}, so a script touches one
// cluster slot. Global indices are separate keys, written outside the scripts.

export const auctionKeys = (auctionId: string) => {
  const tag = `{${auctionId}}`
  return {
    auction: `auction:${tag}`,
    bids: `auction:${tag}:bids`,
    requests: `auction:${tag}:requests`,
  } as const
}

export const indexKeys = {
  /** Active auctions scored by endsAt: what the scheduler closes. */
  ending: 'auctions:ending',
  /** Scheduled auctions scored by startsAt: what the scheduler starts. */
  starting: 'auctions:starting',
  /** All auctions by creation time. */
  all: 'auctions:all',
  byStatus: (status: string) => `auctions:status:${status}`,
  bySeller: (sellerId: string) => `seller:${sellerId}:auctions`,
  byBidder: (bidderId: string) => `bidder:${bidderId}:auctions`,
} as const
