// `demo`: a few live auctions with some bidding, and a timed sale of five lots closing a
// minute apart, to show the console something real.
import type { Actor, Auction, Sale } from '../../../shared/domain'
import type { LotInput } from '../../../shared/sale-schemas'
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

const SALE_LOTS: LotInput[] = [
  {
    number: '1',
    title: 'Regency bracket clock',
    startingPrice: '500.00',
    reservePrice: '700.00',
    estimateLow: '800.00',
    estimateHigh: '1200.00',
  },
  { number: '2', title: 'Victorian carriage clock', startingPrice: '200.00' },
  {
    number: '3',
    title: 'French mantel clock',
    startingPrice: '150.00',
    estimateLow: '300.00',
    estimateHigh: '500.00',
  },
  { number: '3A', title: 'Pair of gilt candelabra', startingPrice: '120.00' },
  {
    number: '4',
    title: 'Swiss pocket watch, 18ct gold',
    startingPrice: '400.00',
    estimateLow: '600.00',
    estimateHigh: '900.00',
  },
]

/** A timed GBP sale of five lots, open, its first lot closing in ten minutes. */
async function demoSale(engine: AuctionEngine): Promise<Sale | Parameters<typeof finish>[0]> {
  const seller: Actor = { id: 'seller-3', staff: false }
  const created = await engine.createSale(
    {
      title: 'Clocks and watches',
      description: 'Bracket, carriage and mantel clocks; pocket watches.',
      mode: 'timed',
      currency: 'GBP',
      incrementTable: [
        { from: '0', increment: '10.00' },
        { from: '500.00', increment: '25.00' },
      ],
      durationMs: 10 * 60_000,
      closeIntervalSeconds: 60,
      softCloseSeconds: 60,
    },
    seller,
  )
  if (!created.ok) return created
  const rows = SALE_LOTS.map((input, i) => ({ line: i + 1, input }))
  const imported = await engine.importLots(created.sale.id, rows, seller)
  if (!imported.ok) return imported
  const started = await engine.startSale(created.sale.id, seller)
  if (!started.ok) return started
  const [first] = imported.lots
  if (first) {
    const bid = await engine.placeBid({
      auctionId: first.id,
      bidderId: 'paddle-42',
      amount: '500.00',
      max: '750.00',
      source: 'online',
    })
    if (!bid.ok) return bid
  }
  return started.sale
}

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
  const sale = await demoSale(engine)
  if ('ok' in sale) return finish(sale)
  const answer: { ok: true; auctions: Auction[]; sale: Sale } = { ok: true, auctions, sale }
  return finish(answer)
}
