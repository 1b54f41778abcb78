// Sections 1 and 3 together: at one concurrency, the bid workloads (new engine and old) and
// the ceiling scripts take turns in short slices, several rounds, so a change in machine load
// during the run hits all of them alike and the ratios stay fair. Every other round runs in
// reverse order, so no contender always follows the same one. Each slice also records the
// CPU time each side spent per call (Redis: its main thread, INFO cpu; Node: this process),
// which a busy machine disturbs far less than it disturbs calls per second, and Redis's own
// time per script call (INFO commandstats, when the server is the run's alone).
import type { Redis } from 'ioredis'
import { addSince, scriptTime, NO_TIME, usPerCall, type ScriptTime } from '../lib/commandstats'
import type { BenchContext } from '../lib/context'
import { mergeRuns, runClosedLoop, type LoadResult, type Outcome } from '../lib/load'
import { round } from '../lib/stats'

export interface Contender {
  name: string
  /** One call; `worker` is the caller's index (0 … concurrency-1). */
  call: (worker: number) => Promise<Outcome>
}

/** Rounds (one slice each per contender), measured time per contender over all of them, and
 * the first slice's warm-up. */
export interface SliceTiming {
  rounds: number
  durationMs: number
  warmupMs: number
}

/** The slices of one contender as one run, and each slice's rate. */
export interface InterleavedRun extends LoadResult {
  /** Accepted calls/s of each round's slice, in round order. */
  roundsPerSec: number[]
  /** CPU microseconds per call (warm-ups included), Redis server and this Node process. */
  redisCpuUs: number
  nodeCpuUs: number
  /** Redis µs per EVALSHA (usec_per_call, warm-ups included); null on a shared server. */
  redisUsPerCall: number | null
}

/** Later slices only need the connection busy again; the JIT is warm after the first. */
const REWARM_MS = 100

async function redisCpuUs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu')
  const field = (name: string): number =>
    Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0)
  return (field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread')) * 1e6
}

const nodeCpuUs = (): number => {
  const { user, system } = process.cpuUsage()
  return user + system
}

export async function interleave(
  ctx: BenchContext,
  concurrency: number,
  contenders: readonly Contender[],
  timing: SliceTiming = {
    rounds: ctx.sizes.rounds,
    durationMs: ctx.sizes.throughputMs,
    warmupMs: ctx.sizes.warmupMs,
  },
): Promise<Map<string, InterleavedRun>> {
  const { rounds, durationMs, warmupMs } = timing
  const slices = new Map<string, LoadResult[]>(contenders.map((c) => [c.name, []]))
  const cpu = new Map(contenders.map((c) => [c.name, { calls: 0, redis: 0, node: 0 }]))
  const scripts = new Map<string, ScriptTime>(contenders.map((c) => [c.name, NO_TIME]))
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse()
    for (const contender of order) {
      const spent = cpu.get(contender.name) as { calls: number; redis: number; node: number }
      const redisBefore = await redisCpuUs(ctx.redis)
      const nodeBefore = nodeCpuUs()
      const scriptsBefore = ctx.exclusive ? await scriptTime(ctx.redis) : NO_TIME
      const slice = await runClosedLoop({
        concurrency,
        warmupMs: r === 0 ? warmupMs : Math.min(REWARM_MS, warmupMs),
        durationMs: durationMs / rounds,
        call: (worker) => {
          spent.calls++
          return contender.call(worker)
        },
      })
      spent.node += nodeCpuUs() - nodeBefore
      spent.redis += (await redisCpuUs(ctx.redis)) - redisBefore
      if (ctx.exclusive) {
        const total = scripts.get(contender.name) ?? NO_TIME
        scripts.set(contender.name, addSince(total, await scriptTime(ctx.redis), scriptsBefore))
      }
      slices.get(contender.name)?.push(slice)
    }
  }
  const merged = new Map<string, InterleavedRun>()
  for (const [name, runs] of slices) {
    const spent = cpu.get(name) as { calls: number; redis: number; node: number }
    const result = {
      ...mergeRuns(runs),
      roundsPerSec: runs.map((run) => run.acceptedPerSec),
      redisCpuUs: round(spent.redis / Math.max(1, spent.calls), 1),
      nodeCpuUs: round(spent.node / Math.max(1, spent.calls), 1),
      redisUsPerCall: ctx.exclusive ? usPerCall(scripts.get(name) ?? NO_TIME) : null,
    }
    merged.set(name, result)
    ctx.log(
      `${name} × ${concurrency}: ${result.acceptedPerSec}/s accepted, ${result.rejected} ` +
        `rejected, p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms, ` +
        `CPU per call: Redis ${result.redisCpuUs} µs, Node ${result.nodeCpuUs} µs; ` +
        `evalsha ${result.redisUsPerCall ?? '-'} µs`,
    )
  }
  return merged
}
