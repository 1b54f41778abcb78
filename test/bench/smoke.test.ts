// The benchmark's building blocks at toy sizes: checks that every section runs and that its
// counts add up. No timing is asserted (numbers from a test run mean nothing); `npm run bench`
// is where performance is measured. Own redis-server: the bench flushes, reads INFO and runs
// schedulers that would close other tests' auctions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, type BenchContext, type Sizes } from '../../bench/lib/context'
import { checkTargets, toJson, type BenchReport } from '../../bench/report'
import { runSuite, type SuiteResults } from '../../bench/suite'
import { startRedis, type RedisProcess } from '../support/redis-server'

const TINY: Sizes = {
  concurrencies: [1, 4],
  warmupMs: 50,
  throughputMs: 200,
  rounds: 2,
  spreadAuctions: 20,
  eventRate: 200,
  eventMs: 300,
  closingAuctions: 60,
  closingWindowMs: 500,
  schedulers: 2,
  memoryAuctions: [10, 1],
  memoryBids: 300,
  scalingProcesses: [2],
  scalingConcurrency: 4,
}

describe('benchmark building blocks (tiny sizes)', () => {
  let server: RedisProcess
  let ctx: BenchContext & { close(): Promise<void> }
  let results: SuiteResults

  beforeAll(async () => {
    server = await startRedis()
    ctx = await openContext(server.url, TINY, { exclusive: true })
    results = await runSuite(ctx)
  }, 120_000)

  afterAll(async () => {
    await ctx?.close()
    await server?.stop()
  })

  it('bid throughput: every workload and concurrency, counts add up', () => {
    expect(results.throughput.map((r) => `${r.workload}/${r.concurrency}`)).toEqual([
      'hot/1',
      'spread/1',
      'hot/4',
      'spread/4',
    ])
    for (const run of results.throughput) {
      expect(run.calls).toBe(run.accepted + run.rejected)
      expect(run.latency.count).toBe(run.calls)
      const byCode = Object.values(run.rejectedByCode).reduce((a, b) => a + b, 0)
      expect(byCode).toBe(run.rejected)
      // Each bid goes above the last one sent: from one process, none is rejected.
      expect(run.accepted).toBeGreaterThan(0)
      expect(run.rejected).toBe(0)
    }
  })

  it('ceiling: both scripts at each concurrency, and a ratio for each bid run', () => {
    expect(results.ceiling.map((c) => `${c.script}/${c.concurrency}`)).toEqual([
      'returnOne/1',
      'sameCalls/1',
      'returnOne/4',
      'sameCalls/4',
    ])
    for (const c of results.ceiling) expect(c.calls).toBeGreaterThan(0)
    expect(results.ratios).toHaveLength(results.throughput.length)
    for (const r of results.ratios) expect(r.vsReturnOne).toBeGreaterThan(0)
  })

  it('event latency: one event per accepted bid', () => {
    const events = results.events
    expect(events).toBeDefined()
    if (!events) return
    expect(events.sent).toBe(events.accepted + events.rejected)
    expect(events.received + events.missing).toBe(events.accepted)
    expect(events.missing).toBe(0)
    expect(events.latency.count).toBe(events.received)
  })

  it('closing: exactly one auction_ended per auction, with two schedulers', () => {
    const closing = results.closing
    expect(closing).toBeDefined()
    if (!closing) return
    expect(closing.ended + closing.missing).toBe(closing.auctions)
    expect(closing.missing).toBe(0)
    expect(closing.duplicates).toBe(0)
    expect(closing.exactlyOnce).toBe(true)
    expect(closing.lateness.count).toBe(closing.auctions)
  })

  it('memory: every accepted bid is stored once, spread and hot', () => {
    expect(results.memory.map((m) => m.auctions)).toEqual([10, 1])
    for (const memory of results.memory) {
      expect(memory.storedBids).toBe(memory.bidsPlaced - memory.rejected)
      expect(memory.keys.bidHistories).toBeGreaterThan(0)
      expect(memory.bytesPerBid).not.toBeNull()
    }
  })

  it('scaling: worker processes report, and their counts add up', () => {
    expect(results.scaling).toHaveLength(1)
    const [run] = results.scaling
    expect(run?.processes).toBe(2)
    expect(run?.calls).toBe((run?.accepted ?? 0) + (run?.rejected ?? 0))
    expect(run?.accepted).toBeGreaterThan(0)
    expect(run?.consistent).toBe(true)
  })

  it('report: targets for each section and JSON without raw samples', () => {
    const report = {
      ...results,
      startedAt: new Date().toISOString(),
      quick: true,
      seconds: 1,
      machine: { cpus: 1, cpuModel: 'x', ramGiB: 1, node: 'v20', redis: '7', loadStart: 0 },
      targets: checkTargets(results),
    } satisfies BenchReport
    expect(report.targets.map((t) => t.name)).toHaveLength(3) // no 64-bidder run at tiny sizes
    const json = JSON.parse(toJson(report)) as { throughput: Record<string, unknown>[] }
    expect(json.throughput[0]).not.toHaveProperty('samples')
  })
})
