// What else was going on during a section, to tell a slow engine from a busy machine: this
// process's event-loop stalls, Redis forks and delayed AOF fsyncs, and the load average.
import { loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Redis } from 'ioredis'

export interface SectionDiagnostics {
  section: string
  seconds: number
  /** Longest this process's event loop was blocked or descheduled (ms). */
  eventLoopDelayMaxMs: number
  eventLoopDelayP99Ms: number
  /** Redis writes that waited for a slow fsync of the append-only file. */
  aofDelayedFsync: number
  /** Forks of the Redis server (AOF rewrites). */
  redisForks: number
  load1m: number
}

const stat = (info: string, field: string): number =>
  Number(new RegExp(`${field}:(\\d+)`).exec(info)?.[1] ?? 0)

async function redisCounters(redis: Redis): Promise<{ delayed: number; forks: number }> {
  const info = await redis.info()
  return { delayed: stat(info, 'aof_delayed_fsync'), forks: stat(info, 'total_forks') }
}

export async function diagnose<T>(
  redis: Redis,
  section: string,
  work: () => Promise<T>,
): Promise<{ result: T; diagnostics: SectionDiagnostics }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  const before = await redisCounters(redis)
  const started = Date.now()
  histogram.enable()
  try {
    const result = await work()
    histogram.disable()
    const after = await redisCounters(redis)
    return {
      result,
      diagnostics: {
        section,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        eventLoopDelayMaxMs: Math.round(histogram.max / 1e5) / 10,
        eventLoopDelayP99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
        aofDelayedFsync: after.delayed - before.delayed,
        redisForks: after.forks - before.forks,
        load1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      },
    }
  } finally {
    histogram.disable()
  }
}
