// Bids racing the hammer: 200 trials, each with bidders on connections of their own bidding
// the asking price as fast as they can while the clerk's own connection brings the hammer
// down. Redis runs the scripts one at a time, so every bid lands before the hammer (accepted,
// and the hammer sells at the last of them) or after it (LOT_CLOSED); never in between.
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis } from '../../src/main/engine'
import type { BidAccepted } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { accepted, redisUrl } from './fixtures'
import { clerk, historyOf, liveSale, logOf, lotNow, offer, withoutSeq } from './live-fixtures'
import { ok } from './sale-fixtures'

const TRIALS = 200
const LANES = 8
const BIDDERS = 3

interface Sent {
  bidderId: string
  answer: BidAccepted | Failure
  sentAt: number
  answeredAt: number
}

interface Tally {
  /** Bids in flight while the hammer was: landed before it (accepted) or after (closed). */
  racedAccepted: number
  racedClosed: number
  accepted: number
  closed: number
}

const clients: RedisClient[] = []
async function client(): Promise<AuctionEngine> {
  const redis = await connectRedis({ url: redisUrl() })
  clients.push(redis)
  return new AuctionEngine(redis)
}
afterAll(async () => {
  await Promise.all(clients.map((redis) => redis.quit()))
})

let clerkEngines: AuctionEngine[]
let bidderEngines: AuctionEngine[][]
beforeAll(async () => {
  clerkEngines = await Promise.all(Array.from({ length: LANES }, () => client()))
  bidderEngines = await Promise.all(
    Array.from({ length: LANES }, () => Promise.all(Array.from({ length: BIDDERS }, client))),
  )
})

/**
 * One connection's bidders: the asking price, again and again, each bid for a new paddle (so
 * that none is the leader raising its own maximum), until the lot is closed (then once more),
 * or until a bid sent after the hammer's answer is accepted (which the trial then reports).
 */
async function bidUntilClosed(
  engine: AuctionEngine,
  lotId: string,
  name: string,
  hammer: { doneAt: number },
  firstAccepted: () => void,
): Promise<Sent[]> {
  const sent: Sent[] = []
  let closedSeen = 0
  for (let attempt = 0; closedSeen < 2 && attempt < 1000; attempt++) {
    const bidderId = `${name}-${attempt}`
    const sentAt = performance.now()
    const answer = await engine.placeBid({
      auctionId: lotId,
      bidderId,
      amount: 'asking',
      source: 'online',
    })
    sent.push({ bidderId, answer, sentAt, answeredAt: performance.now() })
    if (answer.ok) firstAccepted()
    else if (answer.error.code === 'LOT_CLOSED') closedSeen++
    if (answer.ok && sentAt > hammer.doneAt) break
  }
  return sent
}

/** One trial on the lot on the block; checks it and adds to the tally. */
async function trial(lane: number, saleId: string, tally: Tally): Promise<number> {
  const clerkEngine = clerkEngines[lane] as AuctionEngine
  const lot = await offer(clerkEngine, saleId)
  let release: () => void = () => undefined
  const started = new Promise<void>((resolve) => (release = resolve))
  const hammer = { doneAt: Infinity }
  const bidders = (bidderEngines[lane] as AuctionEngine[]).map((engine, b) =>
    bidUntilClosed(engine, lot.id, `L${lane}-P${b}`, hammer, release),
  )
  // The hammer falls once there is a leader, after a random 0-3 ms of bidding.
  await started
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)))
  const hammerSentAt = performance.now()
  const sold = ok(await clerkEngine.hammerLot(lot.id, {}, clerk), 'hammer').lot
  const hammerDoneAt = performance.now()
  hammer.doneAt = hammerDoneAt
  const perBidder = await Promise.all(bidders)
  // Every bidder went on until it was told twice that the lot is closed.
  for (const own of perBidder) {
    expect(
      own.slice(-2).map(({ answer }) => (answer.ok ? answer.result : answer.error.code)),
    ).toEqual(['LOT_CLOSED', 'LOT_CLOSED'])
  }
  const sent = perBidder.flat()

  const result = sold.result
  const hammerAt = sold.hammerAt as number
  expect(result).toEqual({
    winnerId: expect.any(String),
    finalPrice: expect.any(Number),
    reserveMet: true,
    hammerAt,
  })
  const accepted: BidAccepted[] = []
  for (const { bidderId, answer, sentAt, answeredAt } of sent) {
    const raced = sentAt < hammerDoneAt && answeredAt > hammerSentAt
    if (answer.ok) {
      expect(answer).toMatchObject({ result: 'leading', leaderId: bidderId })
      // Never a bid sent after the hammer's answer came back.
      expect(sentAt).toBeLessThan(hammerDoneAt)
      accepted.push(answer)
      if (raced) tally.racedAccepted++
    } else if (answer.error.code === 'LOT_CLOSED') {
      tally.closed++
      if (raced) tally.racedClosed++
    } else {
      expect.fail(`a bid refused with ${answer.error.code}`)
    }
  }
  // After the hammer's answer, every bid is LOT_CLOSED.
  for (const { answer, sentAt } of sent) {
    if (sentAt > hammerDoneAt) expect(answer.ok ? 'accepted' : answer.error.code).toBe('LOT_CLOSED')
  }
  tally.accepted += accepted.length
  const last = accepted.reduce((a, b) => (b.bidCount > a.bidCount ? b : a))
  expect(accepted.map((a) => a.bidCount).sort((a, b) => a - b)).toEqual(
    accepted.map((_, i) => i + 1),
  )
  expect(result).toMatchObject({ winnerId: last.leaderId, finalPrice: last.price })

  // The stored history: exactly the accepted bids, all before the hammer in seq and time.
  const history = await historyOf(clerkEngine, lot.id)
  const after = await lotNow(clerkEngine, lot.id)
  expect(history).toHaveLength(accepted.length)
  expect(after).toMatchObject({ bidCount: accepted.length, currentPrice: last.price })
  for (const entry of history) {
    expect(entry.seq).toBeLessThan(after.seq)
    expect(entry.at).toBeLessThanOrEqual(hammerAt)
    expect(entry.retracted).toBeUndefined()
  }
  expect(history.at(-1)).toMatchObject({ bidderId: last.leaderId, amount: last.price })
  return accepted.length
}

describe('bids racing the hammer', () => {
  it(`${TRIALS} trials: no bid is accepted after the hammer, which sells at the last one`, async () => {
    const tally: Tally = { racedAccepted: 0, racedClosed: 0, accepted: 0, closed: 0 }
    const perLane = TRIALS / LANES
    const numbers = Array.from({ length: perLane }, (_, i) => String(i + 1))
    const lanes = await Promise.all(
      Array.from({ length: LANES }, (_, lane) =>
        liveSale(clerkEngines[lane] as AuctionEngine, numbers),
      ),
    )
    const acceptedPerLane = await Promise.all(
      lanes.map(async ({ sale }, lane) => {
        let count = 0
        for (let i = 0; i < perLane; i++) count += await trial(lane, sale.id, tally)
        return count
      }),
    )
    // The race really happened: bids in flight with the hammer went both ways.
    expect(tally.racedAccepted).toBeGreaterThan(0)
    expect(tally.racedClosed).toBeGreaterThan(0)
    expect(tally.closed).toBeGreaterThanOrEqual(TRIALS * BIDDERS * 2)
    // Each sale's audit log holds exactly what was accepted, and its chain holds.
    for (const [lane, { sale }] of lanes.entries()) {
      const engine = clerkEngines[lane] as AuctionEngine
      // create, start; per lot its lot_add, offer and hammer; and every accepted bid.
      const expected = 2 + perLane * 3 + (acceptedPerLane[lane] as number)
      expect(ok(await engine.verifySaleLog(sale.id)).entries).toBe(expected)
      expect(await engine.getSale(sale.id)).toMatchObject({
        sale: { lotCounts: { sold: perLane, waiting: 0, active: 0 } },
      })
    }
  })
})

describe('clerks on many consoles at once', () => {
  it('one offer, one hammer, one reopen win; each retract takes back one bid', async () => {
    const consoles = clerkEngines
    const engine = consoles[0] as AuctionEngine
    const { sale, lots } = await liveSale(engine, ['1', '2'])
    const [one] = lots.map((lot) => lot.id) as [string]
    const offers = await Promise.all(consoles.map((c) => c.offerLot(sale.id, undefined, clerk)))
    expect(offers.filter((answer) => answer.ok)).toHaveLength(1)
    for (const answer of offers.filter((a) => !a.ok)) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'LOT_ON_BLOCK', lotId: one } })
    }
    const states = []
    for (let i = 0; i < 5; i++) {
      states.push(withoutSeq(await lotNow(engine, one)))
      accepted(await engine.placeBid({ auctionId: one, bidderId: `paddle-${i}`, amount: 'asking' }))
    }
    const retracts = await Promise.all(
      consoles.slice(0, 3).map((c, i) => c.retractBid(one, `console ${i}`, clerk)),
    )
    expect(retracts.every((answer) => answer.ok)).toBe(true)
    expect(withoutSeq(await lotNow(engine, one))).toEqual(states[2])
    expect((await historyOf(engine, one)).map((b) => !!b.retracted)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ])
    const hammers = await Promise.all(consoles.map((c) => c.hammerLot(one, {}, clerk)))
    expect(hammers.filter((answer) => answer.ok)).toHaveLength(1)
    for (const answer of hammers.filter((a) => !a.ok)) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'LOT_NOT_OPEN' } })
    }
    const reopens = await Promise.all(consoles.map((c) => c.reopenLot(one, 'missed bid', clerk)))
    expect(reopens.filter((answer) => answer.ok)).toHaveLength(1)
    const actions = (await logOf(engine, sale.id)).map((entry) => entry.action)
    expect(actions.slice(4)).toEqual([
      'offer',
      'bid',
      'bid',
      'bid',
      'bid',
      'bid',
      'retract',
      'retract',
      'retract',
      'hammer',
      'reopen',
    ])
    expect(ok(await engine.verifySaleLog(sale.id)).entries).toBe(actions.length)
  })
})
