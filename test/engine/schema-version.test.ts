// The store carries the version of its data layout. An empty store is claimed for ours; a
// store of another layout (the first one, recognised by its keys, or any other version) is
// refused on every call with both versions named, and nothing is written to it.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import {
  AuctionEngine,
  Scheduler,
  SCHEMA_KEY,
  SCHEMA_VERSION,
  connectRedis,
} from '../../src/main/engine'
import type { Failure } from '../../src/shared/errors'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { staff } from './fixtures'

let server: RedisProcess
const clients: RedisClient[] = []
beforeAll(async () => {
  server = await startRedis()
})
afterAll(async () => {
  for (const client of clients) client.disconnect()
  await server.stop()
})

/** Each test gets a database of its own on the private server. */
let nextDb = 0
async function database(): Promise<{ redis: RedisClient; db: number }> {
  const db = nextDb++
  const redis = await connectRedis({ url: server.url, database: db })
  clients.push(redis)
  return { redis, db }
}

/** Every key with its serialized value: equal snapshots mean nothing was written. */
async function contents(redis: RedisClient): Promise<Record<string, string>> {
  const keys = (await redis.keys('*')).sort()
  const dumps = await Promise.all(keys.map((key) => redis.dumpBuffer(key)))
  return Object.fromEntries(keys.map((key, i) => [key, dumps[i]?.toString('base64') ?? '']))
}

/** One call of every kind the engine offers, each on ids that would exist in our layout. */
const everyCall = (engine: AuctionEngine) => {
  const clerk = staff()
  const lot = { number: '1', title: 'Lot', startingPrice: '1.00', increment: '1.00' }
  return {
    createSale: () => engine.createSale({ title: 'S', mode: 'live', requestId: 'r-1' }, clerk),
    getSale: () => engine.getSale('A1'),
    listSales: () => engine.listSales({}),
    listLots: () => engine.listLots('A1'),
    startSale: () => engine.startSale('A1', clerk),
    endSale: () => engine.endSale('A1', clerk),
    cancelSale: () => engine.cancelSale('A1', clerk),
    addLot: () => engine.addLot('A1', { ...lot, requestId: 'r-2' }, clerk),
    importLots: () => engine.importLots('A1', [{ line: 2, input: lot }], clerk, 'r-3'),
    updateLot: () => engine.updateLot('A1.1', { title: 'x' }, clerk),
    removeLot: () => engine.removeLot('A1.1', clerk),
    createAuction: () =>
      engine.createAuction({
        title: 'A',
        sellerId: 's-1',
        startingPrice: '1.00',
        increment: '1.00',
        durationMs: 60_000,
        start: true,
      }),
    startAuction: () => engine.startAuction('A1', clerk),
    endAuction: () => engine.endAuction('A1', clerk),
    cancelAuction: () => engine.cancelAuction('A1', clerk),
    getAuction: () => engine.getAuction('A1'),
    listAuctions: () => engine.listAuctions({ status: 'active' }),
    placeBid: () => engine.placeBid({ auctionId: 'A1', bidderId: 'p-1', amount: '2.00' }),
    history: () => engine.history('A1'),
  }
}

const mismatch = (found: string) =>
  new RegExp(`layout version ${found}\\b.*layout version ${SCHEMA_VERSION}\\b`)

/** A store of the first layout: single auctions with their due indices, no version. */
async function firstLayout(redis: RedisClient, markers: string[]): Promise<void> {
  await redis.hset('auction:A1', { id: 'A1', status: 'active', currentPrice: '100' })
  for (const marker of markers) await redis.zadd(marker, 1_700_000_000_000, 'A1')
}

describe('schema version', () => {
  it('an empty store gets the current version; a store of this version is used', async () => {
    const { redis } = await database()
    expect(await redis.dbsize()).toBe(0)
    const engine = new AuctionEngine(redis)
    expect(await engine.listSales({})).toEqual({ ok: true, sales: [] })
    expect(await redis.get(SCHEMA_KEY)).toBe(String(SCHEMA_VERSION))
    // A second engine (another console) finds the version and works on.
    const created = await new AuctionEngine(redis).createSale({ title: 'S', mode: 'live' }, staff())
    expect(created.ok).toBe(true)
  })

  it.each([
    ['auctions:ending and auctions:starting', ['auctions:ending', 'auctions:starting']],
    ['auctions:ending alone', ['auctions:ending']],
    ['auctions:starting alone', ['auctions:starting']],
  ])('refuses a first-layout store (%s) on every call; writes nothing', async (_name, markers) => {
    const { redis } = await database()
    await firstLayout(redis, markers)
    await expectRefusedEverywhere(redis, '1')
  })

  it('refuses a store of another version (99) on every call; writes nothing', async () => {
    const { redis } = await database()
    await redis.set(SCHEMA_KEY, '99')
    await redis.hset('sale:{A1}', { id: 'A1', status: 'open' })
    await expectRefusedEverywhere(redis, '99')
  })

  it('the CLI prints the SCHEMA_MISMATCH answer and exits 1', async () => {
    const { redis, db } = await database()
    await firstLayout(redis, ['auctions:ending'])
    const before = await contents(redis)
    for (const args of [
      ['auction', 'show', 'A1'],
      ['sale', 'list'],
      ['sale', 'create', '--title', 'S', '--mode', 'live', '--staff'],
      // A scheduler would retry forever: it refuses the store and exits instead.
      ['scheduler'],
    ]) {
      const run = await cli(args, `${server.url}/${db}`)
      const answer = JSON.parse(run.stdout) as Failure
      expect(answer, args.join(' ')).toMatchObject({
        ok: false,
        error: { code: 'SCHEMA_MISMATCH', message: expect.stringMatching(mismatch('1')) },
      })
      // Not a verdict on the command but on the store, like REDIS_UNAVAILABLE: exit 1.
      expect(run.code, `exit code of ${args.join(' ')}`).toBe(1)
    }
    expect(await contents(redis)).toEqual(before)
  })
})

async function expectRefusedEverywhere(redis: RedisClient, found: string): Promise<void> {
  const before = await contents(redis)
  const engine = new AuctionEngine(redis)
  for (const [name, call] of Object.entries(everyCall(engine))) {
    const answer = await call()
    expect(answer, name).toEqual({
      ok: false,
      error: { code: 'SCHEMA_MISMATCH', message: expect.stringMatching(mismatch(found)) },
    })
  }
  // The scheduler's half refuses too, and a running scheduler reports it instead of acting.
  await expect(engine.tickDue()).rejects.toThrow(mismatch(found))
  await expect(engine.sweepRegistries()).rejects.toThrow(mismatch(found))
  const errors: unknown[] = []
  const scheduler = new Scheduler(engine, { onError: (error) => errors.push(error) })
  scheduler.start()
  try {
    await expect.poll(() => errors.length).toBeGreaterThan(0)
  } finally {
    await scheduler.stop()
  }
  expect(String(errors[0])).toMatch(mismatch(found))
  expect(await contents(redis)).toEqual(before)
}

/** The CLI as a user runs it (see test/cli/support.ts), on the given Redis URL. */
function cli(args: string[], url: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
      env: { ...process.env, REDIS_URL: url },
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout }))
  })
}
