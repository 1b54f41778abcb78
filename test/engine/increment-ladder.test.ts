// The auctioneer's standard ladder (`incrementTable: 'standard'`): its rungs, the same in the
// TypeScript helper and in the Lua scripts, for currencies of 2 and 0 fraction digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { ladderStepAbove } from '../../src/shared/money'
import { accepted, auctionOf, bidderId, liveAuction, openEngine } from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** The rungs from `from` (exclusive) while below `to`, in units of the currency. */
function rungs(from: number, to: number, digits: number): number[] {
  const unit = 10 ** digits
  const out: number[] = []
  for (let price = from * unit; price < to * unit;) {
    price = ladderStepAbove(price, digits)
    out.push(price / unit)
  }
  return out
}

describe('the standard ladder', () => {
  it('10s to 200, 20s to 300, 2-5-8 to 500, 50s to 1,000, then the same times 10', () => {
    expect(rungs(170, 200, 2)).toEqual([180, 190, 200])
    expect(rungs(200, 300, 2)).toEqual([220, 240, 260, 280, 300])
    expect(rungs(300, 500, 2)).toEqual([320, 350, 380, 400, 420, 450, 480, 500])
    expect(rungs(500, 1000, 2)).toEqual([550, 600, 650, 700, 750, 800, 850, 900, 950, 1000])
    expect(rungs(1000, 2000, 2)).toEqual([
      1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000,
    ])
    expect(rungs(2800, 5000, 2)).toEqual([3000, 3200, 3500, 3800, 4000, 4200, 4500, 4800, 5000])
    expect(rungs(9000, 10000, 2)).toEqual([9500, 10000])
    expect(rungs(30000, 32000, 0)).toEqual([32000])
  })

  it('a price between rungs goes to the next rung', () => {
    expect(ladderStepAbove(33_000, 2)).toBe(35_000) // 330.00 → 350.00
    expect(ladderStepAbove(1, 2)).toBe(1_000) // 0.01 → 10.00
    expect(ladderStepAbove(12_345, 0)).toBe(13_000)
  })

  it('the engine asks the same rungs, bid after bid, in GBP and in JPY', async () => {
    for (const [currency, digits, start] of [
      ['GBP', 2, '280.00'],
      ['JPY', 0, '2800'],
    ] as const) {
      const lot = await liveAuction(engine, {
        currency,
        startingPrice: start,
        increment: undefined,
        incrementTable: 'standard',
      })
      expect(lot.incrementTable).toBe('standard')
      const asked: number[] = []
      for (let i = 0; i < 12; i++) {
        const bid = accepted(
          await engine.placeBid({
            auctionId: lot.id,
            bidderId: bidderId(),
            amount: 'asking',
          }),
        )
        asked.push(bid.askingPrice)
        expect(bid.askingPrice).toBe(ladderStepAbove(bid.price, digits))
      }
      expect((await auctionOf(engine, lot.id)).askingPrice).toBe(asked[asked.length - 1])
      const unit = 10 ** digits
      const expected = currency === 'GBP' ? [300, 320, 350, 380] : [3000, 3200, 3500, 3800]
      expect(asked.slice(0, 4)).toEqual(expected.map((rung) => rung * unit))
    }
  })
})
