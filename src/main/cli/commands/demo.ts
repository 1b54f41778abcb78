// `demo`: a few live auctions with some bidding, to show the console something real.
import type { Auction } from '../../../shared/domain'
import type { AuctionEngine, CreateAuctionInput } from '../../engine'
import { parse } from '../args'
import { finish } from '../output'

const LOTS: (CreateAuctionInput & { bids: [string, string, string?][] })[] = [
  {
    title: 'Lot 12 — Georgian silver teapot, London 1790',
    description: 'Hallmarked, 620 g. Minor dent to the lid.',
    sellerId: 'seller-1',
    startingPrice: '200.00',
    reservePrice: '450.00',
    incrementTable: [
      { from: '0', increment: '10.00' },
      { from: '500.00', increment: '25.00' },
    ],
    durationMs: 30 * 60_000,
    softCloseSeconds: 60,
    bids: [
      ['paddle-42', '200.00', '300.00'],
      ['paddle-7', '250.00'],
      ['paddle-7', '320.00'],
    ],
  },
  {
    title: 'Lot 31 — Woodblock print, Hiroshige',
    description: 'From the Hundred Famous Views of Edo. Framed.',
    sellerId: 'seller-2',
    currency: 'JPY',
    startingPrice: '50000',
    increment: '1000',
    durationMs: 12 * 60_000,
    softCloseSeconds: 30,
    bids: [['paddle-3', '50000', '80000']],
  },
  {
    title: 'Lot 58 — Mid-century teak sideboard',
    description: 'Danish, 1960s, 180 cm. Collection only.',
    sellerId: 'seller-1',
    currency: 'EUR',
    startingPrice: '150.00',
    increment: '5.00',
    durationMs: 4 * 60_000,
    bids: [],
  },
]

export async function demo(engine: AuctionEngine, args: string[]): Promise<number> {
  parse(args, {}, 0)
  const auctions: Auction[] = []
  for (const { bids, ...lot } of LOTS) {
    const created = await engine.createAuction({ ...lot, start: true })
    if (!created.ok) return finish(created)
    for (const [bidderId, amount, max] of bids) {
      const placed = await engine.placeBid({
        auctionId: created.auction.id,
        bidderId,
        amount,
        max,
        source: 'floor',
      })
      if (!placed.ok) return finish(placed)
    }
    const fresh = await engine.getAuction(created.auction.id)
    if (!fresh.ok) return finish(fresh)
    auctions.push(fresh.auction)
  }
  const answer: { ok: true; auctions: Auction[] } = { ok: true, auctions }
  return finish(answer)
}
