// The register's checks inside the bid script: UNKNOWN_PADDLE and PADDLE_NOT_APPROVED when the
// sale requires registration (right after SELLER_CANNOT_BID), and credit limits — the
// paddle's exposure (hammer plus premium of what it bought in the sale, price plus premium of
// what it leads) may not go above its limit; a maximum counts only up to what the limit
// allows, so a proxy stops there. Every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { RegisterAddInput } from '../../src/shared/register'
import type { SaleCreateInput } from '../../src/shared/sale-schemas'
import { accepted, keysMatching, openEngine, rejected } from './fixtures'
import { absentee, clerk, contentOf, historyOf, liveSale, lotNow, offer } from './live-fixtures'
import { ok } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

const bid = (lotId: string, bidderId: string, amount: string, max?: string) =>
  engine.placeBid({ auctionId: lotId, bidderId, amount, ...(max ? { max } : {}) })

const idOf = (lots: { id: string }[], index: number): string => {
  const lot = lots[index]
  if (!lot) throw new Error(`no lot ${index}`)
  return lot.id
}

/** A flat 25% premium: a price x costs x + x/4 of a limit. */
const PREMIUM_25: Partial<SaleCreateInput> = { premium: [{ rate: '25%' }] }

async function registeredSale(
  lots: string[],
  terms: Partial<SaleCreateInput>,
  paddles: (Partial<RegisterAddInput> & { paddle: string })[],
) {
  const made = await liveSale(engine, lots, { sale: terms, open: false })
  for (const entry of paddles) {
    ok(
      await engine.registerAdd(
        made.sale.id,
        { name: `Bidder ${entry.paddle}`, approved: true, ...entry },
        made.seller,
      ),
      'registerAdd',
    )
  }
  ok(await engine.startSale(made.sale.id, made.seller), 'start')
  return made
}

/** Everything Redis holds for the sale's keys (its hash tag). */
async function saleState(saleId: string): Promise<Record<string, unknown>> {
  const redis = engine.redis
  const keys = await keysMatching(redis, `*{${saleId}}*`)
  const withoutLog = keys.filter((key) => !key.endsWith(':log'))
  return contentOf(redis, withoutLog.sort())
}

describe('registration required', () => {
  it('refuses an unknown paddle and an unapproved one, right after SELLER_CANNOT_BID', async () => {
    const { sale, lots, seller } = await registeredSale(['1'], { requireRegistration: true }, [
      { paddle: '101' },
      { paddle: '102', approved: false },
    ])
    const lot = await offer(engine, sale.id)
    expect(lot.id).toBe(lots[0]?.id)
    const before = await saleState(sale.id)
    expect(rejected(await bid(lot.id, '999', '10.00')).code).toBe('UNKNOWN_PADDLE')
    // Before BID_TOO_LOW: the paddle is refused whatever the amount.
    expect(rejected(await bid(lot.id, '999', '1.00')).code).toBe('UNKNOWN_PADDLE')
    expect(rejected(await bid(lot.id, '102', '10.00')).code).toBe('PADDLE_NOT_APPROVED')
    // SELLER_CANNOT_BID comes first, even for a seller not in the register.
    expect(rejected(await bid(lot.id, seller.id, '10.00')).code).toBe('SELLER_CANNOT_BID')
    expect(await saleState(sale.id)).toEqual(before)
    accepted(await bid(lot.id, '101', '10.00'))
    ok(await engine.registerApprove(sale.id, { paddle: '102', approved: true }, clerk))
    accepted(await bid(lot.id, '102', '11.00'))
  })

  it('checks the paddle named for a floor leader at the hammer, and absentee book entries', async () => {
    const { sale, lots } = await registeredSale(['1', '2'], { requireRegistration: true }, [
      { paddle: '101' },
      { paddle: '102', approved: false },
    ])
    expect(rejected(await absentee(engine, idOf(lots, 1), '555', '20.00')).code).toBe(
      'UNKNOWN_PADDLE',
    )
    const lot = await offer(engine, sale.id)
    accepted(await engine.floorBid(lot.id, { requestId: 'floor-req-1' }, clerk))
    expect(rejected(await engine.hammerLot(lot.id, { paddle: '777' }, clerk)).code).toBe(
      'UNKNOWN_PADDLE',
    )
    expect(rejected(await engine.hammerLot(lot.id, { paddle: '102' }, clerk)).code).toBe(
      'PADDLE_NOT_APPROVED',
    )
    expect((await lotNow(engine, lot.id)).lotStatus).toBe('active')
    const sold = ok(await engine.hammerLot(lot.id, { paddle: '101' }, clerk)).lot
    expect(sold.result?.winnerId).toBe('101')
  })

  it('a sale without required registration takes any paddle', async () => {
    const { sale } = await registeredSale(['1'], {}, [{ paddle: '101', approved: false }])
    const lot = await offer(engine, sale.id)
    accepted(await bid(lot.id, '102', '10.00'))
    accepted(await bid(lot.id, '101', '11.00'))
  })
})

describe('credit limits', () => {
  it('takes a bid up to exactly the headroom, with the premium, and refuses one unit more', async () => {
    // Limit 50.00: lot 1 at 16.00 costs 20.00 with premium, leaving 30.00 → 24.00 on lot 2.
    const { sale, lots } = await registeredSale(['1', '2'], PREMIUM_25, [
      { paddle: '7', limit: '50.00' },
    ])
    await offer(engine, sale.id)
    accepted(await bid(idOf(lots, 0), '7', '16.00'))
    ok(await engine.hammerLot(idOf(lots, 0), {}, clerk))
    await offer(engine, sale.id)
    const before = await saleState(sale.id)
    const over = rejected(await bid(idOf(lots, 1), '7', '24.01'))
    expect(over).toMatchObject({ code: 'CREDIT_LIMIT', headroom: 3000 })
    expect(await saleState(sale.id)).toEqual(before)
    const at = accepted(await bid(idOf(lots, 1), '7', '24.00'))
    expect(at.price).toBe(2400)
  })

  it('a maximum counts only up to the limit: the proxy stops there and a challenger wins above it', async () => {
    const { sale, lots } = await registeredSale(['1'], PREMIUM_25, [
      { paddle: '7', limit: '50.00' },
      { paddle: '8' },
    ])
    await offer(engine, sale.id)
    const lot = idOf(lots, 0)
    // 7's maximum is 100.00 but its limit allows 40.00 (40 + 10 premium = 50).
    accepted(await bid(lot, '7', '10.00', '100.00'))
    const outbid = accepted(await bid(lot, '8', '30.00'))
    expect(outbid).toMatchObject({ result: 'outbid', leaderId: '7', price: 3100 })
    const wins = accepted(await bid(lot, '8', '40.00', '45.00'))
    expect(wins).toMatchObject({ result: 'leading', leaderId: '8', price: 4100 })
    const history = await historyOf(engine, lot)
    expect(history.at(-2)).toMatchObject({
      bidderId: '7',
      amount: 4000,
      kind: 'auto',
      outcome: 'outbid',
    })
    expect(history.at(-1)).toMatchObject({ bidderId: '8', amount: 4100, outcome: 'leading' })
  })

  it('counts what the paddle leads on other lots, and a limit set mid-sale counts them too', async () => {
    const { sale, lots } = await registeredSale(
      ['1', '2'],
      { ...PREMIUM_25, mode: 'timed', durationMs: 3_600_000 },
      [{ paddle: '8' }],
    )
    const [one, two] = [idOf(lots, 0), idOf(lots, 1)]
    accepted(await bid(one, '7', '20.00'))
    // 7 leads lot 1 at 20.00 (25.00 with premium) before it has any limit.
    ok(
      await engine.registerAdd(
        sale.id,
        { paddle: '7', name: 'Seven', approved: true, limit: '40.00' },
        clerk,
      ),
    )
    expect(rejected(await bid(two, '7', '12.01'))).toMatchObject({
      code: 'CREDIT_LIMIT',
      headroom: 1500,
    })
    accepted(await bid(two, '7', '12.00'))
    // Outbid on lot 1, its exposure falls: lot 2 may go higher now.
    accepted(await bid(one, '8', '21.00'))
    accepted(await bid(two, '7', '30.00'))
  })

  it('an absentee book bids only as far as each limit lets it when the lot is offered', async () => {
    const { sale, lots } = await registeredSale(['1'], PREMIUM_25, [
      { paddle: '7', limit: '50.00' },
      { paddle: '8' },
      { paddle: '9', limit: '5.00' },
    ])
    const lot = idOf(lots, 0)
    accepted(await absentee(engine, lot, '7', '100.00'))
    accepted(await absentee(engine, lot, '8', '45.00'))
    // 9's limit does not reach the starting price (10.00): its entry cannot bid.
    accepted(await absentee(engine, lot, '9', '60.00'))
    const offered = await offer(engine, sale.id)
    expect(offered).toMatchObject({ leaderId: '8', currentPrice: 4100 })
    expect((await historyOf(engine, lot)).map((b) => [b.bidderId, b.amount, b.outcome])).toEqual([
      ['7', 4000, 'outbid'],
      ['8', 4100, 'leading'],
    ])
  })

  it('refuses the paddle named at the hammer when the lot would take it over its limit', async () => {
    const { sale, lots } = await registeredSale(['1'], PREMIUM_25, [
      { paddle: '7', limit: '10.00' },
    ])
    const lot = await offer(engine, sale.id)
    expect(lot.id).toBe(lots[0]?.id)
    accepted(await engine.floorBid(lot.id, { requestId: 'floor-req-2' }, clerk))
    accepted(await engine.floorBid(lot.id, { requestId: 'floor-req-3' }, clerk))
    // 11.00 + 2.75 premium > 10.00
    expect(rejected(await engine.hammerLot(lot.id, { paddle: '7' }, clerk))).toMatchObject({
      code: 'CREDIT_LIMIT',
      headroom: 1000,
    })
  })
})
