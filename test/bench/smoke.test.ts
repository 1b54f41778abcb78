// The benchmark's building blocks at toy sizes: checks that every section runs over sales
// (and the previous engine's bid path beside them), that its results have the shape the
// report reads, and that its counts add up. No timing is asserted (numbers from a test run
// mean nothing); `npm run bench` is where performance is measured. Own redis-server: the
// bench flushes, reads INFO and runs schedulers that would close other tests' lots.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, type BenchContext, type Sizes } from '../../bench/lib/context'
import { checkTargets, renderTables, toJson, type BenchReport } from '../../bench/report'
import { ceilingCallers } from '../../bench/sections/ceiling'
import { bidCaller, hotLotFixture } from '../../bench/sections/throughput'
import { runSuite, type SuiteResults } from '../../bench/suite'
import { startRedis, type RedisProcess } from '../support/redis-server'

/** What a script's commands touch, by kind of key, whatever the ids. */
const KEY_KINDS: [string, RegExp][] = [
  ['bids', /^lot:\{[^}]+\}:.+:bids$/],
  ['requests', /^lot:\{[^}]+\}:.+:requests$/],
  ['lot', /^lot:\{[^}]+\}:[^:]+$/],
  ['sale', /^sale:\{[^}]+\}$/],
  ['closing', /^sale:\{[^}]+\}:closing$/],
  ['channel', /^sale:\{[^}]+\}:events$/],
]

/** The commands that scripts ran during `action` (MONITOR), as "NAME key-kind". */
async function scriptCalls(url: string, ctx: BenchContext, action: () => Promise<unknown>) {
  const client = new Redis(url)
  const monitor = await client.monitor()
  const calls: string[] = []
  const marker = `bench-smoke-${Date.now()}`
  const seen = new Promise<void>((resolve) => {
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (args[1] === marker) resolve()
      if (source !== 'lua') return
      const key = args[1] ?? ''
      const kind = KEY_KINDS.find(([, pattern]) => pattern.test(key))?.[0] ?? ''
      calls.push(`${(args[0] ?? '').toUpperCase()} ${kind}`.trim())
    })
  })
  try {
    await action()
    await ctx.redis.echo(marker) // MONITOR keeps order: every script call is in once this is
    await seen
  } finally {
    monitor.disconnect()
    client.disconnect()
  }
  return calls
}

const TINY: Sizes = {
  concurrencies: [1, 4],
  warmupMs: 50,
  throughputMs: 200,
  rounds: 2,
  scriptCostBids: 50,
  scriptCostRounds: 2,
  lotsPerSale: 10,
  spreadLots: 20,
  eventRate: 200,
  eventMs: 300,
  relayRate: 200,
  relayLots: 20,
  relayMs: 300,
  relayWarmupMs: 50,
  // Lot 4 and 8 pass; 3, 6 and 9 get a bid after the fair warning; 5 and 10 a late bid.
  liveLots: 10,
  liveLotMs: 150,
  liveBidsPerLot: 10,
  livePassEvery: 4,
  closingLots: 60,
  closingSales: 3,
  closingWindowMs: 600,
  schedulers: 2,
  memoryLots: [20, 2],
  memoryStandalone: 10,
  memoryBids: 300,
  scalingProcesses: [2],
  scalingConcurrency: 4,
  contentionClients: [1, 4],
  contentionMs: 200,
  rejectedBids: 50,
  rejectedRounds: 2,
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

  it('bid throughput: every workload, both engines, each concurrency; counts add up', () => {
    const workloads = [
      'sales/hot',
      'sales/spread',
      'sales/standalone',
      'legacy/hot',
      'legacy/spread',
    ]
    expect(results.throughput.map((r) => `${r.engine}/${r.workload}/${r.concurrency}`)).toEqual(
      TINY.concurrencies.flatMap((c) => workloads.map((w) => `${w}/${c}`)),
    )
    for (const run of results.throughput) {
      expect(run.calls).toBe(run.accepted + run.rejected)
      expect(run.latency.count).toBe(run.calls)
      const byCode = Object.values(run.rejectedByCode).reduce((a, b) => a + b, 0)
      expect(byCode).toBe(run.rejected)
      expect(run.roundsPerSec).toHaveLength(TINY.rounds)
      // Each bid goes above the last one sent: from one process, none is rejected.
      expect(run.accepted).toBeGreaterThan(0)
      expect(run.rejected).toBe(0)
    }
    const spread = results.throughput.filter((r) => r.workload === 'spread')
    for (const run of spread) expect(run.lots).toBe(TINY.spreadLots)
    expect(spread.filter((r) => r.engine === 'sales').map((r) => r.sales)).toEqual([2, 2])
    const hot = results.throughput.filter((r) => r.workload !== 'spread')
    for (const run of hot) expect(run.lots).toBe(1)
  })

  it('ceiling and ratios: both scripts at each concurrency, a ratio for each new-engine run', () => {
    expect(results.ceiling.map((c) => `${c.script}/${c.concurrency}`)).toEqual([
      'returnOne/1',
      'sameCalls/1',
      'returnOne/4',
      'sameCalls/4',
    ])
    for (const c of results.ceiling) expect(c.calls).toBeGreaterThan(0)
    expect(results.ratios.map((r) => `${r.workload}/${r.concurrency}`)).toEqual([
      'hot/1',
      'spread/1',
      'standalone/1',
      'hot/4',
      'spread/4',
      'standalone/4',
    ])
    for (const r of results.ratios) {
      expect(r.vsReturnOne).toBeGreaterThan(0)
      expect(r.vsSameCalls).toBeGreaterThan(0)
      expect(r.vsOld).toBeGreaterThan(0)
      expect(r.vsOldRounds).toHaveLength(TINY.rounds)
    }
  })

  it('script cost: Redis CPU per bid for both scripts, each round', () => {
    const cost = results.scriptCost
    expect(cost).toBeDefined()
    if (!cost) return
    expect(cost).toMatchObject({ bidsPerBatch: 50, rounds: 2 })
    expect(cost.newRounds).toHaveLength(2)
    expect(cost.oldRounds).toHaveLength(2)
    expect(cost.newUs).toBeGreaterThan(0)
    expect(cost.oldUs).toBeGreaterThan(0)
  })

  it('contention: new and old at each client count, counts add up; rejected bids cost', () => {
    const contention = results.contention
    expect(contention).toBeDefined()
    if (!contention) return
    const rows = ['amount/sales', 'amount/legacy', 'asking/sales']
    expect(contention.runs.map((r) => `${r.mode}/${r.engine}/${r.concurrency}`)).toEqual(
      TINY.contentionClients.flatMap((c) => rows.map((row) => `${row}/${c}`)),
    )
    for (const run of contention.runs) {
      expect(run.calls).toBe(run.accepted + run.rejected)
      expect(run.accepted).toBeGreaterThan(0)
      expect(run.redisUsPerCall).toBeGreaterThan(0)
      // Racing clients lose only to a higher price.
      expect(Object.keys(run.rejectedByCode).filter((code) => code !== 'BID_TOO_LOW')).toEqual([])
    }
    expect(contention.rejected?.paths.map((p) => `${p.kind}/${p.engine}`)).toEqual([
      'BID_TOO_LOW/sales',
      'BID_TOO_LOW/legacy',
      'AUCTION_NOT_ACTIVE/sales',
      'AUCTION_NOT_ACTIVE/legacy',
    ])
    for (const p of contention.rejected?.paths ?? []) expect(p.us).toBeGreaterThan(0)
  })

  it('event latency: one event per accepted bid', () => {
    const events = results.events
    expect(events).toBeDefined()
    if (!events) return
    expect(events.saleLots).toBe(TINY.lotsPerSale)
    expect(events.sent).toBe(events.accepted + events.rejected)
    expect(events.received + events.missing).toBe(events.accepted)
    expect(events.missing).toBe(0)
    expect(events.latency.count).toBe(events.received)
  })

  it('relay: one bid_placed at the second console per accepted bid, over every lot', () => {
    const relay = results.relay
    expect(relay).toBeDefined()
    if (!relay) return
    expect(relay).toMatchObject({ lots: TINY.relayLots, sales: 2, rejected: 0, missing: 0 })
    expect(relay.sent).toBe(relay.accepted)
    expect(relay.received).toBe(relay.accepted)
    expect(relay.latency.count).toBe(relay.received)
    expect(relay.callLatency.count).toBe(relay.sent)
    expect(relay.hopLatency.count).toBe(relay.received)
  })

  it('live room: every action of the sale heard exactly once at B and at the room display', () => {
    const live = results.live
    expect(live).toBeDefined()
    if (!live) return
    expect(live).toMatchObject({ lots: TINY.liveLots, lotMs: TINY.liveLotMs, compression: 200 })
    // The room display's own token opens its socket (in the hello), not a plain session.
    expect(live.display).toBe('display link')
    const row = (kind: string) => live.rows.find((r) => r.kind === kind)
    expect(live.rows.map((r) => r.kind)).toEqual([
      'offer',
      'floor',
      'online',
      'warn',
      'hammer',
      'pass',
    ])
    // Every lot offered once, then sold or passed; a second warning after a bid that cleared one.
    expect(row('offer')?.accepted).toBe(10)
    expect(row('hammer')?.accepted).toBe(8)
    expect(row('pass')?.accepted).toBe(2)
    expect(row('warn')?.accepted).toBe(8 + 3)
    for (const r of live.rows) {
      // Clerk actions never fail; a bid is refused only when its bidder already leads.
      const codes = Object.keys(r.rejectedByCode)
      expect(codes.filter((code) => code !== 'ALREADY_LEADING')).toEqual([])
      if (r.kind !== 'online') expect(r.accepted).toBe(r.actions)
      expect(r.accepted + Object.values(r.rejectedByCode).reduce((a, b) => a + b, 0)).toBe(
        r.actions,
      )
      expect(r.call.count).toBe(r.actions)
      for (const heard of [r.atB, r.atD]) {
        expect(heard).toMatchObject({ heard: r.accepted, missing: 0, duplicates: 0 })
        expect(heard.latency.count).toBe(r.accepted)
      }
    }
    expect(live.bids).toBe((row('floor')?.actions ?? 0) + (row('online')?.actions ?? 0))
    expect(live.bids).toBeGreaterThanOrEqual(8 * 8)
    expect(live.burstBids).toBeGreaterThanOrEqual(2 * live.bursts)
    // The bids sent as the hammer fell all came too late.
    expect(live.lateBids).toBe(2)
    expect(live.lateRejectedByCode).toEqual({ LOT_CLOSED: 2 })
    expect(live.unexplained).toEqual({ B: 0, D: 0 })
    expect(live.snapshots).toEqual({ B: 0, D: 0 })
  })

  it('closing: exactly one auction_ended per lot of the timed sales, with two schedulers', () => {
    const closing = results.closing
    expect(closing).toBeDefined()
    if (!closing) return
    expect(closing).toMatchObject({ lots: 60, sales: 3, lotsPerSale: 20, closeIntervalMs: 30 })
    expect(closing.ended + closing.missing).toBe(closing.lots)
    expect(closing.missing).toBe(0)
    expect(closing.duplicates).toBe(0)
    expect(closing.exactlyOnce).toBe(true)
    expect(closing.lateness.count).toBe(closing.lots)
    expect(closing.salesClosed).toBe(closing.sales)
  })

  it('memory: every accepted bid is stored once, over sales, hot, and standalone', () => {
    expect(results.memory.map((m) => `${m.layout}/${m.lots}/${m.sales}`)).toEqual([
      'sales/20/2',
      'sales/2/1',
      'standalone/10/10',
    ])
    for (const memory of results.memory) {
      expect(memory.storedBids).toBe(memory.bidsPlaced - memory.rejected)
      expect(memory.rejected).toBe(0)
      expect(memory.keys.lotHashes).toBeGreaterThan(0)
      expect(memory.keys.bidHistories).toBeGreaterThan(0)
      expect(memory.keys.requestHashes).toBeGreaterThan(0)
      expect(memory.keys.saleKeys).toBeGreaterThan(0)
      expect(memory.keys.bidderIndices).toBeGreaterThan(0)
      expect(memory.keyBytesPerLot).toBeGreaterThan(0)
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

  it('topology: single vs cluster at each count, every master with sales ran bids; WAIT pairs', () => {
    const topology = results.topology
    expect(topology).toBeDefined()
    if (!topology) return
    expect(topology.masters).toBe(3)
    expect(topology.cluster.map((p) => p.concurrency)).toEqual([1, 4])
    for (const point of topology.cluster) {
      expect(point.nodes.reduce((sum, n) => sum + n.slots, 0)).toBe(16384)
      expect(point.nodes.reduce((sum, n) => sum + n.sales, 0)).toBe(TINY.spreadLots)
      // A master without a sale's slot (rare at 20 sales) has nothing to run.
      for (const n of point.nodes) if (n.sales > 0) expect(n.evalshaCalls).toBeGreaterThan(0)
    }
    expect(topology.durability.map((p) => `${p.operation}/${p.concurrency}`)).toEqual([
      'placeBid/1',
      'placeBid/4',
      'createAuction/1',
    ])
    const runs = [
      ...topology.cluster.flatMap((p) => [p.single, p.cluster]),
      ...topology.durability.flatMap((p) => [p.local, p.replicated]),
    ]
    for (const run of runs) {
      expect(run.roundsPerSec).toHaveLength(2)
      expect(run.acceptedPerSec).toBeGreaterThan(0)
      expect(run.rejected).toBe(0)
    }
  })

  it('same_calls.lua makes the Redis calls of an accepted placeBid, on the same kinds of key', async () => {
    const ceilings = await ceilingCallers(ctx)
    const bid = bidCaller(await hotLotFixture(ctx))
    const bidCalls = await scriptCalls(server.url, ctx, bid)
    expect(bidCalls).toContain('PUBLISH channel')
    expect(await scriptCalls(server.url, ctx, ceilings.sameCalls)).toEqual(bidCalls)
  })

  it('report: targets for each section, every table, and JSON without raw samples', () => {
    const report = {
      ...results,
      startedAt: new Date().toISOString(),
      quick: true,
      seconds: 1,
      machine: { cpus: 1, cpuModel: 'x', ramGiB: 1, node: 'v20', redis: '7', loadStart: 0 },
      targets: checkTargets(results),
    } satisfies BenchReport
    // No 64-bidder run at tiny sizes, so no return-1 target.
    expect(report.targets.map((t) => t.name)).toEqual([
      'bids/s, this engine ÷ the previous one, same run',
      'rejected bid, Redis µs per call ÷ return 1',
      `event latency p99 at ${TINY.eventRate} bids/s`,
      `relay event p99 at ${TINY.relayRate} bids/s over ${TINY.relayLots} lots`,
      `live room, ${TINY.liveLots} lots at 200× pace: clerk action → room display`,
      'closing lateness, 60 lots in 3 timed sales',
      'Redis memory per stored bid (worst case)',
    ])
    const tables = renderTables(report)
    for (const title of [
      'Bid throughput',
      'This engine ÷ the previous one',
      'Redis CPU per accepted bid',
      'Ceiling',
      'Hot lot under contention',
      'Rejected bid',
    ]) {
      expect(tables).toContain(title)
    }
    for (const title of [
      'Event latency',
      'through the relay',
      'Live sale room',
      'Closing accuracy',
      'Memory',
      'Scaling',
      'Targets',
    ]) {
      expect(tables).toContain(title)
    }
    const json = JSON.parse(toJson(report)) as { throughput: Record<string, unknown>[] }
    expect(json.throughput[0]).not.toHaveProperty('samples')
  })
})
