// The CSV export writes each history entry as recorded: an automatic (proxy) bid keeps the
// source of the maximum it came from, never the challenger's, and the file name is cut at
// a word boundary.
import { describe, expect, it } from 'vitest'
import type { BidEntry } from '../../src/shared/domain'
import { auctionExport, csvFileName } from '../../src/renderer/src/lib/exportAuction'
import { auctionAt, createFakeApi } from './support/fakeApi'

/** An absentee maximum placed online (p-12) defending against floor and phone challengers. */
const history: BidEntry[] = [
  {
    id: 1,
    bidderId: '12',
    amount: 25000,
    kind: 'manual',
    outcome: 'leading',
    source: 'online',
    at: 1,
    seq: 1,
  },
  {
    id: 2,
    bidderId: '7',
    amount: 32000,
    kind: 'manual',
    outcome: 'outbid',
    source: 'floor',
    at: 2,
    seq: 2,
  },
  {
    id: 3,
    bidderId: '12',
    amount: 34000,
    kind: 'auto',
    outcome: 'leading',
    source: 'online',
    at: 2,
    seq: 2,
  },
  {
    id: 4,
    bidderId: '9',
    amount: 36000,
    kind: 'manual',
    outcome: 'outbid',
    source: 'phone',
    at: 3,
    seq: 3,
  },
  {
    id: 5,
    bidderId: '12',
    amount: 38000,
    kind: 'auto',
    outcome: 'leading',
    source: 'online',
    at: 3,
    seq: 3,
  },
]

describe('CSV export', () => {
  it('gives every entry its own recorded source, automatic bids included', async () => {
    const api = createFakeApi()
    const auction = auctionAt(3, { id: 'A7', title: 'Georgian silver teapot', bidCount: 5 })
    api.handle('auctions:get', () => ({ ok: true, auction }))
    // Two pages, newest first, as bids:history answers.
    api.handle('bids:history', (input) => {
      const older = input.before
        ? history.filter((bid) => bid.id < (input.before as number))
        : history
      const page = [...older].reverse().slice(0, 3)
      return { ok: true, bids: page, total: history.length }
    })
    const file = await auctionExport(api, auction)
    if (typeof file === 'string') throw new Error(file)
    const lines = file.text.split('\r\n')
    expect(lines[3]).toBe('bid_id,time,bidder_id,amount,kind,outcome,source')
    expect(lines.slice(4, 9).map((line) => line.split(',').slice(2).join(','))).toEqual([
      '12,250.00,manual,leading,online',
      '7,320.00,manual,outbid,floor',
      '12,340.00,auto,leading,online',
      '9,360.00,manual,outbid,phone',
      '12,380.00,auto,leading,online',
    ])
    expect(file.filename).toBe('georgian-silver-teapot-A7.csv')
  })

  it.each([
    [
      'Lot 7 — Silver teapot, London 179-something by Hester Bateman',
      'lot-7-silver-teapot-london-179-something',
    ],
    [
      'Lot 7 — Silver teapot, London 1789, maker Hester Bateman',
      'lot-7-silver-teapot-london-1789-maker',
    ],
    [
      'Supercalifragilisticexpialidocious-and-even-longer-words',
      'supercalifragilisticexpialidocious-and',
    ],
    [
      'Antidisestablishmentarianismsupercalifragilisticexpialidocious',
      'antidisestablishmentarianismsupercalifra',
    ],
    ['———', 'auction'],
  ])('names the file for %j at a word boundary', (title, slug) => {
    const name = csvFileName(title, 'A7')
    expect(name).toBe(`${slug}-A7.csv`)
    expect(slug.length).toBeLessThanOrEqual(40)
  })
})
