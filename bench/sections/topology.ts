// Section 9: beyond one Redis. (a) The same bid load over many sales (standalone auctions:
// a sale of one lot each, so their hash tags spread over the slots) on the run's single
// server and on a 3-master Redis Cluster on this machine, with each master's share of the
// scripts (INFO commandstats fcall and evalsha after CONFIG RESETSTAT) and of the sales (the slots it
// owns). (b) What `durability: 'replicated'` costs: the same load, and a create, on a primary
// with one replica, local vs replicated (WAIT 1 after each change). Variants take turns
// (A, B, B, A), and each reports its better round: on a small, shared machine a slow moment
// then hurts neither figure more than the other. Only ratios within the run mean anything.
import { performance } from 'node:perf_hooks'
import { Command, type Cluster, type Redis } from 'ioredis'
import { AuctionEngine, connectRedis, connectRedisServer, lotKeys } from '../../src/main/engine'
import { nodeCommand, startCluster, type RedisCluster } from '../../test/support/redis-cluster'
import { startRedis, type RedisProcess } from '../../test/support/redis-server'
import { scriptTime } from '../lib/commandstats'
import { BIDDERS, counterBids, placeBid } from '../lib/bids'
import type { BenchContext, Sizes } from '../lib/context'
import { BENCH_SELLER, createAuctions, inParallel } from '../lib/fixtures'
import { runClosedLoop, type LoadResult, type Outcome } from '../lib/load'
import { round, sleep, type LatencySummary } from '../lib/stats'
import { bidCaller, type BidFixture } from './throughput'

export interface TopologySizes {
  /** Standalone auctions bid at random, on each server or cluster. */
  sales: number
  clients: number[]
  /** In-flight calls of the replicated-durability comparison. */
  durabilityClients: number[]
  /** Measured time of one variant in one round; `rounds` rounds. */
  sliceMs: number
  warmupMs: number
  rounds: number
}

/**
 * The section's sizes follow the run's, so the full, quick and smoke runs need no fields of
 * their own: the slice is a contention slice, at most 200 sales (the spread load's lots), the
 * issue's 1 / 16 / 64 in flight capped at the run's largest contention count.
 */
export function topologySizes(sizes: Sizes): TopologySizes {
  const most = Math.max(...sizes.contentionClients)
  const clients = [...new Set([1, 16, 64].map((c) => Math.min(c, most)))]
  return {
    sales: Math.min(200, sizes.spreadLots),
    clients,
    durabilityClients: clients.filter((c) => c <= 16),
    sliceMs: sizes.contentionMs,
    warmupMs: sizes.warmupMs,
    rounds: 2,
  }
}

/** One variant at one concurrency: its better round, and every round's rate. */
export interface VariantRun {
  variant: string
  concurrency: number
  /** Of the better round (the higher accepted/s). */
  acceptedPerSec: number
  rejected: number
  rejectedByCode: Record<string, number>
  latency: LatencySummary
  roundsPerSec: number[]
  /** CPU per call over all rounds (warm-ups included): every Redis server of the variant
   * together (used_cpu_user + used_cpu_sys), and this Node process. */
  redisCpuUs: number
  nodeCpuUs: number
}

/** One master of the cluster during one point (all its rounds). */
export interface NodeShare {
  port: number
  /** Hash slots it owns, and the sales whose tag falls in one of them. */
  slots: number
  sales: number
  /** EVALSHA calls it ran (warm-ups included), its share of all, and Redis µs per call. */
  evalshaCalls: number
  share: number
  evalshaUs: number
  /** Its CPU (user + sys) per evalsha it ran, µs. */
  cpuUsPerCall: number
}

export interface ClusterPoint {
  concurrency: number
  single: VariantRun
  cluster: VariantRun
  /** Cluster ÷ single accepted/s: better rounds, and round by round. */
  ratio: number
  ratioRounds: number[]
  nodes: NodeShare[]
}

export type DurabilityOperation = 'placeBid' | 'createAuction'

export interface DurabilityPoint {
  operation: DurabilityOperation
  concurrency: number
  local: VariantRun
  replicated: VariantRun
  /** Replicated ÷ local accepted/s (better rounds), and what WAIT adds to p50 and p99. */
  ratio: number
  ratioRounds: number[]
  p50AddedMs: number
  p99AddedMs: number
}

export interface Topology {
  sizes: TopologySizes
  masters: number
  replicationTimeoutMs: number
  cluster: ClusterPoint[]
  durability: DurabilityPoint[]
}

const REPLICATION_TIMEOUT_MS = 1000
/** Later slices only need the connections busy again (as ./compare.ts). */
const REWARM_MS = 100
/** The bench server's own setting: no AOF rewrite forking mid-measurement (bench/run.ts). */
const SERVER_ARGS = ['--auto-aof-rewrite-percentage', '0']

const ratio = (a: number, b: number): number => (b > 0 ? round(a / b) : 0)

const stat = (info: string, field: string): number =>
  Number(new RegExp(`${field}:([\\d.]+)`).exec(info)?.[1] ?? 0)

/** The server's CPU so far (all threads, user + sys), µs. */
const cpuUs = async (redis: Redis): Promise<number> => {
  const info = await redis.info('cpu')
  return (stat(info, 'used_cpu_user') + stat(info, 'used_cpu_sys')) * 1e6
}

const nodeCpuUs = (): number => {
  const { user, system } = process.cpuUsage()
  return user + system
}

interface Variant {
  name: string
  call: (worker: number) => Promise<Outcome>
  /** Every server the variant runs on, for its CPU. */
  servers: Redis[]
  before?: () => Promise<void>
  after?: () => Promise<void>
}

interface Timing {
  rounds: number
  sliceMs: number
  warmupMs: number
}

/** The variants in turns, reversed every other round; each one's better round. */
async function alternate(
  ctx: BenchContext,
  concurrency: number,
  variants: readonly Variant[],
  timing: Timing,
): Promise<Map<string, VariantRun>> {
  const rounds = new Map<string, LoadResult[]>(variants.map((v) => [v.name, []]))
  const spent = new Map(variants.map((v) => [v.name, { calls: 0, redis: 0, node: 0 }]))
  for (let r = 0; r < timing.rounds; r++) {
    for (const variant of r % 2 === 0 ? variants : [...variants].reverse()) {
      const cpu = spent.get(variant.name) as { calls: number; redis: number; node: number }
      await variant.before?.()
      const sum = async (): Promise<number> =>
        (await Promise.all(variant.servers.map(cpuUs))).reduce((a, b) => a + b, 0)
      const redisBefore = await sum()
      const nodeBefore = nodeCpuUs()
      const slice = await runClosedLoop({
        concurrency,
        warmupMs: r === 0 ? timing.warmupMs : Math.min(REWARM_MS, timing.warmupMs),
        durationMs: timing.sliceMs,
        call: (worker) => {
          cpu.calls++
          return variant.call(worker)
        },
      })
      cpu.node += nodeCpuUs() - nodeBefore
      cpu.redis += (await sum()) - redisBefore
      await variant.after?.()
      rounds.get(variant.name)?.push(slice)
    }
  }
  const runs = new Map<string, VariantRun>()
  for (const [name, slices] of rounds) {
    const best = slices.reduce((a, b) => (b.acceptedPerSec > a.acceptedPerSec ? b : a))
    const cpu = spent.get(name) as { calls: number; redis: number; node: number }
    const run: VariantRun = {
      variant: name,
      concurrency,
      acceptedPerSec: best.acceptedPerSec,
      rejected: best.rejected,
      rejectedByCode: best.rejectedByCode,
      latency: best.latency,
      roundsPerSec: slices.map((s) => s.acceptedPerSec),
      redisCpuUs: round(cpu.redis / Math.max(1, cpu.calls), 1),
      nodeCpuUs: round(cpu.node / Math.max(1, cpu.calls), 1),
    }
    runs.set(name, run)
    ctx.log(
      `${name} × ${concurrency}: ${run.acceptedPerSec}/s (rounds ${run.roundsPerSec.join(', ')}), ` +
        `${run.rejected} rejected, p50 ${run.latency.p50Ms} ms, p99 ${run.latency.p99Ms} ms, ` +
        `CPU per call: Redis ${run.redisCpuUs} µs, Node ${run.nodeCpuUs} µs`,
    )
  }
  return runs
}

/** `sales` open standalone auctions, every bidder already in (as the spread workload). */
async function bidFixture(engine: AuctionEngine, sales: number): Promise<BidFixture> {
  const ids = await createAuctions(engine, sales)
  const fixture: BidFixture = { placer: engine, ids, sales, bids: counterBids(ids.length) }
  // A bidder's first bid on a lot also writes the global bidder lists (on a cluster, other
  // slots): done here, so the slices measure a sale in progress.
  await inParallel(ids.length * BIDDERS, 64, async (n) => {
    const index = n % ids.length
    const outcome = await placeBid(engine, ids[index] as string, fixture.bids.next(index))
    if (!outcome.ok) throw new Error(`priming bid rejected: ${outcome.code}`)
  })
  return fixture
}

/** ioredis' own slot of a key (hash tag counted), as it routes the script. */
const slotOf = (key: string): number => new Command('exists', [key]).getSlot()

type SlotRange = [start: number, end: number, master: [host: string, port: number]]

interface Master {
  port: number
  client: Redis
  slots: number
  owns: (slot: number) => boolean
}

async function mastersOf(cluster: RedisCluster): Promise<Master[]> {
  const masters = await Promise.all(
    cluster.nodes.map(async (node) => ({
      port: node.port,
      // Plain INFO and CONFIG on each node (a cluster node answers them like any server).
      client: await connectRedisServer({
        url: `redis://127.0.0.1:${node.port}`,
        connectionName: 'auction-bench:node',
      }),
    })),
  )
  const ranges = (await masters[0]?.client.call('CLUSTER', 'SLOTS')) as SlotRange[]
  return masters.map(({ port, client }) => {
    const own = ranges.filter(([, , [, p]]) => p === port)
    return {
      port,
      client,
      slots: own.reduce((sum, [start, end]) => sum + end - start + 1, 0),
      owns: (slot) => own.some(([start, end]) => slot >= start && slot <= end),
    }
  })
}

async function clusterPoints(
  ctx: BenchContext,
  cluster: RedisCluster,
  sizes: TopologySizes,
): Promise<ClusterPoint[]> {
  const client = (await connectRedis({
    url: cluster.url,
    connectionName: 'auction-bench',
  })) as Cluster
  const masters = await mastersOf(cluster)
  try {
    const single = await bidFixture(ctx.engine, sizes.sales)
    const spread = await bidFixture(new AuctionEngine(client), sizes.sales)
    const salesOn = (m: Master): number =>
      spread.ids.filter((id) => m.owns(slotOf(lotKeys(id).lot))).length
    const points: ClusterPoint[] = []
    for (const concurrency of sizes.clients) {
      const calls = new Map(masters.map((m) => [m.port, { calls: 0, usec: 0, cpu: 0 }]))
      let cpuBefore: number[] = []
      const variants: Variant[] = [
        { name: 'single server', call: bidCaller(single), servers: [ctx.redis] },
        {
          name: `cluster of ${masters.length}`,
          call: bidCaller(spread),
          servers: masters.map((m) => m.client),
          // Per master and per slice: counters from zero (RESETSTAT), read after, summed.
          before: async () => {
            await Promise.all(masters.map((m) => m.client.config('RESETSTAT')))
            cpuBefore = await Promise.all(masters.map((m) => cpuUs(m.client)))
          },
          after: async () => {
            const cpuAfter = await Promise.all(masters.map((m) => cpuUs(m.client)))
            const scripts = await Promise.all(masters.map((m) => scriptTime(m.client)))
            masters.forEach((m, i) => {
              const total = calls.get(m.port) as { calls: number; usec: number; cpu: number }
              total.calls += scripts[i]?.calls ?? 0
              total.usec += scripts[i]?.usec ?? 0
              total.cpu += (cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0)
            })
          },
        },
      ]
      const runs = await alternate(ctx, concurrency, variants, sizes)
      const [a, b] = variants.map((v) => runs.get(v.name) as VariantRun) as [VariantRun, VariantRun]
      const all = [...calls.values()].reduce((sum, c) => sum + c.calls, 0)
      const nodes = masters.map((m): NodeShare => {
        const c = calls.get(m.port) as { calls: number; usec: number; cpu: number }
        return {
          port: m.port,
          slots: m.slots,
          sales: salesOn(m),
          evalshaCalls: c.calls,
          share: ratio(c.calls, all),
          evalshaUs: c.calls > 0 ? round(c.usec / c.calls, 2) : 0,
          cpuUsPerCall: c.calls > 0 ? round(c.cpu / c.calls, 1) : 0,
        }
      })
      points.push({
        concurrency,
        single: a,
        cluster: b,
        ratio: ratio(b.acceptedPerSec, a.acceptedPerSec),
        ratioRounds: b.roundsPerSec.map((perSec, i) => ratio(perSec, a.roundsPerSec[i] ?? 0)),
        nodes,
      })
    }
    return points
  } finally {
    client.disconnect()
    masters.forEach((m) => m.client.disconnect())
  }
}

/** A replica of `primary`, once its link is up; stopped again if it never comes up. */
async function startReplica(primary: RedisProcess): Promise<RedisProcess> {
  const replica = await startRedis({
    extraArgs: [...SERVER_ARGS, '--replicaof', '127.0.0.1', String(primary.port)],
  })
  for (let i = 0; i < 400; i++) {
    // A fresh connection per look, an error counted as "not yet": a kept client was seen
    // closed during the replica's first sync on this busy machine (and the replica orphaned).
    const info = await nodeCommand(replica.port, 'INFO', 'replication').catch(() => '')
    if (String(info).includes('master_link_status:up')) return replica
    await sleep(50)
  }
  await replica.stop()
  throw new Error('the replica never connected to its primary')
}

async function durabilityPoints(
  ctx: BenchContext,
  primary: RedisProcess,
  sizes: TopologySizes,
): Promise<DurabilityPoint[]> {
  // One client each: WAIT counts the replicas that reached that connection's own writes.
  const connect = (): Promise<Redis> =>
    connectRedisServer({ url: primary.url, connectionName: 'auction-bench' })
  const [localClient, replicatedClient] = [await connect(), await connect()]
  try {
    const local = new AuctionEngine(localClient)
    const replicated = new AuctionEngine(replicatedClient, {
      durability: 'replicated',
      replicationTimeoutMs: REPLICATION_TIMEOUT_MS,
    })
    const fixtures = {
      local: await bidFixture(local, sizes.sales),
      replicated: await bidFixture(replicated, sizes.sales),
    }
    let created = 0
    const create = (engine: AuctionEngine) => async (): Promise<Outcome> => {
      const result = await engine.createAuction({
        title: `Bench auction ${++created}`,
        sellerId: BENCH_SELLER,
        startingPrice: '1.00',
        increment: '0.01',
        durationMs: 3_600_000,
        start: true,
      })
      return result.ok ? { ok: true } : { ok: false, code: result.error.code }
    }
    const rows: [DurabilityOperation, number, Variant[]][] = [
      ...sizes.durabilityClients.map((c): [DurabilityOperation, number, Variant[]] => [
        'placeBid',
        c,
        [
          { name: 'bids, local', call: bidCaller(fixtures.local), servers: [localClient] },
          {
            name: 'bids, replicated',
            call: bidCaller(fixtures.replicated),
            servers: [replicatedClient],
          },
        ],
      ]),
      [
        'createAuction',
        1,
        [
          { name: 'create, local', call: create(local), servers: [localClient] },
          { name: 'create, replicated', call: create(replicated), servers: [replicatedClient] },
        ],
      ],
    ]
    const points: DurabilityPoint[] = []
    for (const [operation, concurrency, variants] of rows) {
      const runs = await alternate(ctx, concurrency, variants, sizes)
      const [a, b] = variants.map((v) => runs.get(v.name) as VariantRun) as [VariantRun, VariantRun]
      points.push({
        operation,
        concurrency,
        local: a,
        replicated: b,
        ratio: ratio(b.acceptedPerSec, a.acceptedPerSec),
        ratioRounds: b.roundsPerSec.map((perSec, i) => ratio(perSec, a.roundsPerSec[i] ?? 0)),
        p50AddedMs: round(b.latency.p50Ms - a.latency.p50Ms),
        p99AddedMs: round(b.latency.p99Ms - a.latency.p99Ms),
      })
    }
    return points
  } finally {
    localClient.disconnect()
    replicatedClient.disconnect()
  }
}

export async function topology(
  ctx: BenchContext,
  sizes: TopologySizes = topologySizes(ctx.sizes),
): Promise<Topology> {
  const started = performance.now()
  let cluster: RedisCluster | undefined
  let primary: RedisProcess | undefined
  let replica: RedisProcess | undefined
  try {
    // All servers at once (the cluster takes seconds to agree); the idle ones cost nothing.
    // No diskless-sync delay on the primary: the replica's first sync would wait 5 s.
    const pair = startRedis({
      extraArgs: [...SERVER_ARGS, '--repl-diskless-sync-delay', '0'],
    }).then(async (p) => {
      primary = p
      replica = await startReplica(p)
    })
    const made = startCluster({ extraArgs: SERVER_ARGS }).then((c) => (cluster = c))
    // Both settled before any failure is thrown, so `finally` stops whatever did start.
    const failed = (await Promise.allSettled([pair, made])).find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    if (!cluster || !primary) throw new Error('servers did not start')
    ctx.log(`topology: cluster ${cluster.url}, primary ${primary.url} + replica ${replica?.url}`)
    const points = await clusterPoints(ctx, cluster, sizes)
    // The cluster is done: three fewer servers on the cores for the WAIT comparison.
    await cluster.stop()
    cluster = undefined
    const result: Topology = {
      sizes,
      masters: points[0]?.nodes.length ?? 0,
      replicationTimeoutMs: REPLICATION_TIMEOUT_MS,
      cluster: points,
      durability: await durabilityPoints(ctx, primary, sizes),
    }
    ctx.log(`topology: ${Math.round((performance.now() - started) / 1000)} s`)
    ctx.log(`\n${topologyTables(result)}`)
    return result
  } finally {
    await Promise.all([cluster?.stop(), replica?.stop(), primary?.stop()])
  }
}

const pct = (value: number): string => `${round(value * 100, 1)} %`

/** The section's tables as Markdown, for BENCHMARKS.md (bench/report.ts prints the rest). */
export function topologyTables(t: Topology): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`
  const table = (header: string[], rows: (string | number)[][]): string =>
    [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
  const out: string[] = []
  out.push(
    `Bids over ${t.sizes.sales} sales (one lot each), single server vs cluster of ${t.masters}, ` +
      `better of ${t.sizes.rounds} rounds of ${t.sizes.sliceMs / 1000} s`,
    table(
      [
        'in flight',
        'topology',
        'accepted/s',
        'rounds/s',
        'p50 ms',
        'p99 ms',
        'Redis CPU µs/bid',
        'Node CPU µs/bid',
        'cluster ÷ single',
      ],
      t.cluster.flatMap((p) =>
        [p.single, p.cluster].map((r, i) => [
          p.concurrency,
          r.variant,
          r.acceptedPerSec,
          r.roundsPerSec.join(', '),
          r.latency.p50Ms,
          r.latency.p99Ms,
          r.redisCpuUs,
          r.nodeCpuUs,
          i === 1 ? `${pct(p.ratio)} (${p.ratioRounds.map(pct).join(', ')})` : '',
        ]),
      ),
    ),
    '',
    'Each master’s share (script calls (FCALL, EVALSHA) after CONFIG RESETSTAT, all rounds)',
    table(
      [
        'in flight',
        'master',
        'slots',
        'sales',
        'evalsha calls',
        'share',
        'script µs',
        'CPU µs/call',
      ],
      t.cluster.flatMap((p) =>
        p.nodes.map((n, i) => [
          p.concurrency,
          i + 1,
          n.slots,
          n.sales,
          n.evalshaCalls,
          pct(n.share),
          n.evalshaUs,
          n.cpuUsPerCall,
        ]),
      ),
    ),
    '',
    `Primary + 1 replica: durability local vs replicated (WAIT 1, ${t.replicationTimeoutMs} ms)`,
    table(
      [
        'operation',
        'in flight',
        'durability',
        'per s',
        'rounds/s',
        'rejected',
        'p50 ms',
        'p99 ms',
        'replicated ÷ local',
        'WAIT adds p50 / p99 ms',
      ],
      t.durability.flatMap((p) =>
        [p.local, p.replicated].map((r, i) => [
          p.operation,
          p.concurrency,
          i === 0 ? 'local' : 'replicated',
          r.acceptedPerSec,
          r.roundsPerSec.join(', '),
          r.rejected,
          r.latency.p50Ms,
          r.latency.p99Ms,
          i === 1 ? `${pct(p.ratio)} (${p.ratioRounds.map(pct).join(', ')})` : '',
          i === 1 ? `${p.p50AddedMs} / ${p.p99AddedMs}` : '',
        ]),
      ),
    ),
  )
  return out.join('\n')
}
