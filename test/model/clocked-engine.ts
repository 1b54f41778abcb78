// The engine the property test runs beside the model: the real scripts on a redis-server of
// its own, with one helper swapped. `now_ms` (lua/includes/nowMs.lua, the only place a script
// reads the clock) answers the model's time from a key instead of Redis TIME, so a scheduler
// pass, a soft close or a bid at the very end happens at a time the model chooses, and no
// outcome depends on the machine's speed. The engine tests cover the real clock.
// Its own server because a scheduler pass acts on every sale due in the store, and each run
// starts from an empty store. In the `cluster` project of the run it is a 3-master Redis
// Cluster of its own: the clock is then kept per hash tag (a script may only read keys of
// its own slot), written just before each script call.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis, isCluster, resolveLuaDir } from '../../src/main/engine'
import { SCRIPT_NAMES, scriptSources } from '../../src/main/engine/scripts'
import { startCluster } from '../support/redis-cluster'
import { startRedis } from '../support/redis-server'

const CLOCK_KEY = 'test:model:clock'

const TEST_CLOCK = `-- The property test's clock (test/model/clocked-engine.ts): the model's time, kept
-- under the hash tag of the script's first key (its slot).
local function now_ms()
  local tag = string.match(KEYS[1], '{([^}]+)}') or KEYS[1]
  return tonumber(redis.call('GET', '${CLOCK_KEY}{' .. tag .. '}'))
end
`

/** The clock key in the slot of a script whose first key is `firstKey` (Redis' hash tag rule). */
const clockKeyFor = (firstKey: string): string =>
  `${CLOCK_KEY}{${/\{([^}]+)\}/.exec(firstKey)?.[1] ?? firstKey}}`

/** Every .lua file under dir, relative to it. */
function luaFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? luaFiles(dir, join(under, entry.name))
      : entry.name.endsWith('.lua')
        ? [join(under, entry.name)]
        : [],
  )
}

/** A copy of lua/ whose now_ms reads CLOCK_KEY; refuses a layout where that is not enough. */
function clockedLuaDir(): string {
  const source = resolveLuaDir()
  const readers = luaFiles(source).filter((file) =>
    /['"]TIME['"]/.test(readFileSync(join(source, file), 'utf8')),
  )
  const helper = join(source, 'includes', 'nowMs.lua')
  if (
    readers.join() !== join('includes', 'nowMs.lua') ||
    !readFileSync(helper, 'utf8').includes('local function now_ms()')
  ) {
    throw new Error(
      `the property test swaps lua/includes/nowMs.lua (now_ms) for the model's clock, but ` +
        `the scripts read Redis TIME in: ${readers.join(', ') || 'no file'}`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'auction-model-lua-'))
  cpSync(source, dir, { recursive: true })
  writeFileSync(join(dir, 'includes', 'nowMs.lua'), TEST_CLOCK)
  return dir
}

export interface ClockedEngine {
  engine: AuctionEngine
  redis: RedisClient
  url: string
  /** Empties the store and sets the clock: each run starts alone at `now`. */
  reset(now: number): Promise<void>
  setClock(now: number): Promise<void>
  /** Called with a script's first key before the script runs (the event log subscribes). */
  beforeScript(listener: (firstKey: string) => Promise<void>): void
  close(): Promise<void>
}

export async function openClockedEngine(): Promise<ClockedEngine> {
  const lua = clockedLuaDir()
  const onCluster = inject('redisUrl').startsWith('redis+cluster:')
  const server = onCluster
    ? await startCluster({ extraArgs: ['--appendonly', 'no'] })
    : await startRedis({ extraArgs: ['--appendonly', 'no'] })
  const redis = await connectRedis({ url: server.url })
  const previous = process.env.AUCTION_LUA_DIR
  process.env.AUCTION_LUA_DIR = lua
  let engine: AuctionEngine
  try {
    engine = new AuctionEngine(redis)
  } finally {
    if (previous === undefined) delete process.env.AUCTION_LUA_DIR
    else process.env.AUCTION_LUA_DIR = previous
  }
  // The scripts are read once per process: make sure these are the clocked ones.
  if (!scriptSources().get('placeBid')?.lua.includes(CLOCK_KEY)) {
    throw new Error('the engine did not load the clocked scripts')
  }
  // Every script call first writes the clock into its slot, then runs.
  let clock = 0
  const listeners: ((firstKey: string) => Promise<void>)[] = []
  const commands = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  const beforeScript = (firstKey: string): Promise<unknown> =>
    Promise.all([
      redis.set(clockKeyFor(firstKey), String(clock)),
      ...listeners.map((listener) => listener(firstKey)),
    ])
  // The scripts by EVALSHA (the fallback) ...
  for (const name of SCRIPT_NAMES) {
    const script = commands[name]
    if (!script) throw new Error(`script ${name} is not registered`)
    commands[name] = async (...args: unknown[]) => {
      await beforeScript(String(args[0]))
      return script.apply(redis, args)
    }
  }
  // ... and as Functions: FCALL <function> <numkeys> <first key> …
  const call = redis.call.bind(redis) as (...args: unknown[]) => Promise<unknown>
  ;(redis as unknown as { call: typeof call }).call = async (...args: unknown[]) => {
    if (String(args[0]).toUpperCase() === 'FCALL' && Number(args[2]) > 0) {
      await beforeScript(String(args[3]))
    }
    return call(...args)
  }
  return {
    engine,
    redis,
    url: server.url,
    async reset(now) {
      const masters = isCluster(redis) ? redis.nodes('master') : [redis]
      await Promise.all(masters.map((node) => node.flushdb()))
      clock = now
    },
    async setClock(now) {
      clock = now
    },
    beforeScript(listener) {
      listeners.push(listener)
    },
    async close() {
      redis.disconnect()
      await server.stop()
      rmSync(lua, { recursive: true, force: true })
    },
  }
}
