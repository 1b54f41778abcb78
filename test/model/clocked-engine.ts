// The engine the property test runs beside the model: the real scripts on a redis-server of
// its own, with one helper swapped. `now_ms` (lua/includes/nowMs.lua, the only place a script
// reads the clock) answers the model's time from a key instead of Redis TIME, so a scheduler
// pass, a soft close or a bid at the very end happens at a time the model chooses, and no
// outcome depends on the machine's speed. The engine tests cover the real clock.
// Its own server because a scheduler pass acts on every sale due in the store, and each run
// starts from an empty store.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis, resolveLuaDir } from '../../src/main/engine'
import { scriptSources } from '../../src/main/engine/scripts'
import { startRedis } from '../support/redis-server'

const CLOCK_KEY = 'test:model:clock'

const TEST_CLOCK = `-- The property test's clock (test/model/clocked-engine.ts): the model's time.
local function now_ms()
  return tonumber(redis.call('GET', '${CLOCK_KEY}'))
end
`

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
  close(): Promise<void>
}

export async function openClockedEngine(): Promise<ClockedEngine> {
  const lua = clockedLuaDir()
  const server = await startRedis({ extraArgs: ['--appendonly', 'no'] })
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
  return {
    engine,
    redis,
    url: server.url,
    async reset(now) {
      await redis.flushdb()
      await redis.set(CLOCK_KEY, String(now))
    },
    async setClock(now) {
      await redis.set(CLOCK_KEY, String(now))
    },
    async close() {
      redis.disconnect()
      await server.stop()
      rmSync(lua, { recursive: true, force: true })
    },
  }
}
