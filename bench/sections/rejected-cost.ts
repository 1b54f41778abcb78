// What a rejected bid costs Redis, against the cheapest script call there is: batches of
// stale bids (BID_TOO_LOW on a lot with bids) and of bids on a lot whose sale is not open
// (AUCTION_NOT_ACTIVE), new engine and old, and batches of `return 1`, each sent at once on
// the one client so Redis runs them back to back. The figure is usec_per_call of FCALL (the
// engine's scripts, and `return 1` as a Function) or EVALSHA (the old engine, and `return 1`
// as a script) over the batch (INFO commandstats), so neither the network nor Node counts.
// Each engine is held against `return 1` run its own way. The batches
// take turns, reversed every other round; the median of each kind is taken.
import { randomUUID } from 'node:crypto'
import type { BidPlacer } from '../lib/bids'
import { scriptUsDuring } from '../lib/commandstats'
import type { BenchContext } from '../lib/context'
import { BENCH_SELLER, createDraftSale } from '../lib/fixtures'
import type { Outcome } from '../lib/load'
import { percentile, round } from '../lib/stats'
import { ceilingCallers } from './ceiling'
import { hotLotFixture, legacyFixture, type EngineName } from './throughput'

export type RejectedKind = 'BID_TOO_LOW' | 'AUCTION_NOT_ACTIVE'

export interface RejectedPath {
  kind: RejectedKind
  engine: EngineName
  /** Redis µs per call: median over the rounds, and each round. */
  us: number
  rounds: number[]
  /** us ÷ the `return 1` script's, run the same way (FCALL for this engine, EVALSHA the old). */
  vsReturnOne: number
}

export interface RejectedCost {
  callsPerBatch: number
  /** `return 1` as a Function (FCALL), as this engine runs its scripts. */
  returnOneUs: number
  returnOneRounds: number[]
  /** `return 1` by EVALSHA, as the old engine runs its scripts. */
  returnOneEvalshaUs: number
  returnOneEvalshaRounds: number[]
  paths: RejectedPath[]
}

type Call = () => Promise<Outcome>

interface PathCall {
  kind: RejectedKind
  engine: EngineName
  call: Call
}

/** A bid that must come back with `code`: `amount` on `lotId` from a bidder who never leads. */
function rejectedBid(placer: BidPlacer, lotId: string, amount: string, code: RejectedKind): Call {
  let n = 0
  return async () => {
    const result = await placer.placeBid({
      auctionId: lotId,
      bidderId: `rejected-${n++ % 16}`,
      amount,
      requestId: randomUUID(),
      source: 'online',
    })
    if (result.ok || result.error.code !== code) {
      throw new Error(`rejected cost: wanted ${code}, got ${JSON.stringify(result)}`)
    }
    return { ok: false, code }
  }
}

/** Lots of each kind, both engines: a hot lot with bids, and a lot not open yet. */
async function pathCalls(ctx: BenchContext): Promise<PathCall[]> {
  const hot = (await hotLotFixture(ctx)).ids[0] as string
  const oldHot = (await legacyFixture(ctx, 1)).ids[0] as string
  const draft = (await createDraftSale(ctx.engine, ctx.sizes.lotsPerSale, {}, 'Draft sale'))
    .lotIds[0] as string
  const oldDraft = await ctx.legacy.createAuction({
    title: 'Bench draft auction',
    sellerId: BENCH_SELLER,
    startingPrice: '1.00',
    increment: '0.01',
    durationMs: 3_600_000,
  })
  // 1.00 is the starting price, below the primed lots' asking price.
  return [
    {
      kind: 'BID_TOO_LOW',
      engine: 'sales',
      call: rejectedBid(ctx.engine, hot, '1.00', 'BID_TOO_LOW'),
    },
    {
      kind: 'BID_TOO_LOW',
      engine: 'legacy',
      call: rejectedBid(ctx.legacy, oldHot, '1.00', 'BID_TOO_LOW'),
    },
    {
      kind: 'AUCTION_NOT_ACTIVE',
      engine: 'sales',
      call: rejectedBid(ctx.engine, draft, '5.00', 'AUCTION_NOT_ACTIVE'),
    },
    {
      kind: 'AUCTION_NOT_ACTIVE',
      engine: 'legacy',
      call: rejectedBid(ctx.legacy, oldDraft, '5.00', 'AUCTION_NOT_ACTIVE'),
    },
  ]
}

const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  )

/** Null on a shared server: its other clients' scripts would count too. */
export async function rejectedCost(ctx: BenchContext): Promise<RejectedCost | null> {
  if (!ctx.exclusive) return null
  const { rejectedBids: count, rejectedRounds } = ctx.sizes
  const paths = await pathCalls(ctx)
  const { returnOne, returnOneEvalsha } = await ceilingCallers(ctx)
  const all: Call[] = [returnOne, returnOneEvalsha, ...paths.map((p) => p.call)]
  const run = (call: Call): Promise<number> =>
    scriptUsDuring(ctx.redis, () => Promise.all(Array.from({ length: count }, call)))
  for (const call of all) await run(call) // warm: scripts cached, the requests hashes grown
  const measured = new Map<Call, number[]>(all.map((call) => [call, []]))
  for (let r = 0; r < rejectedRounds; r++) {
    for (const call of r % 2 === 0 ? all : [...all].reverse())
      measured.get(call)?.push(await run(call))
  }
  const returnOneRounds = measured.get(returnOne) ?? []
  const returnOneUs = median(returnOneRounds)
  const returnOneEvalshaRounds = measured.get(returnOneEvalsha) ?? []
  const returnOneEvalshaUs = median(returnOneEvalshaRounds)
  const result: RejectedCost = {
    callsPerBatch: count,
    returnOneUs,
    returnOneRounds,
    returnOneEvalshaUs,
    returnOneEvalshaRounds,
    paths: paths.map(({ kind, engine, call }) => {
      const rounds = measured.get(call) ?? []
      const us = median(rounds)
      const floor = engine === 'sales' ? returnOneUs : returnOneEvalshaUs
      return {
        kind,
        engine,
        us,
        rounds,
        vsReturnOne: floor > 0 ? round(us / floor, 2) : 0,
      }
    }),
  }
  for (const p of result.paths) {
    ctx.log(
      `rejected ${p.kind} (${p.engine}): ${p.us} µs per call, ` +
        `× ${p.vsReturnOne} return 1 (FCALL ${returnOneUs} µs, EVALSHA ${returnOneEvalshaUs} µs)`,
    )
  }
  return result
}
