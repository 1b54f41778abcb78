// Redis's own time per script call: the `cmdstat_fcall` and `cmdstat_evalsha` lines of INFO
// commandstats (calls, usec), i.e. the time Redis spent inside each FCALL (the engine's
// scripts, as Functions) and EVALSHA (the old engine, the ceilings, the EVALSHA fallback), its
// redis.call()s included, without the network or either client. A slice runs one contender,
// so the two add up to that contender's. Its usec_per_call over one slice is taken as the difference
// of two readings, which equals a reading after CONFIG RESETSTAT: a reset would also zero
// total_forks and aof_delayed_fsync, which the diagnostics table counts over a whole section.
import type { Redis } from 'ioredis'
import { round } from './stats'

export interface ScriptTime {
  calls: number
  usec: number
}

export const NO_TIME: ScriptTime = { calls: 0, usec: 0 }

export async function scriptTime(redis: Redis): Promise<ScriptTime> {
  const info = await redis.info('commandstats')
  const time = { ...NO_TIME }
  for (const line of info.matchAll(/cmdstat_(?:evalsha|fcall):calls=(\d+),usec=(\d+)/g)) {
    time.calls += Number(line[1])
    time.usec += Number(line[2])
  }
  return time
}

/** `total` plus what Redis spent between two readings. */
export const addSince = (total: ScriptTime, after: ScriptTime, before: ScriptTime): ScriptTime => ({
  calls: total.calls + after.calls - before.calls,
  usec: total.usec + after.usec - before.usec,
})

/** usec_per_call, to 0.01 µs; 0 when there were no calls. */
export const usPerCall = (time: ScriptTime): number =>
  time.calls > 0 ? round(time.usec / time.calls, 2) : 0

/** Runs `work`; answers Redis µs per script call (FCALL or EVALSHA) during it. */
export async function scriptUsDuring(redis: Redis, work: () => Promise<unknown>): Promise<number> {
  const before = await scriptTime(redis)
  await work()
  return usPerCall(addSince(NO_TIME, await scriptTime(redis), before))
}
