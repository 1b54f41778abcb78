// Section 3: what the same client reaches with scripts that do (almost) nothing, at the same
// concurrency: `return 1`, and the bid script's Redis calls without its logic. Driven by
// ./compare.ts, side by side with the bids.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Redis } from 'ioredis'
import { lotKeys, saleKeys } from '../../src/main/engine'
import { functionLibrary } from '../../src/main/engine/functions'
import { saleIdOf } from '../../src/shared/domain'
import type { BenchContext } from '../lib/context'
import { createDraftSale, startSale } from '../lib/fixtures'
import type { Outcome } from '../lib/load'
import type { InterleavedRun } from './compare'

export type CeilingScript = 'returnOne' | 'sameCalls'
/** The rejected-cost section also takes `return 1` as an EVALSHA, the old engine's way. */
type CeilingCommand = CeilingScript | 'returnOneEvalsha'

export interface CeilingRun extends InterleavedRun {
  script: CeilingScript
}

const LUA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'lua')

type Command = (...args: string[]) => Promise<unknown>

/** A ceiling script as a Function, called as the engine calls its own (FCALL). */
async function asFunction(redis: Redis, file: string, keys: number): Promise<Command> {
  const library = functionLibrary(file.replace(/\W/g, '_'), {
    prelude: '',
    body: readFileSync(join(LUA_DIR, file), 'utf8'),
  })
  await redis.call('FUNCTION', 'LOAD', 'REPLACE', library.code)
  return (...args) => redis.call('FCALL', library.name, keys, ...args)
}

/** Registers the scripts on the client: as the engine runs its own (FCALL), and `return 1` by EVALSHA. */
async function register(redis: Redis): Promise<Record<CeilingCommand, Command>> {
  const commands = redis as unknown as Record<string, Command>
  redis.defineCommand('benchReturnOne', {
    lua: readFileSync(join(LUA_DIR, 'return_one.lua'), 'utf8'),
    numberOfKeys: 0,
  })
  return {
    returnOne: await asFunction(redis, 'return_one.lua', 0),
    sameCalls: await asFunction(redis, 'same_calls.lua', 2),
    returnOneEvalsha: (commands.benchReturnOne as Command).bind(redis),
  }
}

/** One call of each ceiling script, on the keys of a real lot (same client as the bids). */
export async function ceilingCallers(
  ctx: BenchContext,
): Promise<Record<CeilingCommand, () => Promise<Outcome>>> {
  const commands = await register(ctx.redis)
  const sale = await createDraftSale(ctx.engine, ctx.sizes.lotsPerSale, {}, 'Ceiling sale')
  await startSale(ctx.engine, sale.saleId)
  const lotId = sale.lotIds[0] as string
  const saleId = saleIdOf(lotId)
  const lot = lotKeys(lotId)
  const keys = saleKeys(saleId)
  let amount = 100
  return {
    returnOne: async () => {
      await commands.returnOne()
      return { ok: true }
    },
    returnOneEvalsha: async () => {
      await commands.returnOneEvalsha()
      return { ok: true }
    },
    sameCalls: async () => {
      amount++
      // The same keys and arguments a bid sends (requestId, bidder, decimal amount).
      await commands.sameCalls(
        lot.lot,
        keys.sale,
        'PUBLISH',
        lotId,
        randomUUID(),
        `bidder-${amount % 16}`,
        `d:${(amount / 100).toFixed(2)}`,
        '',
        'online',
        '',
      )
      return { ok: true }
    },
  }
}
