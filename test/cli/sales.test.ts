// Sales and lots from the CLI, as a seller scripts them: a real process per command.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lot, Sale } from '../../src/shared/domain'
import { uniqueId } from '../support/engine'
import { cli, errorCode, watchCli, type Run } from './support'

let dir: string
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'auction-cli-'))))
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function csvFile(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

const saleOf = (run: Run): Sale => run.json.sale as Sale
const lotOf = (run: Run): Lot => run.json.lot as Lot
const lotsOf = (run: Run): Lot[] => run.json.lots as Lot[]

async function ok(args: string[]): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(0)
  return run
}

/** A draft timed sale: increment 1.00, first close an hour after it opens. */
async function timedSale(seller: string): Promise<Sale> {
  const args = ['--title', 'Sale', '--mode', 'timed', '--increment', '1.00', '--duration', '1h']
  return saleOf(await ok(['sale', 'create', ...args, '--as', seller]))
}

async function addLot(saleId: string, seller: string, number: string, price = '10.00') {
  return lotOf(
    await ok([
      'lot',
      'add',
      saleId,
      '--number',
      number,
      '--title',
      `Lot ${number}`,
      '--start-price',
      price,
      '--as',
      seller,
    ]),
  )
}

describe('CLI: sales and lots', { timeout: 240_000 }, () => {
  it('builds a timed sale from lots and a catalogue, runs it, and ends it', async () => {
    const seller = uniqueId('seller')
    const createArgs = [
      'sale',
      'create',
      '--title',
      'Spring sale',
      '--mode',
      'timed',
      '--currency',
      'GBP',
      '--increment',
      '1.00',
      '--soft-close',
      '30s',
      '--close-interval',
      '500ms',
      '--duration',
      '1h',
      '--request-id',
      uniqueId('req'),
      '--as',
      seller,
    ]
    const created = await ok(createArgs)
    const sale = saleOf(created)
    expect(sale).toMatchObject({
      title: 'Spring sale',
      mode: 'timed',
      status: 'draft',
      currency: 'GBP',
      sellerId: seller,
      closeIntervalSeconds: 0.5,
      softCloseSeconds: 30,
      lotCount: 0,
    })
    // A retry after a lost answer is the same sale, not a second one.
    const retried = await ok(createArgs)
    expect(retried.json).toMatchObject({ duplicate: true, sale: { id: sale.id } })

    const teapot = lotOf(
      await ok([
        'lot',
        'add',
        sale.id,
        '--number',
        '1',
        '--title',
        'Teapot',
        '--start-price',
        '10.00',
        '--reserve',
        '15.00',
        '--estimate',
        '20-30',
        '--as',
        seller,
      ]),
    )
    expect(teapot).toMatchObject({
      saleId: sale.id,
      number: '1',
      title: 'Teapot',
      startingPrice: 1000,
      reservePrice: 1500,
      estimateLow: 2000,
      estimateHigh: 3000,
      lotStatus: 'waiting',
      status: 'draft',
      currency: 'GBP',
    })
    const chair = lotOf(
      await ok([
        'lot',
        'add',
        sale.id,
        '--number',
        '2',
        '--title',
        'Chair',
        '--start-price',
        '5',
        '--estimate',
        '8.00',
        '--as',
        seller,
      ]),
    )
    expect(chair).toMatchObject({ number: '2', estimateLow: 800, estimateHigh: 800 })
    const edited = lotOf(
      await ok([
        'lot',
        'edit',
        chair.id,
        '--title',
        'Oak chair',
        '--reserve',
        '6.00',
        '--as',
        seller,
      ]),
    )
    expect(edited).toMatchObject({ id: chair.id, title: 'Oak chair', reservePrice: 600 })
    // An empty value clears an optional field.
    const cleared = lotOf(await ok(['lot', 'edit', chair.id, '--estimate', '', '--as', seller]))
    expect(cleared).toMatchObject({ estimateLow: null, estimateHigh: null, reservePrice: 600 })
    const spare = await addLot(sale.id, seller, '3')
    const removed = await ok(['lot', 'remove', spare.id, '--as', seller])
    expect(removed.json).toMatchObject({ ok: true, lotId: spare.id })

    const good = await csvFile(
      'good.csv',
      [
        'Lot,Title,Description,Estimate_Low,Estimate_High,Start_Price,Reserve,Increment',
        '10,"Vase, blue and white","Qing, 19th c.',
        'Small chip to the rim",200,300,100.00,150.00,',
        '11,Print,,,,50,,2.50',
        '11a,"The ""Boat"" print",,,,50,,',
        '',
      ].join('\r\n'),
    )
    const imported = await ok(['lot', 'import', sale.id, '--csv', good, '--as', seller])
    expect(lotsOf(imported).map((lot) => [lot.number, lot.title, lot.startingPrice])).toEqual([
      ['10', 'Vase, blue and white', 10000],
      ['11', 'Print', 5000],
      ['11A', 'The "Boat" print', 5000],
    ])
    expect(lotsOf(imported)[1]?.increment).toBe(250)
    expect(lotsOf(imported)[0]).toMatchObject({
      description: 'Qing, 19th c.\nSmall chip to the rim',
      estimateLow: 20000,
      estimateHigh: 30000,
      reservePrice: 15000,
    })

    const bad = await csvFile(
      'bad.csv',
      [
        'lot,title,start_price,reserve',
        '20,Good row,10,',
        '21,,10,',
        '22,Bad money,12.345,',
        '20,Repeat,10,',
        '23,Reserve,10,abc',
      ].join('\n'),
    )
    const refused = await cli(['lot', 'import', sale.id, '--csv', bad, '--as', seller])
    expect(refused.code).toBe(2)
    const error = refused.json.error as { code: string; rows: { line: number; code: string }[] }
    expect(error.code).toBe('INVALID_CATALOGUE')
    expect(error.rows.map((row) => [row.line, row.code])).toEqual([
      [3, 'INVALID_INPUT'],
      [4, 'INVALID_AMOUNT'],
      [5, 'LOT_NUMBER_TAKEN'],
      [6, 'INVALID_AMOUNT'],
    ])
    // A number the sale already has is found by the engine, and reported the same way.
    const clash = await csvFile('clash.csv', 'lot,title,start_price\n30,New,10\n1,Clash,10\n')
    const clashed = await cli(['lot', 'import', sale.id, '--csv', clash, '--as', seller])
    expect(clashed.code).toBe(2)
    expect(clashed.json.error).toMatchObject({
      code: 'INVALID_CATALOGUE',
      rows: [{ line: 3, code: 'LOT_NUMBER_TAKEN' }],
    })

    // Nothing of either refused file was imported.
    const catalogue = lotsOf(await ok(['sale', 'lots', sale.id]))
    expect(catalogue.map((lot) => lot.number)).toEqual(['1', '2', '10', '11', '11A'])
    const shown = saleOf(await ok(['sale', 'show', sale.id]))
    expect(shown).toMatchObject({ lotCount: 5, lotCounts: { waiting: 5 } })
    const listed = await ok(['sale', 'list', '--seller', seller])
    expect((listed.json.sales as Sale[]).map((s) => s.id)).toEqual([sale.id])
    const none = await ok(['sale', 'list', '--seller', seller, '--mode', 'live'])
    expect(none.json.sales).toEqual([])

    const stranger = await cli(['sale', 'start', sale.id, '--as', uniqueId('someone')])
    expect([stranger.code, errorCode(stranger)]).toEqual([2, 'NOT_SELLER'])
    const started = saleOf(await ok(['sale', 'start', sale.id, '--as', seller]))
    expect(started.status).toBe('open')
    expect((started.firstCloseAt ?? 0) - (started.startsAt ?? 0)).toBe(3_600_000)
    const active = lotsOf(await ok(['sale', 'lots', sale.id, '--status', 'active']))
    // One lot closes every 500 ms, in catalogue order, from the first close.
    expect(active.map((lot) => [lot.number, lot.status, lot.endsAt])).toEqual(
      ['1', '2', '10', '11', '11A'].map((number, index) => [
        number,
        'active',
        (started.firstCloseAt as number) + index * 500,
      ]),
    )

    const bid = await ok(['bid', teapot.id, '--bidder', 'p1', '--amount', '10.00', '--max', '20'])
    expect(bid.json).toMatchObject({ result: 'leading', price: 1500, reserveMet: true })

    const ended = saleOf(await ok(['sale', 'end', sale.id, '--as', seller]))
    expect(ended).toMatchObject({ status: 'closed', lotCounts: { sold: 1, passed: 4 } })
    const results = lotsOf(await ok(['sale', 'lots', sale.id]))
    expect(results.map((lot) => [lot.number, lot.lotStatus, lot.status])).toEqual([
      ['1', 'sold', 'ended'],
      ['2', 'passed', 'ended'],
      ['10', 'passed', 'ended'],
      ['11', 'passed', 'ended'],
      ['11A', 'passed', 'ended'],
    ])
    expect(results[0]?.result).toEqual({ winnerId: 'p1', finalPrice: 1500, reserveMet: true })
  })

  it('holds a live sale: lots wait when it opens and pass when it ends unoffered', async () => {
    const seller = uniqueId('seller')
    const sale = saleOf(
      await ok([
        'sale',
        'create',
        '--title',
        'Evening',
        '--mode',
        'live',
        '--increment',
        '1.00',
        '--staff',
        '--as',
        seller,
      ]),
    )
    expect(sale).toMatchObject({ mode: 'live', status: 'draft', sellerId: seller })
    await addLot(sale.id, seller, '1')
    await addLot(sale.id, seller, '2')

    const started = saleOf(await ok(['sale', 'start', sale.id, '--as', seller]))
    expect(started.status).toBe('open')
    const waiting = lotsOf(await ok(['sale', 'lots', sale.id]))
    expect(waiting.map((lot) => lot.lotStatus)).toEqual(['waiting', 'waiting'])

    const ended = saleOf(await ok(['sale', 'end', sale.id, '--staff']))
    expect(ended.status).toBe('closed')
    const passed = lotsOf(await ok(['sale', 'lots', sale.id]))
    expect(passed.map((lot) => [lot.lotStatus, lot.status])).toEqual([
      ['passed', 'ended'],
      ['passed', 'ended'],
    ])
  })

  it('watches a whole sale, or one lot of it', async () => {
    const seller = uniqueId('seller')
    const sale = await timedSale(seller)
    const first = await addLot(sale.id, seller, '1')
    const second = await addLot(sale.id, seller, '2')
    await ok(['sale', 'start', sale.id, '--as', seller])

    const everything = await watchCli(sale.id)
    const one = await watchCli(first.id)
    const typed = (type: string) => (events: Record<string, unknown>[]) =>
      events.some((event) => event.type === type)
    try {
      expect(everything.banner).toContain(`watching sale ${sale.id} (seq `)
      expect(one.banner).toContain(`watching auction ${first.id} (seq `)
      await ok(['bid', second.id, '--bidder', 'p1', '--amount', '10.00'])
      await ok(['bid', first.id, '--bidder', 'p2', '--amount', '10.00'])
      await ok(['sale', 'end', sale.id, '--as', seller])
      await everything.waitFor(typed('sale_closed'))
      await one.waitFor(typed('auction_ended'))
    } finally {
      expect(await everything.stop()).toBe(0)
      expect(await one.stop()).toBe(0)
    }
    // The sale's watcher sees every lot and the sale itself, in seq order.
    const seqs = everything.events.map((event) => event.seq as number)
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    const bids = everything.events.filter((event) => event.type === 'bid_placed')
    expect(bids.map((event) => event.auctionId)).toEqual([second.id, first.id])
    expect(
      everything.events
        .filter((event) => event.type === 'auction_ended')
        .map((event) => event.auctionId)
        .sort(),
    ).toEqual([first.id, second.id].sort())
    // A lot's watcher sees that lot alone.
    expect(one.events.map((event) => [event.type, event.auctionId])).toEqual([
      ['bid_placed', first.id],
      ['auction_ended', first.id],
    ])
  })

  it("keeps a standalone auction's watch on its lot: its id names its sale too", async () => {
    const created = await ok([
      'auction',
      'create',
      '--title',
      'Teapot',
      '--seller',
      uniqueId('seller'),
      '--start-price',
      '10.00',
      '--increment',
      '1.00',
      '--duration',
      '1h',
      '--start',
    ])
    const id = (created.json.auction as Lot).id
    const watching = await watchCli(id)
    try {
      expect(watching.banner).toContain(`watching auction ${id} (seq `)
      await ok(['bid', id, '--bidder', 'p1', '--amount', '10.00'])
      await watching.waitFor((events) => events.length > 0)
    } finally {
      expect(await watching.stop()).toBe(0)
    }
    expect(watching.events.map((event) => [event.type, event.auctionId])).toEqual([
      ['bid_placed', id],
    ])
  })

  it('rejects bad sale and lot commands with exit 2 and the field at fault', async () => {
    const seller = uniqueId('seller')
    const sale = await timedSale(seller)
    const runs: Run[] = []
    for (const args of [
      ['sale', 'create', '--title', 'X', '--mode', 'auction', '--as', seller],
      ['sale', 'create', '--title', 'X', '--mode', 'timed'],
      [
        'sale',
        'create',
        '--title',
        'X',
        '--mode',
        'timed',
        '--duration',
        '1h',
        '--first-close-at',
        '2030-01-01T18:00:00Z',
        '--as',
        seller,
      ],
      ['sale', 'list', '--status', 'sold'],
      ['sale', 'show', uniqueId('nope')],
      ['lot', 'add', sale.id, '--title', 'T', '--start-price', '1', '--as', seller],
      [
        'lot',
        'add',
        sale.id,
        '--number',
        '1',
        '--title',
        'T',
        '--start-price',
        '1',
        '--estimate',
        '300-',
        '--as',
        seller,
      ],
      ['lot', 'edit', `${sale.id}.1`, '--as', seller],
      ['lot', 'import', sale.id, '--csv', join(dir, 'missing.csv'), '--as', seller],
      ['lot', 'frob'],
    ]) {
      runs.push(await cli(args))
    }
    expect(
      runs.map((run) => [run.code, errorCode(run), (run.json.error as { field?: string }).field]),
    ).toEqual([
      [2, 'INVALID_INPUT', 'mode'],
      [2, 'INVALID_INPUT', 'as'],
      [2, 'INVALID_INPUT', 'duration'],
      [2, 'INVALID_INPUT', 'status'],
      [2, 'SALE_NOT_FOUND', undefined],
      [2, 'INVALID_INPUT', 'number'],
      [2, 'INVALID_INPUT', 'estimate'],
      [2, 'INVALID_INPUT', undefined],
      [2, 'INVALID_INPUT', 'csv'],
      [2, 'INVALID_INPUT', 'command'],
    ])
    expect(saleOf(await ok(['sale', 'show', sale.id])).lotCount).toBe(0)
  })
})
