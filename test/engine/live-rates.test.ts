// The room display's indicative rates of a sale: at most four other currencies, each once,
// a positive decimal rate; shown in the sale JSON, sent to every display, kept in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { DisplayRate } from '../../src/shared/domain'
import { openEngine, person, redisUrl, rejected } from './fixtures'
import { clerk, everything, liveSale, logOf } from './live-fixtures'
import { ok, saleLog, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('display rates', () => {
  it('sets and clears the rates: sale JSON, event and log', async () => {
    const { sale, seller } = await liveSale(engine, ['1'], { sale: { currency: 'GBP' } })
    expect(sale.displayRates).toEqual([])
    const rates: DisplayRate[] = [
      { currency: 'EUR', rate: '1.17' },
      { currency: 'USD', rate: '1.27' },
    ]
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      expect(ok(await engine.setDisplayRates(sale.id, rates, seller)).sale.displayRates).toEqual(
        rates,
      )
      expect((await saleOf(engine, sale.id)).displayRates).toEqual(rates)
      const changed = await log.waitFor((event) => event.type === 'rates_changed')
      expect(changed).toMatchObject({ displayRates: rates, seq: sale.seq + 1 })
      ok(await engine.setDisplayRates(sale.id, [], clerk))
      expect((await saleOf(engine, sale.id)).displayRates).toEqual([])
      const cleared = await log.waitFor((e) => e.type === 'rates_changed' && e.seq === sale.seq + 2)
      expect(cleared).toMatchObject({ displayRates: [] })
    } finally {
      await log.close()
    }
    const entries = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'rates')
    expect(entries.map((entry) => [entry.operator, entry.detail])).toEqual([
      [seller.id, { rates }],
      [clerk.id, { rates: [] }],
    ])
  })

  it('refuses bad rates (INVALID_INPUT) and strangers, and changes nothing', async () => {
    const { sale } = await liveSale(engine, ['1'], { sale: { currency: 'GBP' } })
    const before = await everything(engine, sale.id)
    const bad: DisplayRate[][] = [
      ['EUR', 'USD', 'JPY', 'CHF', 'SEK'].map((currency) => ({ currency, rate: '1.5' })),
      [
        { currency: 'EUR', rate: '1.1' },
        { currency: 'EUR', rate: '1.2' },
      ],
      [{ currency: 'GBP', rate: '1' }],
      [{ currency: 'EUR', rate: '0' }],
      [{ currency: 'EUR', rate: '-1' }],
      [{ currency: 'EUR', rate: '1e3' }],
      [{ currency: 'eur', rate: '1.1' }],
    ]
    for (const rates of bad) {
      expect(
        rejected(await engine.setDisplayRates(sale.id, rates, clerk)),
        JSON.stringify(rates),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'rates' })
    }
    const one = [{ currency: 'EUR', rate: '1.1' }]
    expect(rejected(await engine.setDisplayRates(sale.id, one, person('stranger'))).code).toBe(
      'NOT_SELLER',
    )
    expect(rejected(await engine.setDisplayRates('NO-SUCH-SALE', one, clerk)).code).toBe(
      'SALE_NOT_FOUND',
    )
    expect(await everything(engine, sale.id)).toEqual(before)
  })
})
