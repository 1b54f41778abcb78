// The CLI as a user runs it: a real process, JSON on stdout, exit codes 0 / 2 / 1.
import { describe, expect, it } from 'vitest'
import { uniqueId } from '../support/engine'
import { cli, errorCode, type Run } from './support'

describe('CLI', { timeout: 180_000 }, () => {
  it('creates, bids, shows history and ends an auction', async () => {
    const seller = uniqueId('seller')
    const created = await cli([
      'auction',
      'create',
      '--title',
      'Teapot',
      '--seller',
      seller,
      '--start-price',
      '10.00',
      '--increment',
      '1.00',
      '--reserve',
      '15.00',
      '--duration',
      '15m',
      '--soft-close',
      '30s',
      '--start',
    ])
    expect(created.code).toBe(0)
    const auction = created.json.auction as Record<string, unknown>
    expect(auction).toMatchObject({
      status: 'active',
      sellerId: seller,
      startingPrice: 1000,
      reservePrice: 1500,
      reserveMet: false,
      increment: 100,
      currentPrice: 1000,
      leaderId: null,
      bidCount: 0,
      softCloseSeconds: 30,
      currency: 'USD',
    })
    const id = auction.id as string

    const first = await cli([
      'bid',
      id,
      '--bidder',
      'p1',
      '--amount',
      '10.00',
      '--max',
      '20.00',
      '--request-id',
      'r-1',
      '--source',
      'floor',
    ])
    expect(first.code).toBe(0)
    expect(first.json).toMatchObject({
      ok: true,
      bidId: 1,
      auctionId: id,
      result: 'leading',
      price: 1500,
      leaderId: 'p1',
      extended: false,
      duplicate: false,
    })
    const again = await cli([
      'bid',
      id,
      '--bidder',
      'p1',
      '--amount',
      '10.00',
      '--max',
      '20.00',
      '--request-id',
      'r-1',
      '--source',
      'floor',
    ])
    expect(again.json).toMatchObject({ ok: true, bidId: 1, duplicate: true, price: 1500 })

    const low = await cli(['bid', id, '--bidder', 'p2', '--amount', '15.50'])
    expect(low.code).toBe(2)
    expect(low.json.error).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1600 })

    const history = await cli(['history', id, '--limit', '1'])
    expect(history.code).toBe(0)
    const bids = history.json.bids as { id: number; source: string }[]
    expect(bids).toHaveLength(1)
    expect(bids[0]?.id).toBe(2)
    const older = await cli(['history', id, '--before', '2'])
    expect(
      (older.json.bids as { id: number; source: string }[]).map((b) => [b.id, b.source]),
    ).toEqual([[1, 'floor']])

    const wrongActor = await cli(['auction', 'end', id, '--as', 'someone-else'])
    expect(wrongActor.code).toBe(2)
    expect(errorCode(wrongActor)).toBe('NOT_SELLER')
    const ended = await cli(['auction', 'end', id, '--as', seller])
    expect(ended.code).toBe(0)
    expect(ended.json.auction).toMatchObject({
      status: 'ended',
      result: { winnerId: 'p1', finalPrice: 1500, reserveMet: true },
    })

    const shown = await cli(['auction', 'show', id])
    expect(shown.json.auction).toMatchObject({ id, status: 'ended' })
    const listed = await cli(['auction', 'list', '--seller', seller, '--status', 'ended'])
    expect((listed.json.auctions as { id: string }[]).map((a) => a.id)).toEqual([id])
  })

  it('rejects malformed input with a clear code and exit 2, changing nothing', async () => {
    const seller = uniqueId('seller')
    const created = await cli([
      'auction',
      'create',
      '--title',
      'Print',
      '--seller',
      seller,
      '--start-price',
      '500',
      '--currency',
      'JPY',
      '--increment-table',
      '[{"from":0,"increment":100},{"from":10000,"increment":500}]',
      '--duration',
      '1h',
      '--start',
    ])
    expect(created.code).toBe(0)
    const id = (created.json.auction as { id: string }).id
    // One process at a time: each is a full Node start.
    const runs: Run[] = []
    for (const args of [
      ['bid', id, '--bidder', 'p1', '--amount', '500.5'],
      ['bid', id, '--bidder', 'p1', '--amount', '-500'],
      ['bid', id, '--bidder', 'p1', '--amount', '5e3'],
      ['bid', id, '--bidder', 'p1', '--amount', '600', '--max', '550'],
      ['bid', id, '--bidder', seller, '--amount', '600'],
      ['bid', id, '--bidder', 'p1', '--amount', '600', '--source', 'carrier-pigeon'],
      ['bid', 'NOPE', '--bidder', 'p1', '--amount', '600'],
      ['history', id, '--limit', 'many'],
      [
        'auction',
        'create',
        '--title',
        'X',
        '--seller',
        seller,
        '--start-price',
        '1.00',
        '--increment',
        '1.00',
      ],
      [
        'auction',
        'create',
        '--title',
        'X',
        '--seller',
        seller,
        '--start-price',
        '1.00',
        '--increment',
        '1.00',
        '--duration',
        'soon',
      ],
      ['auction', 'list', '--status', 'sold'],
      ['auction', 'frob'],
    ]) {
      runs.push(await cli(args))
    }
    expect(runs.map((run) => [run.code, errorCode(run)])).toEqual([
      [2, 'INVALID_AMOUNT'],
      [2, 'INVALID_AMOUNT'],
      [2, 'INVALID_AMOUNT'],
      [2, 'MAX_BELOW_AMOUNT'],
      [2, 'SELLER_CANNOT_BID'],
      [2, 'INVALID_INPUT'],
      [2, 'AUCTION_NOT_FOUND'],
      [2, 'INVALID_INPUT'],
      [2, 'INVALID_INPUT'],
      [2, 'INVALID_INPUT'],
      [2, 'INVALID_INPUT'],
      [2, 'INVALID_INPUT'],
    ])
    const after = await cli(['auction', 'show', id])
    expect(after.json.auction).toMatchObject({
      currentPrice: 500,
      bidCount: 0,
      leaderId: null,
      seq: 2,
    })
  })

  it('numeric flags are digits only: 0x10, " 12" and 1e3 exit 2 with INVALID_INPUT on the flag', async () => {
    const runs: Run[] = []
    for (const args of [
      ['history', 'ANY', '--limit', '0x10'],
      ['history', 'ANY', '--limit', ' 12'],
      ['history', 'ANY', '--before', '0x10'],
      ['history', 'ANY', '--before', ' 12'],
      ['auction', 'list', '--limit', '1e3'],
      ['sale', 'log', 'ANY', '--limit', '0x10'],
    ]) {
      runs.push(await cli(args))
    }
    expect(
      runs.map((run) => [run.code, errorCode(run), (run.json.error as { field?: string }).field]),
    ).toEqual([
      [2, 'INVALID_INPUT', 'limit'],
      [2, 'INVALID_INPUT', 'limit'],
      [2, 'INVALID_INPUT', 'before'],
      [2, 'INVALID_INPUT', 'before'],
      [2, 'INVALID_INPUT', 'limit'],
      [2, 'INVALID_INPUT', 'limit'],
    ])
  })

  it('exits 1 with REDIS_UNAVAILABLE when Redis cannot be reached', async () => {
    const run = await cli(['auction', 'show', 'ANY'], { REDIS_URL: 'redis://127.0.0.1:1' })
    expect(run.code).toBe(1)
    expect(errorCode(run)).toBe('REDIS_UNAVAILABLE')
    expect(run.stderr).toContain('cannot reach Redis')
  })

  it('refuses a REDIS_URL or REDIS_DURABILITY it cannot read, naming it (INVALID_INPUT)', async () => {
    const noMaster = await cli(['auction', 'show', 'ANY'], {
      REDIS_URL: 'redis+sentinel://127.0.0.1:26379',
    })
    expect(noMaster.code).toBe(2)
    expect(noMaster.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'REDIS_URL' })
    expect(String((noMaster.json.error as { message: string }).message)).toMatch(/master name/)
    const durability = await cli(['auction', 'show', 'ANY'], { REDIS_DURABILITY: 'sometimes' })
    expect(durability.json.error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'REDIS_DURABILITY',
    })
  })

  it('answers REDIS_UNAVAILABLE when no node of a cluster URL answers', async () => {
    const run = await cli(['auction', 'show', 'ANY'], {
      REDIS_URL: 'redis+cluster://127.0.0.1:1,127.0.0.1:2',
    })
    expect(run.code).toBe(1)
    expect(errorCode(run)).toBe('REDIS_UNAVAILABLE')
  })

  it('creates live demo auctions and an open timed sale', async () => {
    const run = await cli(['demo'])
    expect(run.code).toBe(0)
    const auctions = run.json.auctions as { status: string; bidCount: number }[]
    expect(auctions.length).toBeGreaterThanOrEqual(3)
    expect(auctions.every((a) => a.status === 'active')).toBe(true)
    expect(auctions.some((a) => a.bidCount > 0)).toBe(true)
    expect(run.json.sale).toMatchObject({
      mode: 'timed',
      status: 'open',
      lotCount: 5,
      lotCounts: { active: 5 },
    })
  })
})
