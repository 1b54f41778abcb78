// Amounts: decimal text parsed strictly by the auction currency's minor-unit digits, or
// integer minor units; anything else is INVALID_AMOUNT and records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import type { AmountInput } from '../../src/main/engine'
import {
  accepted,
  auctionOf,
  bidderId,
  liveAuction,
  openEngine,
  rejected,
  snapshot,
} from './fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

/** A live auction in `currency` starting at 1 minor unit with increment 1 minor unit. */
const lotIn = (currency: string) =>
  liveAuction(engine, { currency, startingPrice: 1, increment: 1 })

const firstBid = async (currency: string, amount: AmountInput) => {
  const lot = await lotIn(currency)
  return engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount })
}

describe('decimal text per currency digits', () => {
  it.each([
    ['USD', '12.50', 1250],
    ['USD', '12.5', 1250],
    ['USD', '12', 1200],
    ['USD', '0012.05', 1205],
    ['USD', '0.01', 1],
    ['JPY', '1500', 1500],
    ['JPY', '007', 7],
    ['BHD', '1.234', 1234],
    ['BHD', '1.5', 1500],
    ['BHD', '2', 2000],
    ['USD', '100000000000.00', 10 ** 13],
  ])('%s %s is %d minor units', async (currency, text, minor) => {
    const bid = accepted(await firstBid(currency, text))
    expect(bid.price).toBe(minor)
    expect(bid.maxAmount).toBe(minor)
  })

  it.each([
    ['USD', '12.505'],
    ['USD', '0.001'],
    ['JPY', '1500.5'],
    ['JPY', '1500.0'],
    ['BHD', '1.2345'],
  ])('%s %s has too many fraction digits', async (currency, text) => {
    expect(rejected(await firstBid(currency, text))).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'amount',
    })
  })

  it.each([
    '-12.00',
    '+12.00',
    '-0',
    '1e3',
    '1E3',
    '12e0',
    'NaN',
    'Infinity',
    '-Infinity',
    '',
    ' 12.00',
    '12.00 ',
    '1,000',
    '12.',
    '.50',
    '0x10',
    '١٢',
    '12.50 USD',
    '$12.50',
  ])('%j is not an amount', async (text) => {
    expect(rejected(await firstBid('USD', text))).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'amount',
    })
  })

  it('over 10^13 minor units is INVALID_AMOUNT, in every currency', async () => {
    for (const [currency, text] of [
      ['USD', '100000000000.01'],
      ['USD', '99999999999999999999'],
      ['JPY', '10000000000001'],
      ['BHD', '10000000000.001'],
    ] as const) {
      expect(rejected(await firstBid(currency, text)).code).toBe('INVALID_AMOUNT')
    }
  })
})

describe('minor-unit numbers', () => {
  it('an integer is taken as minor units', async () => {
    expect(accepted(await firstBid('USD', 1250)).price).toBe(1250)
    expect(accepted(await firstBid('JPY', 1250)).price).toBe(1250)
    expect(accepted(await firstBid('USD', 10 ** 13)).price).toBe(10 ** 13)
  })

  it.each([-1, 12.5, 10 ** 13 + 1, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -Infinity])(
    '%d is INVALID_AMOUNT',
    async (value) => {
      expect(rejected(await firstBid('USD', value))).toMatchObject({
        code: 'INVALID_AMOUNT',
        field: 'amount',
      })
    },
  )

  it('a malformed maximum is INVALID_AMOUNT for the max field', async () => {
    const lot = await lotIn('USD')
    for (const max of ['1.001', '-5', 'Infinity', 2.5, Number.NaN, 10 ** 14]) {
      const answer = await engine.placeBid({
        auctionId: lot.id,
        bidderId: bidderId(),
        amount: 5,
        max,
      })
      expect(rejected(answer)).toMatchObject({ code: 'INVALID_AMOUNT', field: 'max' })
    }
  })
})

describe('a rejected amount changes nothing', () => {
  it('the auction, its history and its request ids stay as they were', async () => {
    const lot = await lotIn('USD')
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: '1.00' }))
    const before = await snapshot(engine, lot.id)
    for (const amount of ['1e9', '-5', 'abc', 0.5]) {
      const answer = await engine.placeBid({
        auctionId: lot.id,
        bidderId: bidderId(),
        amount,
        requestId: `bad-${String(amount)}`,
      })
      expect(rejected(answer).code).toBe('INVALID_AMOUNT')
    }
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })

  it('prices are stored as exact integers up to the limit', async () => {
    const lot = await lotIn('USD')
    const bid = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: bidderId(), amount: 9_999_999_999_999 }),
    )
    expect(bid.price).toBe(9_999_999_999_999)
    const auction = await auctionOf(engine, lot.id)
    expect(auction.currentPrice).toBe(9_999_999_999_999)
    expect(auction.askingPrice).toBe(10 ** 13)
  })
})
