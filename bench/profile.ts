// Dev helper (not part of npm run bench): where does a bid's time go? Runs one workload and
// prints Redis-side usec per command (INFO commandstats) and this process's CPU per call.
import { performance } from 'node:perf_hooks'
import { startRedis } from '../test/support/redis-server'
import { FULL, openContext } from './lib/context'
import { ceiling } from './sections/ceiling'
import { bidThroughput } from './sections/throughput'

const mode = process.argv[2] ?? 'hot'
const concurrency = Number(process.argv[3] ?? 64)
const server = await startRedis()
try {
  const ctx = await openContext(server.url, { ...FULL, throughputMs: 4000 }, { exclusive: true })
  await ctx.redis.config('RESETSTAT')
  const cpu = process.cpuUsage()
  const t = performance.now()
  const run =
    mode === 'hot' || mode === 'spread'
      ? await bidThroughput(ctx, mode, concurrency)
      : await ceiling(ctx, mode as 'returnOne' | 'sameCalls', concurrency)
  const used = process.cpuUsage(cpu)
  const wall = performance.now() - t
  const stats = (await ctx.redis.info('commandstats'))
    .split('\n')
    .filter((l) => l.startsWith('cmdstat_'))
  const redisCpu = (await ctx.redis.info('cpu')).split('\n').filter((l) => l.includes('used_cpu'))
  console.log(
    mode,
    concurrency,
    `${run.acceptedPerSec}/s`,
    `p50 ${run.latency.p50Ms} p99 ${run.latency.p99Ms}`,
  )
  console.log(
    `node cpu: ${(((used.user + used.system) / 1000 / wall) * 100).toFixed(0)}% of one core over ${wall.toFixed(0)} ms; per call ${((used.user + used.system) / (run.calls * (wall / (ctx.sizes.throughputMs + ctx.sizes.warmupMs)))).toFixed(1)} us`,
  )
  console.log(stats.join('\n'))
  console.log(redisCpu.join('\n'))
  await ctx.close()
} finally {
  await server.stop()
}
