// 32+ consoles, each with its own connection and engine, bid on one auction at once. The
// scripts serialise them: the history stays consistent and no acknowledged bid is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis } from '../../src/main/engine'
import type { BidAccepted } from '../../src/shared/domain'
import { auctionOf, bidderId, liveAuction, openEngine, redisUrl } from './fixtures'

const CONSOLES = 36
const ACKS = 4

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

interface Ack {
  console: number
  bidderId: string
  answer: BidAccepted
}

/**
 * One console: bids above the last price it saw (sometimes with a maximum, sometimes
 * retrying the same request) until it holds ACKS acknowledged bids; when told it already
 * leads, it raises its maximum instead.
 */
async function runConsole(index: number, client: RedisClient, auctionId: string): Promise<Ack[]> {
  const own = new AuctionEngine(client)
  const me = bidderId(`console${index}`)
  const acks: Ack[] = []
  let seen = 1000
  let leading = false
  for (let attempt = 0; acks.length < ACKS && attempt < 400; attempt++) {
    const amount = seen + 100 * (1 + Math.floor(Math.random() * 10))
    const withMax = leading || Math.random() < 0.3
    const max = withMax ? amount + 100 * Math.floor(Math.random() * 20) + 100 : undefined
    const input = { auctionId, bidderId: me, amount, max, requestId: `c${index}-${attempt}` }
    const answer = await own.placeBid(input)
    leading = false
    if (answer.ok) {
      acks.push({ console: index, bidderId: me, answer })
      seen = answer.price
      if (Math.random() < 0.2) {
        // A retry of the same request: the same answer, never a second entry.
        expect(await own.placeBid(input)).toEqual({ ...answer, duplicate: true })
      }
    } else if (answer.error.code === 'BID_TOO_LOW') {
      seen = (answer.error.minimumBid as number) - 100
    } else {
      expect(answer.error.code).toBe('ALREADY_LEADING')
      leading = true
    }
  }
  expect(acks).toHaveLength(ACKS)
  return acks
}

describe(`${CONSOLES} consoles bidding at once`, () => {
  it('bid count = history, leading prices rise, every acknowledged bid is there once', async () => {
    const lot = await liveAuction(engine)
    const clients = await Promise.all(
      Array.from({ length: CONSOLES }, () => connectRedis({ url: redisUrl() })),
    )
    try {
      const acks = (
        await Promise.all(clients.map((client, i) => runConsole(i, client, lot.id)))
      ).flat()
      const auction = await auctionOf(engine, lot.id)
      const history = await engine.history(lot.id, { limit: 1000 })
      if (!history.ok) expect.fail(history.error.code)
      const bids = history.bids.slice().reverse()

      expect(acks).toHaveLength(CONSOLES * ACKS)
      expect(auction.bidCount).toBe(history.total)
      expect(bids).toHaveLength(history.total)
      expect(bids.map((b) => b.id)).toEqual(bids.map((_, i) => i + 1))

      const leading = bids.filter((b) => b.outcome === 'leading').map((b) => b.amount)
      for (let i = 1; i < leading.length; i++) {
        expect(leading[i]).toBeGreaterThan(leading[i - 1] as number)
      }
      expect(leading[leading.length - 1]).toBe(auction.currentPrice)

      const withIds = acks.filter((a) => a.answer.bidId !== null)
      const ids = withIds.map((a) => a.answer.bidId as number)
      expect(new Set(ids).size).toBe(ids.length)
      for (const { bidderId: who, answer } of withIds) {
        const entry = bids[(answer.bidId as number) - 1]
        expect(entry).toMatchObject({ bidderId: who, kind: 'manual' })
        if (answer.result === 'leading')
          expect(entry).toMatchObject({ outcome: 'leading', amount: answer.price })
        else expect(entry).toMatchObject({ outcome: 'outbid', amount: answer.maxAmount })
      }
      // Every manual entry was acknowledged to exactly one console.
      const manual = bids.filter((b) => b.kind === 'manual').map((b) => b.id)
      expect(manual.sort((a, b) => a - b)).toEqual(ids.slice().sort((a, b) => a - b))
    } finally {
      await Promise.all(clients.map((c) => c.quit()))
    }
  })
})
