// Section 2: what the same client reaches with scripts that do (almost) nothing, at the same
// concurrency: `return 1`, and the bid script's Redis calls without its logic.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Redis } from 'ioredis'
import { auctionKeys } from '../../src/main/engine'
import type { BenchContext } from '../lib/context'
import { createAuctions } from '../lib/fixtures'
import { runClosedLoop, type LoadResult } from '../lib/load'

export type CeilingScript = 'returnOne' | 'sameCalls'

export interface CeilingRun extends LoadResult {
  script: CeilingScript
}

const LUA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'lua')

type Command = (...args: string[]) => Promise<unknown>

/** Registers the two scripts on the client (EVALSHA, like the engine's own scripts). */
function register(redis: Redis): Record<CeilingScript, Command> {
  const commands = redis as unknown as Record<string, Command>
  redis.defineCommand('benchReturnOne', {
    lua: readFileSync(join(LUA_DIR, 'return_one.lua'), 'utf8'),
    numberOfKeys: 0,
  })
  redis.defineCommand('benchSameCalls', {
    lua: readFileSync(join(LUA_DIR, 'same_calls.lua'), 'utf8'),
    numberOfKeys: 3,
  })
  return {
    returnOne: (commands.benchReturnOne as Command).bind(redis),
    sameCalls: (commands.benchSameCalls as Command).bind(redis),
  }
}

export async function ceiling(
  ctx: BenchContext,
  script: CeilingScript,
  concurrency: number,
): Promise<CeilingRun> {
  const commands = register(ctx.redis)
  const [auctionId] = (await createAuctions(ctx.engine, 1)) as [string]
  const keys = auctionKeys(auctionId)
  let amount = 100
  const call =
    script === 'returnOne'
      ? () => commands.returnOne()
      : () => {
          amount++
          // The same keys and arguments a bid sends (requestId, bidder, decimal amount).
          return commands.sameCalls(
            keys.auction,
            keys.bids,
            keys.requests,
            'PUBLISH',
            auctionId,
            randomUUID(),
            `bidder-${amount % 16}`,
            `d:${(amount / 100).toFixed(2)}`,
            '',
            'online',
          )
        }
  const result = await runClosedLoop({
    concurrency,
    warmupMs: ctx.sizes.warmupMs,
    durationMs: ctx.sizes.throughputMs,
    call: async () => {
      await call()
      return { ok: true }
    },
  })
  ctx.log(
    `ceiling ${script} c=${concurrency}: ${result.callsPerSec}/s, ` +
      `p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms`,
  )
  return { ...result, script }
}
