// Runs the benchmark sections in order against one context and gathers their results.
import type { BenchContext, Sizes } from './lib/context'
import { resetData } from './lib/context'
import { diagnose, type SectionDiagnostics } from './lib/diagnostics'
import type { LoadResult } from './lib/load'
import { ceilingCallers, type CeilingRun } from './sections/ceiling'
import { interleave } from './sections/compare'
import { closingAccuracy, type ClosingAccuracy } from './sections/closing'
import { eventLatency, type EventLatency } from './sections/events'
import { memoryUse, type MemoryUse } from './sections/memory'
import { scaling, type ScalingRun } from './sections/scaling'
import { bidCaller, bidFixture, type ThroughputRun } from './sections/throughput'

export const SECTIONS = ['throughput', 'events', 'closing', 'memory', 'scaling'] as const
export type Section = (typeof SECTIONS)[number]

export interface Ratio {
  workload: ThroughputRun['workload']
  concurrency: number
  /** Our accepted bids/s ÷ `return 1` calls/s at the same concurrency. */
  vsReturnOne: number
  /** Our accepted bids/s ÷ same-calls-no-logic calls/s at the same concurrency. */
  vsSameCalls: number
}

export interface SuiteResults {
  sizes: Sizes
  throughput: ThroughputRun[]
  ceiling: CeilingRun[]
  ratios: Ratio[]
  events?: EventLatency
  closing?: ClosingAccuracy
  memory: MemoryUse[]
  scaling: ScalingRun[]
  diagnostics: SectionDiagnostics[]
}

export async function runSuite(
  ctx: BenchContext,
  sections: readonly Section[] = SECTIONS,
): Promise<SuiteResults> {
  const results: SuiteResults = {
    sizes: ctx.sizes,
    throughput: [],
    ceiling: [],
    ratios: [],
    memory: [],
    scaling: [],
    diagnostics: [],
  }
  const watched = async <T>(section: Section, work: () => Promise<T>): Promise<T> => {
    await resetData(ctx)
    const { result, diagnostics } = await diagnose(ctx.redis, section, work)
    results.diagnostics.push(diagnostics)
    return result
  }
  if (sections.includes('throughput')) {
    await watched('throughput', async () => {
      const spreadFixture = await bidFixture(ctx, ctx.sizes.spreadAuctions)
      const ceilings = await ceilingCallers(ctx)
      for (const concurrency of ctx.sizes.concurrencies) {
        const hotFixture = await bidFixture(ctx, 1)
        const runs = await interleave(ctx, concurrency, [
          { name: 'hot', call: bidCaller(ctx, hotFixture) },
          { name: 'spread', call: bidCaller(ctx, spreadFixture) },
          { name: 'returnOne', call: ceilings.returnOne },
          { name: 'sameCalls', call: ceilings.sameCalls },
        ])
        const get = (name: string): LoadResult => runs.get(name) as LoadResult
        const hot: ThroughputRun = { ...get('hot'), workload: 'hot', auctions: 1 }
        const spread: ThroughputRun = {
          ...get('spread'),
          workload: 'spread',
          auctions: spreadFixture.ids.length,
        }
        const returnOne: CeilingRun = { ...get('returnOne'), script: 'returnOne' }
        const sameCalls: CeilingRun = { ...get('sameCalls'), script: 'sameCalls' }
        results.throughput.push(hot, spread)
        results.ceiling.push(returnOne, sameCalls)
        for (const run of [hot, spread]) {
          results.ratios.push({
            workload: run.workload,
            concurrency,
            vsReturnOne: ratio(run.acceptedPerSec, returnOne.callsPerSec),
            vsSameCalls: ratio(run.acceptedPerSec, sameCalls.callsPerSec),
          })
        }
      }
    })
  }
  if (sections.includes('events')) {
    results.events = await watched('events', () => eventLatency(ctx))
  }
  if (sections.includes('closing')) {
    results.closing = await watched('closing', () => closingAccuracy(ctx))
  }
  if (sections.includes('memory')) {
    await watched('memory', async () => {
      for (const auctions of ctx.sizes.memoryAuctions) {
        await resetData(ctx)
        results.memory.push(await memoryUse(ctx, auctions))
      }
    })
  }
  if (sections.includes('scaling')) {
    await watched('scaling', async () => {
      for (const processes of ctx.sizes.scalingProcesses) {
        results.scaling.push(await scaling(ctx, processes))
      }
    })
  }
  return results
}

const ratio = (ours: number, ceilingPerSec: number): number =>
  ceilingPerSec > 0 ? Math.round((ours / ceilingPerSec) * 1000) / 1000 : 0
