// The CSV export writes each history entry as recorded: an automatic (proxy) bid keeps the
// source of the maximum it came from, never the challenger's, and the file name is cut at
// a word boundary.
import { describe, expect, it } from 'vitest'
import type { BidEntry, LogEntry } from '../../src/shared/domain'
import { fail } from '../../src/shared/errors'
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

  it('says who entered each bid and who did what when the reader may read the log', async () => {
    const api = createFakeApi()
    const auction = auctionAt(3, { id: 'S1.2', title: 'Teapot', bidCount: 2 })
    const bids = (history.slice(0, 2) as BidEntry[]).map((bid, index) =>
      index === 1 ? { ...bid, retracted: { reason: 'bid in error', by: 'clerk-9', at: 5 } } : bid,
    )
    api.handle('auctions:get', () => ({ ok: true, auction }))
    api.handle('bids:history', () => ({ ok: true, bids: [...bids].reverse(), total: 2 }))
    const entry = (action: string, operator: string, extra: Partial<LogEntry> = {}): LogEntry => ({
      id: `${action}-${operator}`,
      at: 0,
      operator,
      action,
      lotId: 'S1.2',
      priceBefore: null,
      priceAfter: null,
      leaderBefore: null,
      leaderAfter: null,
      reason: null,
      detail: null,
      prev: '',
      hash: '',
      ...extra,
    })
    api.handle('sales:log', () => ({
      ok: true,
      entries: [
        entry('start', 'seller-1', { lotId: null }),
        entry('bid', 'clerk-7', { detail: { bidIds: [1] }, priceAfter: 25000, leaderAfter: '12' }),
        entry('bid', 'online-7', { detail: { bidIds: [2] } }),
        entry('bid', 'clerk-7', { lotId: 'S1.3', detail: { bidIds: [9] } }),
        entry('retract', 'clerk-9', { reason: 'bid in error', priceBefore: 32000 }),
      ],
    }))
    const file = await auctionExport(api, auction)
    if (typeof file === 'string') throw new Error(file)
    const lines = file.text.split('\r\n')
    expect(lines[3]).toBe(
      'bid_id,time,bidder_id,amount,kind,outcome,source,entered_by,retracted_at,retracted_by,retract_reason',
    )
    expect(lines[4]?.split(',').slice(7)).toEqual(['clerk-7', '', '', ''])
    expect(lines[5]?.split(',').slice(7)).toEqual([
      'online-7',
      '1970-01-01T00:00:00.005Z',
      'clerk-9',
      'bid in error',
    ])
    expect(lines[7]).toBe(
      'log_time,operator,action,price_before,price_after,leader_before,leader_after,reason',
    )
    // The lot's entries and the sale's own, not another lot's.
    expect(lines.slice(8, -1).map((line) => line.split(',').slice(1, 3).join(' '))).toEqual([
      'seller-1 start',
      'clerk-7 bid',
      'online-7 bid',
      'clerk-9 retract',
    ])
    expect(lines[9]?.split(',').slice(3, 7)).toEqual(['', '250.00', '', '12'])
  })

  it('leaves the log out for a reader who may not read it', async () => {
    const api = createFakeApi()
    const auction = auctionAt(3, { id: 'S1.2', title: 'Teapot', bidCount: 1 })
    api.handle('auctions:get', () => ({ ok: true, auction }))
    api.handle('bids:history', () => ({ ok: true, bids: history.slice(0, 1), total: 1 }))
    api.handle('sales:log', () => fail('NOT_SELLER', 'staff and the seller only'))
    const file = await auctionExport(api, auction)
    if (typeof file === 'string') throw new Error(file)
    expect(file.text).not.toContain('entered_by')
    expect(file.text).not.toContain('log_time')
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
