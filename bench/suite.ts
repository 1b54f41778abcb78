// Runs the benchmark sections in order against one context and gathers their results.
import type { BenchContext, Sizes } from './lib/context'
import { resetData } from './lib/context'
import { diagnose, type SectionDiagnostics } from './lib/diagnostics'
import type { CeilingRun } from './sections/ceiling'
import { closingAccuracy, type ClosingAccuracy } from './sections/closing'
import { contention, type Contention } from './sections/contention'
import { eventLatency, type EventLatency } from './sections/events'
import { liveRoom, type LiveRoom } from './sections/live-room'
import { memoryUse, type MemoryUse } from './sections/memory'
import { relayLatency, type RelayLatency } from './sections/relay-events'
import { scaling, type ScalingRun } from './sections/scaling'
import { scriptCost, type ScriptCost } from './sections/script-cost'
import { throughputSection, type Ratio, type ThroughputRun } from './sections/throughput'
import { topology, type Topology } from './sections/topology'

export type { Ratio } from './sections/throughput'

export const SECTIONS = [
  'throughput',
  'contention',
  'events',
  'relay',
  'live',
  'closing',
  'memory',
  'scaling',
  'topology',
] as const
export type Section = (typeof SECTIONS)[number]

export interface SuiteResults {
  sizes: Sizes
  throughput: ThroughputRun[]
  ceiling: CeilingRun[]
  ratios: Ratio[]
  scriptCost?: ScriptCost
  contention?: Contention
  events?: EventLatency
  relay?: RelayLatency
  live?: LiveRoom
  closing?: ClosingAccuracy
  memory: MemoryUse[]
  scaling: ScalingRun[]
  /** Single server vs a 3-master cluster, local vs replicated durability (own servers). */
  topology?: Topology
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
      Object.assign(results, await throughputSection(ctx))
      results.scriptCost = await scriptCost(ctx)
    })
  }
  if (sections.includes('contention')) {
    results.contention = await watched('contention', () => contention(ctx))
  }
  if (sections.includes('events')) {
    results.events = await watched('events', () => eventLatency(ctx))
  }
  if (sections.includes('relay')) {
    results.relay = await watched('relay', () => relayLatency(ctx))
  }
  if (sections.includes('live')) {
    results.live = await watched('live', () => liveRoom(ctx))
  }
  if (sections.includes('closing')) {
    results.closing = await watched('closing', () => closingAccuracy(ctx))
  }
  if (sections.includes('memory')) {
    await watched('memory', async () => {
      const rows = [
        ...ctx.sizes.memoryLots.map((lots) => ['sales', lots] as const),
        ['standalone', ctx.sizes.memoryStandalone] as const,
      ]
      for (const [layout, lots] of rows) {
        await resetData(ctx)
        results.memory.push(await memoryUse(ctx, layout, lots))
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
  if (sections.includes('topology')) {
    results.topology = await watched('topology', () => topology(ctx))
  }
  return results
}
