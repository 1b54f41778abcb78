// The scripts run as Redis Functions (one library per script, loaded on first use) where the
// server and the user allow it, and by EVALSHA of the same code where they do not; a library
// gone from the server (FUNCTION FLUSH, a restart without persistence) is loaded again by the
// call that finds it missing, and that call still lands exactly once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuctionEngine, connectRedisServer } from '../../src/main/engine'
import { functionLibrary } from '../../src/main/engine/functions'
import { SCRIPT_NAMES, scriptSources, splitIncludes } from '../../src/main/engine/scripts'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { accepted, bidderId, liveAuction } from './fixtures'

let server: RedisProcess
let admin: Redis

beforeAll(async () => {
  server = await startRedis()
  admin = new Redis({ port: server.port })
})
afterAll(async () => {
  admin.disconnect()
  await server.stop()
})

/** The auction libraries on the server, by name. */
async function libraries(): Promise<string[]> {
  const list = (await admin.call('FUNCTION', 'LIST', 'LIBRARYNAME', 'auction_*')) as unknown[][]
  return list.map((entry) => String(entry[entry.indexOf('library_name') + 1]))
}

/** Calls of each way to run a script since the last CONFIG RESETSTAT. */
async function scriptCalls(): Promise<{ fcall: number; evalsha: number }> {
  const stats = await admin.info('commandstats')
  const calls = (name: string): number =>
    Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0)
  // A script's first call on a server is an EVAL (ioredis, after NOSCRIPT): it counts too.
  return { fcall: calls('fcall'), evalsha: calls('evalsha') + calls('eval') }
}

async function bidTwice(engine: AuctionEngine): Promise<void> {
  const lot = await liveAuction(engine)
  const bid = { auctionId: lot.id, bidderId: bidderId(), amount: 1000, requestId: 'first' }
  accepted(await engine.placeBid(bid))
  accepted(await engine.placeBid({ ...bid, bidderId: bidderId(), amount: 1100, requestId: '2' }))
}

describe('scripts as Redis Functions', () => {
  it('loads one library per script on first use, and every call is an FCALL', async () => {
    await admin.call('FUNCTION', 'FLUSH')
    await admin.config('RESETSTAT')
    const redis = await connectRedisServer({ url: server.url })
    try {
      await bidTwice(new AuctionEngine(redis))
      const loaded = await libraries()
      expect(loaded).toHaveLength(SCRIPT_NAMES.length)
      for (const name of SCRIPT_NAMES) {
        expect(loaded.filter((library) => library.startsWith(`auction_${name}_`))).toHaveLength(1)
      }
      const calls = await scriptCalls()
      // create, and two bids (a create is one script call, start included).
      expect(calls.fcall).toBeGreaterThanOrEqual(3)
      expect(calls.evalsha).toBe(0)
    } finally {
      redis.disconnect()
    }
  })

  it('loads the libraries again when they are gone, and the call lands once', async () => {
    const redis = await connectRedisServer({ url: server.url })
    try {
      const engine = new AuctionEngine(redis)
      const lot = await liveAuction(engine)
      // As after a restart without persistence: the server has none of the functions.
      await admin.call('FUNCTION', 'FLUSH')
      const bid = { auctionId: lot.id, bidderId: bidderId(), amount: 1000, requestId: 'r-1' }
      const first = accepted(await engine.placeBid(bid))
      expect(first.duplicate).toBe(false)
      expect(await libraries()).toHaveLength(SCRIPT_NAMES.length)
      const again = accepted(await engine.placeBid(bid))
      expect(again.duplicate).toBe(true)
      const history = await engine.history(lot.id)
      if (!history.ok) throw new Error(JSON.stringify(history.error))
      expect(history.bids.map((entry) => entry.amount)).toEqual([1000])
    } finally {
      redis.disconnect()
    }
  })

  it.each([
    { refused: '-function', may: 'may not load functions', loads: false },
    { refused: '-fcall', may: 'may load functions but not call them', loads: true },
  ])('runs by EVALSHA where the user $may, with the same answers', async (acl) => {
    const user = `acl${acl.refused}`
    await admin.call('ACL', 'SETUSER', user, 'on', '>pw-acl', '~*', '&*', '+@all', acl.refused)
    await admin.call('FUNCTION', 'FLUSH')
    await admin.config('RESETSTAT')
    const redis = await connectRedisServer({
      url: `redis://${user}:pw-acl@127.0.0.1:${server.port}`,
    })
    try {
      await bidTwice(new AuctionEngine(redis))
      expect(await libraries()).toHaveLength(acl.loads ? SCRIPT_NAMES.length : 0)
      const calls = await scriptCalls()
      expect(calls.fcall).toBe(0)
      expect(calls.evalsha).toBeGreaterThanOrEqual(3)
    } finally {
      redis.disconnect()
      await admin.call('ACL', 'DELUSER', user)
    }
  })

  it('runs by EVALSHA only when asked to (runner: evalsha)', async () => {
    await admin.call('FUNCTION', 'FLUSH')
    await admin.config('RESETSTAT')
    const redis = await connectRedisServer({ url: server.url })
    try {
      await bidTwice(new AuctionEngine(redis, { runner: 'evalsha' }))
      expect(await libraries()).toEqual([])
      expect((await scriptCalls()).fcall).toBe(0)
    } finally {
      redis.disconnect()
    }
  })

  it('names a library by its code: another version loads beside it, not over it', async () => {
    const source = scriptSources().get('placeBid')
    if (!source) throw new Error('no placeBid source')
    const today = functionLibrary('placeBid', source)
    const other = functionLibrary('placeBid', { ...source, body: `${source.body}\n-- another` })
    expect(other.name).not.toBe(today.name)
    expect(functionLibrary('placeBid', source)).toEqual(today)
    await admin.call('FUNCTION', 'FLUSH')
    await admin.call('FUNCTION', 'LOAD', today.code)
    await admin.call('FUNCTION', 'LOAD', other.code)
    expect((await libraries()).sort()).toEqual([today.name, other.name].sort())
  })
})

describe('splitIncludes', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'split-'))
    writeFileSync(join(dir, 'a.lua'), 'local function a() return 1 end')
    writeFileSync(join(dir, 'b.lua'), '--- @include "a"\nlocal function b() return a() end')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('puts the helpers, each once, before the code, and keeps the code apart', () => {
    writeFileSync(join(dir, 'ok-1.lua'), '--- @include "b"\n--- @include "a"\n-- why\nreturn b()')
    const { prelude, body } = splitIncludes(join(dir, 'ok-1.lua'))
    expect(prelude.match(/local function a/g)).toHaveLength(1)
    expect(prelude.indexOf('function a')).toBeLessThan(prelude.indexOf('function b'))
    expect(body).toBe('-- why\nreturn b()')
  })

  it('refuses an include after code (the helpers are defined before the code runs)', () => {
    writeFileSync(join(dir, 'late-1.lua'), 'local x = 1\n--- @include "a"\nreturn a()')
    expect(() => splitIncludes(join(dir, 'late-1.lua'))).toThrow(/include after code/)
  })
})
