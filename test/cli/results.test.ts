// The sale's terms and results from the CLI: `sale create|update` with the term flags,
// `lot add --consignor`, and `sale results|invoice|statement|report` printing exactly their
// JSON documents, or the CSV export with --csv. Who may read what: staff, a seller their own
// statement.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { Lot, Sale } from '../../src/shared/domain'
import { accepted, person } from '../engine/fixtures'
import { clerk, offer } from '../engine/live-fixtures'
import { ok as done } from '../engine/sale-fixtures'
import { openEngine, redisUrl, uniqueId } from '../support/engine'
import { cli, errorCode, type Run } from './support'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

async function ok(args: string[]): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(0)
  expect(run.json.ok).toBe(true)
  return run
}

async function refused(args: string[], code: string): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(2)
  expect(errorCode(run)).toBe(code)
  return run
}

/** A command whose stdout is not JSON (--csv): its exit code and everything it printed. */
function raw(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
      env: { ...process.env, REDIS_URL: redisUrl() },
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

const keys = (value: unknown): string[] => Object.keys(value as object).sort()

/**
 * A live GBP sale made with the CLI: premium 25% to 1,000.00 then 20%, tax 20%, commission
 * 15% (bee 10%), fee 5.00; lots 1 (seller's), 2 (bee's), 3 (bee's). Run with the engine:
 * lot 1 sold to paddle 142 at 1,234.55, lot 2 passed, lot 3 withdrawn.
 */
async function soldSale(): Promise<{ sale: Sale; seller: string; bee: string; lots: Lot[] }> {
  const seller = uniqueId('seller')
  const bee = uniqueId('bee')
  const created = await ok([
    'sale',
    'create',
    '--title',
    'Evening sale',
    '--mode',
    'live',
    '--currency',
    'GBP',
    '--increment',
    '10.00',
    '--premium',
    '[{"upTo":"1000.00","rate":"25%"},{"rate":"20%"}]',
    '--premium-tax',
    '20%',
    '--commission',
    '15%',
    '--consignor-commission',
    JSON.stringify({ [bee]: '10%' }),
    '--lot-fee',
    '5.00',
    '--as',
    seller,
  ])
  const sale = created.json.sale as Sale
  expect(sale.terms).toEqual({
    premiumBands: [
      { upTo: 100_000, rate: 250_000 },
      { upTo: null, rate: 200_000 },
    ],
    premiumTaxRate: 200_000,
    commissionRate: 150_000,
    consignorRates: { [bee]: 100_000 },
    lotFee: 500,
    requireRegistration: false,
  })
  const lots: Lot[] = []
  for (const [number, extra] of [
    ['1', ['--estimate', '500-800']],
    ['2', ['--estimate', '1000-1500', '--consignor', bee]],
    ['3', ['--consignor', bee]],
  ] as const) {
    const run = await ok([
      'lot',
      'add',
      sale.id,
      '--number',
      number,
      '--title',
      `Lot ${number}`,
      '--start-price',
      '100.00',
      ...extra,
      '--as',
      seller,
    ])
    lots.push(run.json.lot as Lot)
  }
  expect(lots.map((lot) => lot.consignor)).toEqual([seller, bee, bee])
  const actor = person(seller)
  done(await engine.withdrawLot(lots[2]?.id as string, clerk))
  done(await engine.startSale(sale.id, actor))
  await offer(engine, sale.id)
  accepted(
    await engine.placeBid({ auctionId: lots[0]?.id as string, bidderId: '142', amount: '1234.55' }),
  )
  done(await engine.hammerLot(lots[0]?.id as string, {}, clerk))
  await offer(engine, sale.id)
  done(await engine.passLot(lots[1]?.id as string, clerk))
  done(await engine.endSale(sale.id, actor))
  return { sale, seller, bee, lots }
}

describe.concurrent("CLI: a sale's terms and results", { timeout: 120_000 }, () => {
  it('sale results, invoice, statement and report print exactly their documents', async () => {
    const { sale, seller, bee, lots } = await soldSale()
    const [one, two, three] = lots.map((lot) => lot.id)

    const results = (await ok(['sale', 'results', sale.id, '--staff'])).json
    expect(keys(results)).toEqual(['currency', 'lots', 'ok', 'saleId', 'totals'])
    // 1,234.55: premium 25% of 1,000.00 + 20% of 234.55 = 296.91; tax 20% → 59.382 → 59.38.
    expect(results).toEqual({
      ok: true,
      saleId: sale.id,
      currency: 'GBP',
      lots: [
        {
          lotId: one,
          number: '1',
          title: 'Lot 1',
          status: 'sold',
          consignor: seller,
          estimateLow: 50_000,
          estimateHigh: 80_000,
          winnerId: '142',
          hammer: 123_455,
          premium: 29_691,
          tax: 5938,
          total: 159_084,
        },
        {
          lotId: two,
          number: '2',
          title: 'Lot 2',
          status: 'passed',
          consignor: bee,
          estimateLow: 100_000,
          estimateHigh: 150_000,
          winnerId: null,
          hammer: 0,
          premium: 0,
          tax: 0,
          total: 0,
        },
        {
          lotId: three,
          number: '3',
          title: 'Lot 3',
          status: 'withdrawn',
          consignor: bee,
          estimateLow: null,
          estimateHigh: null,
          winnerId: null,
          hammer: 0,
          premium: 0,
          tax: 0,
          total: 0,
        },
      ],
      totals: {
        hammer: 123_455,
        premium: 29_691,
        tax: 5938,
        total: 159_084,
        lotsOffered: 2,
        lotsSold: 1,
        lotsPassed: 1,
        lotsWithdrawn: 1,
        lotsOpen: 0,
        buyers: 1,
      },
    })

    const invoice = (await ok(['sale', 'invoice', sale.id, '--paddle', '142', '--staff'])).json
    expect(keys(invoice)).toEqual(['invoice', 'ok'])
    expect(invoice.invoice).toEqual({
      saleId: sale.id,
      saleTitle: 'Evening sale',
      currency: 'GBP',
      paddle: '142',
      bidder: null,
      lines: [
        {
          lotId: one,
          number: '1',
          title: 'Lot 1',
          hammer: 123_455,
          premium: 29_691,
          tax: 5938,
          total: 159_084,
        },
      ],
      hammer: 123_455,
      premium: 29_691,
      tax: 5938,
      total: 159_084,
    })

    // The seller reads their own statement: 15% of 1,234.55 = 185.1825 → 185.18, fee 5.00.
    const statement = (await ok(['sale', 'statement', sale.id, '--seller', seller, '--as', seller]))
      .json
    expect(keys(statement)).toEqual(['ok', 'statement'])
    expect(statement.statement).toEqual({
      saleId: sale.id,
      saleTitle: 'Evening sale',
      currency: 'GBP',
      sellerId: seller,
      commissionRate: 150_000,
      lines: [
        {
          lotId: one,
          number: '1',
          title: 'Lot 1',
          hammer: 123_455,
          commission: 18_518,
          fee: 500,
          net: 104_437,
        },
      ],
      unsold: [],
      hammer: 123_455,
      commission: 18_518,
      fees: 500,
      net: 104_437,
    })
    const bees = (await ok(['sale', 'statement', sale.id, '--seller', bee, '--staff'])).json
    expect(bees.statement).toMatchObject({
      sellerId: bee,
      commissionRate: 100_000,
      lines: [],
      unsold: [
        { lotId: two, number: '2', title: 'Lot 2', status: 'passed' },
        { lotId: three, number: '3', title: 'Lot 3', status: 'withdrawn' },
      ],
      net: 0,
    })

    const report = (await ok(['sale', 'report', sale.id, '--staff'])).json
    expect(keys(report)).toEqual(['ok', 'report'])
    expect(report.report).toMatchObject({
      saleId: sale.id,
      title: 'Evening sale',
      currency: 'GBP',
      status: 'closed',
      lots: { total: 3, offered: 2, sold: 1, passed: 1, withdrawn: 1, open: 0 },
      sellThroughByLots: 0.5,
      sellThroughByValue: 0.823, // 1,234.55 ÷ (500.00 + 1,000.00)
      hammerTotal: 123_455,
      premiumTotal: 29_691,
      taxTotal: 5938,
      estimateLowTotal: 150_000,
      estimateHighTotal: 230_000,
      aboveEstimate: 1,
      belowEstimate: 0,
      topLots: [{ lotId: one, number: '1', title: 'Lot 1', hammer: 123_455, winnerId: '142' }],
    })
  })

  it('--csv prints the export instead of the JSON', async () => {
    const { sale, seller, bee, lots } = await soldSale()
    const [one, two, three] = lots.map((lot) => lot.id)
    const csv = async (args: string[]): Promise<string> => {
      const run = await raw(args)
      expect(run.code, run.stdout).toBe(0)
      return run.stdout
    }
    expect(await csv(['sale', 'results', sale.id, '--staff', '--csv'])).toBe(
      [
        'lot,lot_id,title,status,consignor,estimate_low,estimate_high,paddle,hammer,premium,tax,total,currency',
        `1,${one},Lot 1,sold,${seller},500.00,800.00,142,1234.55,296.91,59.38,1590.84,GBP`,
        `2,${two},Lot 2,passed,${bee},1000.00,1500.00,,,,,,GBP`,
        `3,${three},Lot 3,withdrawn,${bee},,,,,,,,GBP`,
        '',
      ].join('\r\n'),
    )
    expect(await csv(['sale', 'invoice', sale.id, '--paddle', '142', '--staff', '--csv'])).toBe(
      [
        'paddle,name,lot,lot_id,title,hammer,premium,tax,total,currency',
        `142,,1,${one},Lot 1,1234.55,296.91,59.38,1590.84,GBP`,
        '',
      ].join('\r\n'),
    )
    expect(await csv(['sale', 'statement', sale.id, '--seller', bee, '--as', bee, '--csv'])).toBe(
      [
        'seller,lot,lot_id,title,status,hammer,commission,fee,net,currency',
        `${bee},2,${two},Lot 2,passed,,,,,GBP`,
        `${bee},3,${three},Lot 3,withdrawn,,,,,GBP`,
        '',
      ].join('\r\n'),
    )
    expect(await csv(['sale', 'report', sale.id, '--staff', '--csv'])).toBe(
      [
        'lot,lot_id,status,hammer,estimate_low,estimate_high,currency',
        `1,${one},sold,1234.55,500.00,800.00,GBP`,
        `2,${two},passed,,1000.00,1500.00,GBP`,
        `3,${three},withdrawn,,,,GBP`,
        '',
      ].join('\r\n'),
    )
    // A refusal is still one JSON document, with --csv or not.
    const refusedCsv = await raw(['sale', 'results', sale.id, '--as', seller, '--csv'])
    expect(refusedCsv.code).toBe(2)
    expect(JSON.parse(refusedCsv.stdout)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    })
  })

  it("results, invoices and reports are staff's; a seller reads only their own statement", async () => {
    const { sale, seller, bee } = await soldSale()
    await refused(['sale', 'results', sale.id, '--as', seller], 'UNAUTHORIZED')
    await refused(['sale', 'invoice', sale.id, '--paddle', '142', '--as', seller], 'UNAUTHORIZED')
    await refused(['sale', 'report', sale.id, '--as', seller], 'UNAUTHORIZED')
    await refused(['sale', 'statement', sale.id, '--seller', bee, '--as', seller], 'NOT_SELLER')
    await ok(['sale', 'statement', sale.id, '--seller', bee, '--as', bee])
    await refused(['sale', 'results', sale.id], 'INVALID_INPUT')
    await refused(['sale', 'invoice', sale.id, '--staff'], 'INVALID_INPUT')
    await refused(['sale', 'results', uniqueId('nosale'), '--staff'], 'SALE_NOT_FOUND')
    // A paddle that bought nothing: empty lines and zeros.
    const none = (await ok(['sale', 'invoice', sale.id, '--paddle', '7', '--staff'])).json
    expect(none.invoice).toMatchObject({
      paddle: '7',
      lines: [],
      hammer: 0,
      premium: 0,
      tax: 0,
      total: 0,
    })
  })

  it('sale update changes a draft only, for its seller or staff; bad flags change nothing', async () => {
    const seller = uniqueId('seller')
    const created = await ok([
      'sale',
      'create',
      '--title',
      'Draft',
      '--mode',
      'live',
      '--increment',
      '1.00',
      '--as',
      seller,
    ])
    const id = (created.json.sale as Sale).id
    const updated = await ok([
      'sale',
      'update',
      id,
      '--title',
      'Spring sale',
      '--description',
      'Silver and glass',
      '--premium',
      '[{"upTo":5000000,"rate":"25%"},{"rate":"12.5%"}]',
      '--commission',
      '12%',
      '--require-registration',
      '--as',
      seller,
    ])
    expect(updated.json.sale).toMatchObject({
      id,
      title: 'Spring sale',
      description: 'Silver and glass',
      terms: {
        premiumBands: [
          { upTo: 5_000_000, rate: 250_000 },
          { upTo: null, rate: 125_000 },
        ],
        commissionRate: 120_000,
        requireRegistration: true,
      },
    })
    // An empty value clears a term; staff may change it too.
    const cleared = await ok(['sale', 'update', id, '--premium', '', '--staff'])
    expect((cleared.json.sale as Sale).terms?.premiumBands).toEqual([])
    await refused(
      ['sale', 'update', id, '--commission', '1%', '--as', 'someone-else'],
      'NOT_SELLER',
    )
    const bad = await refused(
      ['sale', 'update', id, '--premium', '[{"rate":"5%"},{"upTo":1,"rate":"1%"}]', '--as', seller],
      'INVALID_INPUT',
    )
    expect((bad.json.error as { field: string }).field).toBe('premium')
    const badJson = await refused(
      ['sale', 'update', id, '--premium', '[{', '--as', seller],
      'INVALID_INPUT',
    )
    expect((badJson.json.error as { field: string }).field).toBe('premium')
    await refused(['sale', 'update', id, '--commission', '15', '--as', seller], 'INVALID_INPUT')
    await refused(['sale', 'update', id, '--as', seller], 'INVALID_INPUT')
    const show = (await ok(['sale', 'show', id])).json.sale as Sale
    expect(show.terms?.commissionRate).toBe(120_000)
    done(await engine.startSale(id, person(seller)), 'start')
    await refused(['sale', 'update', id, '--title', 'Too late', '--as', seller], 'INVALID_STATUS')
  })
})
