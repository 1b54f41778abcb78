// The machine a run happened on, for BENCHMARKS.md and the JSON.
import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import type { Redis } from 'ioredis'

export interface Machine {
  cpus: number
  cpuModel: string
  ramGiB: number
  node: string
  redis: string
  /** 1-minute load average when the run started and ended: above the core count = busy. */
  loadStart: number
  loadEnd?: number
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) return line.split(':')[1]?.trim() ?? 'unknown'
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown'
}

export async function describeMachine(redis: Redis): Promise<Machine> {
  const info = await redis.info('server')
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    loadStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}

export const loadNow = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100
