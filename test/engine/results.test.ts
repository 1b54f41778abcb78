// A sale's results against real Redis: a timed and a live sale with sold, passed and
// withdrawn lots, several buyers and consignors. Every invoice is the sum of its lines, the
// sale's totals the sum of its invoices, and the statements add up to the hammer. Then the
// terms: set at create and by `sales:update` (a draft's only; NOT_SELLER, bad input and
// other statuses change nothing), and the seller's side shown to staff and the seller only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import type { AuctionEngine } from '../../src/main/engine'
import { saleKeys } from '../../src/main/engine'
import type { Actor, Lot } from '../../src/shared/domain'
import type { RegisterEntry } from '../../src/shared/register'
import type { Invoice, SaleResults, Statement } from '../../src/shared/results'
import { parseCatalogue } from '../../src/shared/catalogue-csv'
import type { SaleCreateInput } from '../../src/shared/sale-schemas'
import { accepted, openEngine, person, redisUrl, staff, uniqueId } from './fixtures'
import { clerk, everything, liveSale, offer } from './live-fixtures'
import { createSale, lotInput, lotsOf, ok, refused, saleLog, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let redis: RedisClient
let close: () => Promise<void>
beforeAll(async () => ({ engine, redis, close } = await openEngine()))
afterAll(() => close())

/** 25% of the hammer up to 100.00, 20% above; 20% tax on the premium; 15% commission. */
const TERMS = (special: string): Partial<SaleCreateInput> => ({
  premium: [{ upTo: '100.00', rate: '25%' }, { rate: '20%' }],
  premiumTax: '20%',
  commission: '15%',
  consignorCommission: { [special]: '12.5%' },
  lotFee: '2.50',
})

const bid = (lotId: string, bidderId: string, amount: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, source: 'online' })

/** A register entry as the register engineer's script writes it (paddle → JSON). */
async function register(saleId: string, paddle: string, name: string): Promise<void> {
  const entry: RegisterEntry = {
    paddle,
    name,
    email: null,
    phone: '+44 20 7946 0000',
    kind: 'phone',
    approved: true,
    limit: null,
    notes: '',
    createdAt: 1,
    updatedAt: 1,
  }
  await redis.hset(`${saleKeys(saleId).sale}:register`, paddle, JSON.stringify(entry))
}

const sum = <T>(items: readonly T[], pick: (item: T) => number): number =>
  items.reduce((total, item) => total + pick(item), 0)

/** Everything that must add up, whatever the sale. */
async function checkSums(saleId: string): Promise<{
  results: SaleResults
  invoices: Invoice[]
  statements: Statement[]
}> {
  const results = ok(await engine.saleResults(saleId), 'results')
  const { invoices } = ok(await engine.invoices(saleId), 'invoices')
  const { statements } = ok(await engine.statements(saleId), 'statements')
  for (const invoice of invoices) {
    for (const line of invoice.lines) {
      expect(line.total).toBe(line.hammer + line.premium + line.tax)
    }
    expect(invoice.hammer).toBe(sum(invoice.lines, (line) => line.hammer))
    expect(invoice.premium).toBe(sum(invoice.lines, (line) => line.premium))
    expect(invoice.tax).toBe(sum(invoice.lines, (line) => line.tax))
    expect(invoice.total).toBe(sum(invoice.lines, (line) => line.total))
    // The same invoice alone.
    expect(ok(await engine.invoice(saleId, invoice.paddle)).invoice).toEqual(invoice)
  }
  const sold = results.lots.filter((lot) => lot.status === 'sold')
  expect(results.totals).toMatchObject({
    hammer: sum(invoices, (invoice) => invoice.hammer),
    premium: sum(invoices, (invoice) => invoice.premium),
    tax: sum(invoices, (invoice) => invoice.tax),
    total: sum(invoices, (invoice) => invoice.total),
    lotsSold: sold.length,
    buyers: invoices.length,
  })
  expect(results.totals.total).toBe(
    results.totals.hammer + results.totals.premium + results.totals.tax,
  )
  expect(sum(invoices, (invoice) => invoice.lines.length)).toBe(sold.length)
  for (const statement of statements) {
    for (const line of statement.lines) {
      expect(line.net).toBe(line.hammer - line.commission - line.fee)
    }
    expect(statement.hammer).toBe(sum(statement.lines, (line) => line.hammer))
    expect(statement.commission).toBe(sum(statement.lines, (line) => line.commission))
    expect(statement.fees).toBe(sum(statement.lines, (line) => line.fee))
    expect(statement.net).toBe(sum(statement.lines, (line) => line.net))
    expect(ok(await engine.statement(saleId, statement.sellerId)).statement).toEqual(statement)
  }
  // Every lot on exactly one statement, and the house's and consignors' shares are the hammer.
  expect(sum(statements, (s) => s.lines.length + s.unsold.length)).toBe(results.lots.length)
  expect(sum(statements, (s) => s.net + s.commission + s.fees)).toBe(results.totals.hammer)
  expect(results.totals.hammer).toBe(sum(sold, (lot) => lot.hammer))
  return { results, invoices, statements }
}

describe('a timed sale', () => {
  it('adds up: invoices, statements, the report', async () => {
    const seller = person(uniqueId('seller'))
    const bee = uniqueId('bee')
    const cee = uniqueId('cee')
    const sale = await createSale(engine, seller, TERMS(bee))
    const add = async (number: string, extra: Parameters<typeof lotInput>[1] = {}) =>
      ok(await engine.addLot(sale.id, lotInput(number, extra), seller), 'addLot').lot
    const lots: Lot[] = [
      await add('1', { estimateLow: '100.00', estimateHigh: '200.00' }),
      await add('2', { consignor: bee, estimateLow: '50.00', estimateHigh: '80.00' }),
      await add('3', {
        consignor: cee,
        estimateLow: '300.00',
        estimateHigh: '500.00',
        reservePrice: '1000.00',
      }),
      await add('4', { consignor: bee }),
      await add('5', { consignor: cee, estimateLow: '20.00', estimateHigh: '30.00' }),
      await add('6'),
    ]
    const [l1, l2, l3, l4, l5] = lots.map((lot) => lot.id) as [
      string,
      string,
      string,
      string,
      string,
    ]
    ok(await engine.startSale(sale.id, seller), 'start')
    accepted(await bid(l1, 'p1', '123.45'))
    accepted(await bid(l1, 'p2', '130.00'))
    accepted(await bid(l2, 'p1', '77.77'))
    accepted(await bid(l3, 'p3', '400.00')) // below the reserve: passed
    ok(await engine.cancelAuction(l4, seller), 'withdraw')
    accepted(await bid(l5, 'p3', '1000.01'))
    ok(await engine.endSale(sale.id, seller), 'end')
    await register(sale.id, 'p1', 'Ada Lovelace')

    const { results, invoices, statements } = await checkSums(sale.id)
    expect(results.lots.map((lot) => lot.status)).toEqual([
      'sold',
      'sold',
      'passed',
      'withdrawn',
      'sold',
      'passed',
    ])
    expect(results.totals).toMatchObject({
      lotsOffered: 5,
      lotsSold: 3,
      lotsPassed: 2,
      lotsWithdrawn: 1,
      lotsOpen: 0,
      buyers: 3,
    })
    // Passed and withdrawn lots carry nothing, whatever bids they had.
    expect(results.lots[2]).toMatchObject({
      winnerId: null,
      hammer: 0,
      premium: 0,
      tax: 0,
      total: 0,
    })

    // Lot 2 by hand: 77.77 → premium 25% = 19.4425 → 19.44; tax 20% of 19.44 = 3.888 → 3.89.
    const ada = invoices.find((invoice) => invoice.paddle === 'p1') as Invoice
    expect(ada).toMatchObject({
      saleTitle: 'Test sale',
      currency: 'USD',
      bidder: { paddle: 'p1', name: 'Ada Lovelace', kind: 'phone' },
      lines: [{ lotId: l2, number: '2', hammer: 7777, premium: 1944, tax: 389, total: 10110 }],
      total: 10110,
    })
    // Lot 5 across the band edge: 25% of 100.00 + 20% of 900.01 = 25.00 + 180.002 → 205.00.
    const p3 = invoices.find((invoice) => invoice.paddle === 'p3') as Invoice
    expect(p3.bidder).toBeNull()
    expect(p3.lines).toEqual([
      {
        lotId: l5,
        number: '5',
        title: 'Lot 5',
        hammer: 100_001,
        premium: 20_500,
        tax: 4100,
        total: 124_601,
      },
    ])
    expect(invoices.map((invoice) => invoice.paddle)).toEqual(['p1', 'p2', 'p3'])

    // The consignor's rate for bee (12.5%), the sale's for the others (15%), 2.50 a lot sold.
    const bees = statements.find((s) => s.sellerId === bee) as Statement
    expect(bees).toMatchObject({
      commissionRate: 125_000,
      lines: [{ lotId: l2, hammer: 7777, commission: 972, fee: 250, net: 6555 }],
      unsold: [{ lotId: l4, number: '4', title: 'Lot 4', status: 'withdrawn' }],
      net: 6555,
    })
    const cees = statements.find((s) => s.sellerId === cee) as Statement
    expect(cees).toMatchObject({
      commissionRate: 150_000,
      lines: [{ lotId: l5, hammer: 100_001, commission: 15_000, fee: 250, net: 84_751 }],
      unsold: [{ lotId: l3, status: 'passed' }],
    })
    const own = statements.find((s) => s.sellerId === seller.id) as Statement
    expect(own.lines.map((line) => line.number)).toEqual(['1'])
    expect(own.unsold.map((lot) => lot.number)).toEqual(['6'])

    const { report } = ok(await engine.saleReport(sale.id))
    const hammer = results.totals.hammer
    expect(report).toMatchObject({
      saleId: sale.id,
      status: 'closed',
      lots: { total: 6, offered: 5, sold: 3, passed: 2, withdrawn: 1, open: 0 },
      sellThroughByLots: 0.6,
      hammerTotal: hammer,
      premiumTotal: results.totals.premium,
      taxTotal: results.totals.tax,
      // Of the lots offered (lot 4 was withdrawn, lot 6 has none).
      estimateLowTotal: 10_000 + 5000 + 30_000 + 2000,
      estimateHighTotal: 20_000 + 8000 + 50_000 + 3000,
      aboveEstimate: 1, // lot 5 (1,000.01 over 30.00); lot 1 sold inside its estimate
      belowEstimate: 0,
    })
    expect(report.sellThroughByValue).toBe(Math.round((hammer / 47_000) * 10_000) / 10_000)
    expect(report.topLots.map((lot) => lot.number)).toEqual(['5', '1', '2'])
    expect(report.topLots[0]).toMatchObject({ hammer: 100_001, winnerId: 'p3' })
    expect(report.perLot.map((lot) => [lot.number, lot.status, lot.hammer])).toEqual(
      results.lots.map((lot) => [lot.number, lot.status, lot.hammer]),
    )
  })
})

describe('a live sale', () => {
  it('adds up, with one buyer taking two lots and paddles in counting order', async () => {
    const bee = uniqueId('bee')
    const { sale, lots, seller } = await liveSale(
      engine,
      [
        { number: '1', estimateLow: '40.00', estimateHigh: '60.00' },
        { number: '2', consignor: bee, estimateLow: '1000.00', estimateHigh: '1500.00' },
        { number: '3', consignor: bee },
        { number: '4' },
        { number: '5', consignor: bee, estimateLow: '10.00', estimateHigh: '20.00' },
      ],
      { sale: TERMS(bee) },
    )
    const [l1, l2, l3, l4, l5] = lots.map((lot) => lot.id) as [
      string,
      string,
      string,
      string,
      string,
    ]
    ok(await engine.withdrawLot(l4, clerk), 'withdraw')
    await offer(engine, sale.id, l1)
    accepted(await bid(l1, '10', '55.55'))
    ok(await engine.hammerLot(l1, {}, clerk), 'hammer 1')
    await offer(engine, sale.id, l2)
    accepted(await bid(l2, '2', '999.99'))
    accepted(await bid(l2, '10', '1000.99'))
    ok(await engine.hammerLot(l2, {}, clerk), 'hammer 2')
    await offer(engine, sale.id, l3)
    ok(await engine.passLot(l3, clerk, 'bought in'), 'pass 3')
    await offer(engine, sale.id, l5)
    accepted(await bid(l5, '2', '10.02'))
    ok(await engine.hammerLot(l5, {}, clerk), 'hammer 5')
    ok(await engine.endSale(sale.id, seller), 'end')

    const { results, invoices, statements } = await checkSums(sale.id)
    expect(results.lots.map((lot) => [lot.number, lot.status, lot.winnerId])).toEqual([
      ['1', 'sold', '10'],
      ['2', 'sold', '10'],
      ['3', 'passed', null],
      ['4', 'withdrawn', null],
      ['5', 'sold', '2'],
    ])
    // Paddle 2 before paddle 10.
    expect(invoices.map((invoice) => [invoice.paddle, invoice.lines.length])).toEqual([
      ['2', 1],
      ['10', 2],
    ])
    // 10.02 → premium 2.505 → 2.51 (half up); tax 20% of 2.51 = 0.502 → 0.50.
    expect(invoices[0]?.lines[0]).toMatchObject({
      hammer: 1002,
      premium: 251,
      tax: 50,
      total: 1303,
    })
    // The hammer is the lot's final price: what the leader was at when it fell.
    const [won1, won2] = invoices[1]?.lines ?? []
    for (const [line, lotId] of [
      [won1, l1],
      [won2, l2],
    ] as const) {
      const lot = ok(await engine.getAuction(lotId)).auction
      expect(line?.hammer).toBe(lot.result?.finalPrice)
    }
    expect(statements.map((s) => s.sellerId).sort()).toEqual([bee, seller.id].sort())
    const bees = statements.find((s) => s.sellerId === bee) as Statement
    expect(bees.lines.map((line) => line.lotId)).toEqual([l2, l5])
    expect(bees.unsold.map((lot) => [lot.lotId, lot.status])).toEqual([[l3, 'passed']])

    const { report } = ok(await engine.saleReport(sale.id))
    expect(report.lots).toEqual({ total: 5, offered: 4, sold: 3, passed: 1, withdrawn: 1, open: 0 })
    expect(report.sellThroughByLots).toBe(0.75)
  })

  it('while the sale runs: lots not yet offered are open; a paddle with nothing has an empty invoice', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2'], { sale: TERMS('nobody') })
    await offer(engine, sale.id)
    accepted(await bid(lots[0]?.id as string, '7', '20.00'))
    const results = ok(await engine.saleResults(sale.id))
    expect(results.totals).toMatchObject({
      lotsOpen: 2,
      lotsSold: 0,
      lotsOffered: 0,
      hammer: 0,
      buyers: 0,
    })
    expect(ok(await engine.invoices(sale.id)).invoices).toEqual([])
    const { invoice } = ok(await engine.invoice(sale.id, '7'))
    expect(invoice).toMatchObject({
      paddle: '7',
      bidder: null,
      lines: [],
      hammer: 0,
      premium: 0,
      tax: 0,
      total: 0,
    })
    const { report } = ok(await engine.saleReport(sale.id))
    expect(report).toMatchObject({ sellThroughByLots: null, sellThroughByValue: null, topLots: [] })
  })
})

describe('reads of what is not there', () => {
  it('SALE_NOT_FOUND for a missing sale; INVALID_INPUT for a bad id', async () => {
    const missing = uniqueId('nosale')
    for (const answer of [
      await engine.saleResults(missing),
      await engine.invoice(missing, '1'),
      await engine.invoices(missing),
      await engine.statement(missing, 's'),
      await engine.statements(missing),
      await engine.saleReport(missing),
    ]) {
      expect(refused(answer).code).toBe('SALE_NOT_FOUND')
    }
    const sale = await createSale(engine, person(uniqueId('seller')))
    expect(refused(await engine.invoice(sale.id, 'no spaces'))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'paddle',
    })
    expect(refused(await engine.statement(sale.id, ''))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'sellerId',
    })
  })
})

describe('terms', () => {
  const seller = (): Actor => person(uniqueId('seller'))

  it('are stored at create and shown in full to staff and the seller only', async () => {
    const owner = seller()
    const sale = await createSale(engine, owner, { ...TERMS('ada'), requireRegistration: true })
    const full = {
      premiumBands: [
        { upTo: 10_000, rate: 250_000 },
        { upTo: null, rate: 200_000 },
      ],
      premiumTaxRate: 200_000,
      commissionRate: 150_000,
      consignorRates: { ada: 125_000 },
      lotFee: 250,
      requireRegistration: true,
    }
    expect(sale.terms).toEqual(full)
    expect(ok(await engine.getSale(sale.id, owner)).sale.terms).toEqual(full)
    expect(ok(await engine.getSale(sale.id, staff())).sale.terms).toEqual(full)
    const shown = { ...full, commissionRate: 0, consignorRates: {}, lotFee: 0 }
    expect(ok(await engine.getSale(sale.id, person('bidder-1'))).sale.terms).toEqual(shown)
    const listed = ok(await engine.listSales({ sellerId: owner.id, viewer: person('x') })).sales
    expect(listed[0]?.terms).toEqual(shown)
    // Registration required: bids check paddles from the start, and every lot added copies it.
    expect(await redis.hget(saleKeys(sale.id).sale, 'paddleChecks')).toBe('1')
    const lot = ok(await engine.addLot(sale.id, lotInput('1'), owner)).lot
    expect(await redis.hget(`${saleKeys(sale.id).lotPrefix}${lot.id}`, 'paddleChecks')).toBe('1')
  })

  it('a sale without terms has none', async () => {
    const sale = await createSale(engine, seller())
    expect(sale.terms).toEqual({
      premiumBands: [],
      premiumTaxRate: 0,
      commissionRate: 0,
      consignorRates: {},
      lotFee: 0,
      requireRegistration: false,
    })
    expect(await redis.hget(saleKeys(sale.id).sale, 'paddleChecks')).toBe('')
  })

  it.each([
    [
      {
        premium: [
          { upTo: '200.00', rate: '25%' },
          { upTo: '100.00', rate: '20%' },
        ],
      },
      'INVALID_INPUT',
      'premium',
    ],
    [{ premium: [{ rate: '25%' }, { upTo: '100.00', rate: '20%' }] }, 'INVALID_INPUT', 'premium'],
    [{ premium: [{ upTo: 0, rate: '25%' }] }, 'INVALID_INPUT', 'premium'],
    [{ premium: [{ upTo: '1.234', rate: '25%' }] }, 'INVALID_AMOUNT', 'premium.0.upTo'],
    [{ premium: [{ rate: '101%' }] }, 'INVALID_INPUT', 'premium.0.rate'],
    [{ premium: [] }, 'INVALID_INPUT', 'premium'],
    [{ commission: '150%' }, 'INVALID_INPUT', 'commission'],
    [{ commission: '15' }, 'INVALID_INPUT', 'commission'],
    [{ premiumTax: '-5%' }, 'INVALID_INPUT', 'premiumTax'],
    [{ consignorCommission: { 'no spaces': '5%' } }, 'INVALID_INPUT', 'consignorCommission'],
    [{ consignorCommission: { ada: '5' } }, 'INVALID_INPUT', 'consignorCommission.ada'],
    [{ lotFee: '2.505' }, 'INVALID_AMOUNT', 'lotFee'],
  ] as [Partial<SaleCreateInput>, string, string][])(
    'bad terms at create: %j → %s on %s, nothing written',
    async (terms, code, field) => {
      const owner = seller()
      const answer = await engine.createSale(
        { title: 'Bad terms', mode: 'live', increment: '1.00', ...terms },
        owner,
      )
      expect(refused(answer)).toMatchObject({ code, field })
      expect(ok(await engine.listSales({ sellerId: owner.id })).sales).toEqual([])
    },
  )
})

describe('sales:update', () => {
  it("changes a draft's title, description and terms; what is left out stays; consoles hear it", async () => {
    const owner = person(uniqueId('seller'))
    const sale = await createSale(engine, owner, TERMS('ada'))
    ok(await engine.addLot(sale.id, lotInput('1'), owner))
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      const updated = ok(
        await engine.updateSale(
          sale.id,
          { title: 'Winter sale', commission: '10%', premium: null, requireRegistration: true },
          owner,
        ),
      ).sale
      expect(updated.title).toBe('Winter sale')
      expect(updated.description).toBe('')
      expect(updated.terms).toEqual({
        premiumBands: [],
        premiumTaxRate: 200_000,
        commissionRate: 100_000,
        consignorRates: { ada: 125_000 },
        lotFee: 250,
        requireRegistration: true,
      })
      const event = await log.waitFor((e) => e.type === 'sale_updated')
      expect(event).toMatchObject({
        type: 'sale_updated',
        saleId: sale.id,
        seq: updated.seq,
        title: 'Winter sale',
        changed: ['commissionRate', 'premiumBands', 'requireRegistration', 'title'],
      })
      // The commission is not in the event: bidders hear it too.
      expect(JSON.stringify(event)).not.toContain('100000')
    } finally {
      await log.close()
    }
    // Registration now required: the sale and its lots check paddles, and new lots too.
    const [first] = await lotsOf(engine, sale.id)
    const lotKey = (id: string) => `${saleKeys(sale.id).lotPrefix}${id}`
    expect(await redis.hget(saleKeys(sale.id).sale, 'paddleChecks')).toBe('1')
    expect(await redis.hget(lotKey(first?.id as string), 'paddleChecks')).toBe('1')
    const later = ok(await engine.addLot(sale.id, lotInput('2'), owner)).lot
    expect(await redis.hget(lotKey(later.id), 'paddleChecks')).toBe('1')
    // Staff may change it too; an empty change is still an answer.
    expect(ok(await engine.updateSale(sale.id, { lotFee: null }, staff())).sale.terms?.lotFee).toBe(
      0,
    )
    expect(ok(await engine.updateSale(sale.id, {}, owner)).sale.title).toBe('Winter sale')
    // The log names who changed what.
    const entries = ok(await engine.saleLog(sale.id)).entries
    expect(entries.filter((entry) => entry.action === 'sale_update')).toHaveLength(3)
  })

  it('refuses another seller, a sale past its draft and bad input, changing nothing', async () => {
    const owner = person(uniqueId('seller'))
    const { sale } = await liveSale(engine, ['1'], {
      seller: owner,
      open: false,
      sale: TERMS('ada'),
    })
    const before = await everything(engine, sale.id)
    expect(
      refused(await engine.updateSale(sale.id, { commission: '1%' }, person('intruder'))).code,
    ).toBe('NOT_SELLER')
    expect(
      refused(
        await engine.updateSale(
          sale.id,
          { premium: [{ rate: '5%' }, { upTo: 100, rate: '1%' }] },
          owner,
        ),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'premium' })
    expect(
      refused(await engine.updateSale(sale.id, { commission: '100.5%' }, owner)),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'commission',
    })
    expect(refused(await engine.updateSale(sale.id, { title: '  ' }, owner))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'title',
    })
    expect(refused(await engine.updateSale(sale.id, { lotFee: '-1.00' }, owner))).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'lotFee',
    })
    expect(await everything(engine, sale.id)).toEqual(before)

    ok(await engine.startSale(sale.id, owner))
    const open = await everything(engine, sale.id)
    expect(refused(await engine.updateSale(sale.id, { commission: '1%' }, owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'open',
    })
    expect(
      refused(await engine.updateSale(sale.id, { requireRegistration: true }, staff())),
    ).toMatchObject({
      code: 'INVALID_STATUS',
    })
    expect(await everything(engine, sale.id)).toEqual(open)
    expect((await saleOf(engine, sale.id)).terms?.commissionRate).toBe(150_000)

    // Scheduled is not a draft either.
    const scheduled = await createSale(engine, owner, {
      mode: 'live',
      startsAt: Date.now() + 3_600_000,
    })
    expect(refused(await engine.updateSale(scheduled.id, { title: 'x' }, owner))).toMatchObject({
      code: 'INVALID_STATUS',
      status: 'scheduled',
    })
    expect(refused(await engine.updateSale(uniqueId('nosale'), { title: 'x' }, owner)).code).toBe(
      'SALE_NOT_FOUND',
    )
  })
})

describe('lot consignor', () => {
  it("is the sale's seller unless set; add, edit and import store it", async () => {
    const owner = person(uniqueId('seller'))
    const sale = await createSale(engine, owner)
    const plain = ok(await engine.addLot(sale.id, lotInput('1'), owner)).lot
    expect(plain.consignor).toBe(owner.id)
    const theirs = ok(await engine.addLot(sale.id, lotInput('2', { consignor: 'ada' }), owner)).lot
    expect(theirs.consignor).toBe('ada')
    // Whose lot it is stays between the house and the seller: a bidder sees no consignor.
    const seen = ok(await engine.getAuction(theirs.id, person('bidder-1'))).auction
    expect(seen.consignor).toBe('')
    expect(ok(await engine.getAuction(theirs.id, owner)).auction.consignor).toBe('ada')
    expect(ok(await engine.updateLot(plain.id, { consignor: 'bob' }, owner)).lot.consignor).toBe(
      'bob',
    )
    expect(ok(await engine.updateLot(theirs.id, { consignor: null }, owner)).lot.consignor).toBe(
      owner.id,
    )
    const imported = ok(
      await engine.importLots(
        sale.id,
        [{ line: 2, input: lotInput('3', { consignor: 'cy' }) }],
        owner,
      ),
    ).lots
    expect(imported[0]?.consignor).toBe('cy')
    // The catalogue CSV's consignor column; empty: the sale's seller.
    const csv = parseCatalogue(
      'lot,title,start_price,consignor\r\n5,E,1.00,dee\r\n6,F,1.00,\r\n',
      'USD',
    )
    expect(csv.errors).toEqual([])
    const fromCsv = ok(await engine.importLots(sale.id, csv.rows, owner)).lots
    expect(fromCsv.map((lot) => lot.consignor)).toEqual(['dee', owner.id])
    expect(
      refused(await engine.addLot(sale.id, lotInput('4', { consignor: 'not an id' }), owner)),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'consignor',
    })
  })
})
