// Dev helper, not part of `npm run bench`: where does a call's CPU time go? Runs one
// workload (hot | spread | standalone | legacyHot | legacySpread | returnOne | sameCalls;
// legacy…: the previous engine, bench/fixtures/legacy) at one concurrency on a private
// Redis and prints CPU microseconds per call on each side (Node: this process; Redis: INFO cpu), which
// hold up better than throughput on a busy machine, and Redis's per-command times.
//   npx tsx bench/profile.ts hot 64          (AOF=no: without the append-only file)
import { performance } from 'node:perf_hooks'
import type { Redis } from 'ioredis'
import { startRedis } from '../test/support/redis-server'
import { FULL, openContext } from './lib/context'
import { runClosedLoop } from './lib/load'
import { ceilingCallers, type CeilingScript } from './sections/ceiling'
import {
  bidCaller,
  hotLotFixture,
  legacyFixture,
  spreadFixture,
  standaloneFixture,
  type BidFixture,
} from './sections/throughput'

const mode = process.argv[2] ?? 'hot'
const MODES = ['hot', 'spread', 'standalone', 'legacyHot', 'legacySpread', 'returnOne', 'sameCalls']
if (!MODES.includes(mode)) throw new Error(`mode: one of ${MODES.join(', ')}`)
const concurrency = Number(process.argv[3] ?? 64)

const redisCpuSeconds = async (redis: Redis): Promise<number> => {
  const info = await redis.info('cpu')
  const field = (name: string): number => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1])
  return field('used_cpu_user') + field('used_cpu_sys')
}

const server = await startRedis(
  process.env.AOF === 'no' ? { extraArgs: ['--appendonly', 'no'] } : {},
)
try {
  const sizes = { ...FULL, warmupMs: 1000, throughputMs: 4000 }
  const ctx = await openContext(server.url, sizes, { exclusive: true })
  const fixtures: Record<string, () => Promise<BidFixture>> = {
    hot: () => hotLotFixture(ctx),
    spread: () => spreadFixture(ctx),
    standalone: () => standaloneFixture(ctx),
    legacyHot: () => legacyFixture(ctx, 1),
    legacySpread: () => legacyFixture(ctx, sizes.spreadLots),
  }
  const fixture = fixtures[mode]
  const call = fixture
    ? bidCaller(await fixture())
    : (await ceilingCallers(ctx))[mode as CeilingScript]
  await ctx.redis.config('RESETSTAT')
  const nodeBefore = process.cpuUsage()
  const redisBefore = await redisCpuSeconds(ctx.redis)
  const started = performance.now()
  const run = await runClosedLoop({
    concurrency,
    warmupMs: sizes.warmupMs,
    durationMs: sizes.throughputMs,
    call,
  })
  const wallMs = performance.now() - started
  const node = process.cpuUsage(nodeBefore)
  const redisSeconds = (await redisCpuSeconds(ctx.redis)) - redisBefore
  // Calls over the whole run (warm-up included), estimated from the measured rate.
  const calls = (run.callsPerSec * wallMs) / 1000
  const perCall = (us: number): string => (us / calls).toFixed(1)
  console.log(`${mode} × ${concurrency}: ${run.callsPerSec} calls/s, p50 ${run.latency.p50Ms} ms`)
  console.log(`node  CPU per call: ${perCall(node.user + node.system)} µs`)
  console.log(`redis CPU per call: ${perCall(redisSeconds * 1e6)} µs`)
  const stats = await ctx.redis.info('commandstats')
  for (const line of stats.split('\n')) {
    const m = /^cmdstat_(\w+):calls=(\d+),usec=\d+,usec_per_call=([\d.]+)/.exec(line)
    if (m && Number(m[2]) > 1000) console.log(`  ${m[1]}: ${m[3]} µs × ${m[2]}`)
  }
  await ctx.close()
} finally {
  await server.stop()
}
