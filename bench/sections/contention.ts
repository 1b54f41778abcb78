// The hot lot under contention (the seed workload): 1 … 64 closed-loop clients race for every
// price step of one lot of an open timed sale, each bidding the latest price seen + 0.01
// (../lib/race.ts), so most calls come back BID_TOO_LOW. The old engine's bid path on one
// auction takes the same load in the same interleaved slices, for the new ÷ old ratio; the
// new engine also runs 'at asking' (every bid `amount: 'asking'`), which the old engine has
// no form of. Then the Redis time of a rejected bid against `return 1` (./rejected-cost.ts).
import type { BenchContext } from '../lib/context'
import { raceCaller, type BidMode } from '../lib/race'
import { perSecond, round } from '../lib/stats'
import { interleave, type Contender, type InterleavedRun } from './compare'
import { rejectedCost, type RejectedCost } from './rejected-cost'
import { hotLotFixture, legacyFixture, type EngineName } from './throughput'

export interface ContentionRun extends InterleavedRun {
  engine: EngineName
  mode: BidMode
  rejectedPerSec: number
}

export interface ContentionRatio {
  mode: BidMode
  clients: number
  /** New accepted bids/s in `mode` ÷ the old engine's (explicit amounts), whole run and per
   * round. */
  vsOld: number
  vsOldRounds: number[]
}

export interface Contention {
  runs: ContentionRun[]
  ratios: ContentionRatio[]
  rejected: RejectedCost | null
}

const ratio = (ours: number, theirs: number): number => (theirs > 0 ? round(ours / theirs) : 0)

interface Entry {
  engine: EngineName
  mode: BidMode
  contender: Contender
}

/** A fresh lot (old: auction) per engine and mode: the same history length at each count. */
async function entries(ctx: BenchContext): Promise<Entry[]> {
  const lot = async (): Promise<string> => (await hotLotFixture(ctx)).ids[0] as string
  const oldLot = (await legacyFixture(ctx, 1)).ids[0] as string
  const list: Entry[] = [
    {
      engine: 'sales',
      mode: 'amount',
      contender: { name: 'race new', call: raceCaller(ctx.engine, await lot(), 'amount') },
    },
    {
      engine: 'legacy',
      mode: 'amount',
      contender: { name: 'race old', call: raceCaller(ctx.legacy, oldLot, 'amount') },
    },
    {
      engine: 'sales',
      mode: 'asking',
      contender: {
        name: 'race new at asking',
        call: raceCaller(ctx.engine, await lot(), 'asking'),
      },
    },
  ]
  return list
}

export async function contention(ctx: BenchContext): Promise<Contention> {
  const results: Contention = { runs: [], ratios: [], rejected: null }
  const timing = {
    rounds: ctx.sizes.rounds,
    durationMs: ctx.sizes.contentionMs,
    warmupMs: ctx.sizes.warmupMs,
  }
  for (const clients of ctx.sizes.contentionClients) {
    const list = await entries(ctx)
    const runs = await interleave(
      ctx,
      clients,
      list.map((e) => e.contender),
      timing,
    )
    const made = list.map(({ engine, mode, contender }): ContentionRun => {
      const run = runs.get(contender.name) as InterleavedRun
      return { ...run, engine, mode, rejectedPerSec: perSecond(run.rejected, run.seconds * 1000) }
    })
    results.runs.push(...made)
    const old = made.find((r) => r.engine === 'legacy')
    for (const mine of made.filter((r) => r.engine === 'sales')) {
      results.ratios.push({
        mode: mine.mode,
        clients,
        vsOld: ratio(mine.acceptedPerSec, old?.acceptedPerSec ?? 0),
        vsOldRounds: mine.roundsPerSec.map((perSec, i) => ratio(perSec, old?.roundsPerSec[i] ?? 0)),
      })
    }
  }
  results.rejected = await rejectedCost(ctx)
  return results
}
