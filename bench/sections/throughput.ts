// Sections 1 and 3: accepted bids per second and latency per placeBid call, and the ceilings
// beside them. Workloads: one hot lot of a timed sale, 1,000 lots in timed sales, one
// standalone auction (a sale of one lot); and the same hot and spread loads on the previous
// engine's bid path (bench/fixtures/legacy), on the same client, in the same slices, for the
// new ÷ old ratio.
import { BIDDERS, counterBids, placeBid, type BidPlacer, type BidSource } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import {
  allLots,
  BENCH_SELLER,
  createAuctions,
  createDraftSale,
  createOpenSales,
  inParallel,
  startSale,
} from '../lib/fixtures'
import type { Outcome } from '../lib/load'
import { round } from '../lib/stats'
import { ceilingCallers, type CeilingRun } from './ceiling'
import { interleave, type Contender, type InterleavedRun } from './compare'

export type Workload = 'hot' | 'spread' | 'standalone'
/** `sales`: this engine (AuctionEngine.placeBid); `legacy`: the engine before sales. */
export type EngineName = 'sales' | 'legacy'

export interface ThroughputRun extends InterleavedRun {
  workload: Workload
  engine: EngineName
  /** Lots bid on (auctions, for the old engine), and the sales they are in. */
  lots: number
  sales: number
}

export interface Ratio {
  workload: Workload
  concurrency: number
  /** Our accepted bids/s ÷ `return 1` calls/s at the same concurrency. */
  vsReturnOne: number
  /** Our accepted bids/s ÷ same-calls-no-logic calls/s at the same concurrency. */
  vsSameCalls: number
  /** Our accepted bids/s ÷ the old engine's on the same load (one auction for hot and
   * standalone, as many auctions as lots for spread), over the run and per round. */
  vsOld: number
  vsOldRounds: number[]
}

export interface ThroughputResults {
  throughput: ThroughputRun[]
  ceiling: CeilingRun[]
  ratios: Ratio[]
}

/** Lots (or old auctions) with their bid counters; reused across runs so amounts keep rising. */
export interface BidFixture {
  placer: BidPlacer
  ids: string[]
  sales: number
  bids: BidSource
}

const fixture = (placer: BidPlacer, ids: string[], sales: number): BidFixture => ({
  placer,
  ids,
  sales,
  bids: counterBids(ids.length),
})

/** One busy lot in a catalogue: the first lot of an open timed sale of `lotsPerSale` lots. */
export async function hotLotFixture(ctx: BenchContext): Promise<BidFixture> {
  const sale = await createDraftSale(ctx.engine, ctx.sizes.lotsPerSale, {}, 'Hot sale')
  await startSale(ctx.engine, sale.saleId)
  return primeBidders(fixture(ctx.engine, sale.lotIds.slice(0, 1), 1))
}

/**
 * One bid from each bidder on each lot, lot by lot in turn (amounts rise by one cent, so the
 * bidders take turns): a sale in progress. A bidder's first bid on a lot also records the
 * pair in the global bidder registries (two ZADDs in this engine, one in the old), which a
 * random pick over 1,000 lots would otherwise still be doing for tens of thousands of bids,
 * in whichever slice they fell.
 */
async function primeBidders(f: BidFixture): Promise<BidFixture> {
  const total = f.ids.length * BIDDERS
  await inParallel(total, 64, async (n) => {
    const index = n % f.ids.length
    const outcome = await placeBid(f.placer, f.ids[index] as string, f.bids.next(index))
    if (!outcome.ok) throw new Error(`priming bid rejected: ${outcome.code}`)
  })
  return f
}

/** `spreadLots` lots in open timed sales of `lotsPerSale` lots each, every bidder in. */
export async function spreadFixture(ctx: BenchContext): Promise<BidFixture> {
  const sales = await createOpenSales(ctx.engine, ctx.sizes.spreadLots, ctx.sizes.lotsPerSale)
  return primeBidders(fixture(ctx.engine, allLots(sales), sales.length))
}

export async function standaloneFixture(ctx: BenchContext): Promise<BidFixture> {
  return primeBidders(fixture(ctx.engine, await createAuctions(ctx.engine, 1), 1))
}

/** Active auctions of the old engine (no sales), every bidder in (as spreadFixture). */
export async function legacyFixture(ctx: BenchContext, auctions: number): Promise<BidFixture> {
  const ids = await inParallel(auctions, 32, (index) =>
    ctx.legacy.createAuction({
      title: `Bench auction ${index}`,
      sellerId: BENCH_SELLER,
      startingPrice: '1.00',
      increment: '0.01',
      durationMs: 3_600_000,
      start: true,
    }),
  )
  return primeBidders(fixture(ctx.legacy, ids, 0))
}

/** One bid to a random lot of the fixture, one cent above the last amount sent to it. */
export function bidCaller(fixture: BidFixture): () => Promise<Outcome> {
  const { placer, ids, bids } = fixture
  const pick = ids.length === 1 ? () => 0 : () => Math.floor(Math.random() * ids.length)
  return () => {
    const index = pick()
    return placeBid(placer, ids[index] as string, bids.next(index))
  }
}

const ratio = (ours: number, theirs: number): number => (theirs > 0 ? round(ours / theirs) : 0)

/**
 * Every workload and both ceilings at each concurrency, in interleaved slices. The old
 * engine's runs sit next to their new counterparts in each round.
 */
export async function throughputSection(ctx: BenchContext): Promise<ThroughputResults> {
  const results: ThroughputResults = { throughput: [], ceiling: [], ratios: [] }
  const spread = await spreadFixture(ctx)
  const legacySpread = await legacyFixture(ctx, ctx.sizes.spreadLots)
  const ceilings = await ceilingCallers(ctx)
  for (const concurrency of ctx.sizes.concurrencies) {
    // A fresh hot lot (and old auction) per concurrency: histories of the same length.
    const fixtures: Record<string, BidFixture> = {
      hot: await hotLotFixture(ctx),
      legacyHot: await legacyFixture(ctx, 1),
      spread,
      legacySpread,
      standalone: await standaloneFixture(ctx),
    }
    const contenders: Contender[] = [
      ...Object.entries(fixtures).map(([name, f]) => ({ name, call: bidCaller(f) })),
      { name: 'returnOne', call: ceilings.returnOne },
      { name: 'sameCalls', call: ceilings.sameCalls },
    ]
    const runs = await interleave(ctx, concurrency, contenders)
    const get = (name: string): InterleavedRun => runs.get(name) as InterleavedRun
    const run = (name: string, workload: Workload, engine: EngineName): ThroughputRun => {
      const f = fixtures[name] as BidFixture
      return { ...get(name), workload, engine, lots: f.ids.length, sales: f.sales }
    }
    const ours = [
      run('hot', 'hot', 'sales'),
      run('spread', 'spread', 'sales'),
      run('standalone', 'standalone', 'sales'),
    ]
    const old: Record<Workload, ThroughputRun> = {
      hot: run('legacyHot', 'hot', 'legacy'),
      spread: run('legacySpread', 'spread', 'legacy'),
      standalone: run('legacyHot', 'hot', 'legacy'),
    }
    const returnOne: CeilingRun = { ...get('returnOne'), script: 'returnOne' }
    const sameCalls: CeilingRun = { ...get('sameCalls'), script: 'sameCalls' }
    results.throughput.push(...ours, old.hot, old.spread)
    results.ceiling.push(returnOne, sameCalls)
    for (const mine of ours) {
      const theirs = old[mine.workload]
      results.ratios.push({
        workload: mine.workload,
        concurrency,
        vsReturnOne: ratio(mine.acceptedPerSec, returnOne.callsPerSec),
        vsSameCalls: ratio(mine.acceptedPerSec, sameCalls.callsPerSec),
        vsOld: ratio(mine.acceptedPerSec, theirs.acceptedPerSec),
        vsOldRounds: mine.roundsPerSec.map((perSec, i) =>
          ratio(perSec, theirs.roundsPerSec[i] ?? 0),
        ),
      })
    }
  }
  return results
}
