// The least-privilege Redis user for consoles (docs/redis-acl.acl, shown in the README): the
// console's whole work runs through it (sales, lots, bids, a live sale, watches and presence,
// the scheduler closing a lot, the audit log) without one refusal in the server's ACL LOG; it
// cannot FLUSHALL, CONFIG or KEYS; and a user without the channel permission is named as such
// by "Test connection" and by the connection state.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiService } from '../../src/main/api'
import { createFileSecretBox } from '../../src/main/settings'
import type {
  CommandInput,
  CommandName,
  CommandResult,
  ConnectionStatus,
} from '../../src/shared/contract'
import { nodeCommand, startCluster } from '../support/redis-cluster'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { signInOrSetUp } from '../support/operators'
import { signIn, staff, tempDir } from './support'

const root = join(import.meta.dirname, '..', '..')
const ACL_LINE = readFileSync(join(root, 'docs', 'redis-acl.acl'), 'utf8').trim()
const PASSWORD = 'acl-Test-pw-31337'

let redis: RedisProcess
let admin: Redis
let user: string

beforeAll(async () => {
  redis = await startRedis()
  admin = new Redis({ port: redis.port })
  const [word, name, ...rules] = ACL_LINE.split(/\s+/)
  expect(word).toBe('user')
  user = name as string
  await admin.call(
    'ACL',
    'SETUSER',
    user,
    ...rules.map((rule) => (rule === '>CHANGE-ME' ? `>${PASSWORD}` : rule)),
  )
  await admin.call('ACL', 'LOG', 'RESET')
})
afterAll(async () => {
  admin.disconnect()
  await redis.stop()
})

function open(url: string) {
  const dataDir = tempDir('acl')
  const pushes: { name: string; payload: unknown }[] = []
  const service = createApiService({
    dataDir,
    secrets: createFileSecretBox(dataDir),
    redisUrl: url,
    redisServerBinary: null,
    log: () => undefined,
  })
  const session = service.openSession((name, payload) => pushes.push({ name, payload }))
  const call = async <N extends CommandName>(name: N, input: CommandInput<N>) => {
    const answer = (await service.call(session, name, input)) as CommandResult<N>
    if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`)
    return answer as Extract<CommandResult<N>, { ok: true }>
  }
  const close = async () => {
    await service.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { service, session, call, pushes, close }
}

const eventTypes = (pushes: { name: string; payload: unknown }[]): string[] =>
  pushes
    .filter((push) => push.name === 'sale:events')
    .flatMap((push) => (push.payload as { type: string }[]).map((event) => event.type))

describe('the Redis ACL for consoles', () => {
  it('is the one in the README, and grants no FLUSHALL, CONFIG or KEYS', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    expect(readme).toContain(ACL_LINE)
    expect(ACL_LINE).toMatch(/ -@all /)
    expect(ACL_LINE).not.toMatch(/\+@|\+flushall|\+flushdb|\+config|\+keys|\+acl|~\*|&\*/i)
  })

  it("runs the console's work without one refusal", async () => {
    const url = `redis://${user}:${PASSWORD}@127.0.0.1:${redis.port}`
    const console = open(url)
    try {
      const status = await console.service.settled()
      expect(status).toMatchObject({ state: 'live' })
      expect(status.problem).toBeUndefined()
      await signIn(console, staff(), `redis://127.0.0.1:${redis.port}`)

      // A timed sale: lots, start, a bid, presence, the scheduler closing a lot on time.
      const timed = await console.call('sales:create', {
        title: 'ACL timed sale',
        mode: 'timed',
        increment: '1.00',
        durationMs: 1500,
        closeIntervalSeconds: 0.5,
      })
      const saleId = timed.sale.id
      const first = await console.call('lots:add', {
        saleId,
        number: '1',
        title: 'Lot 1',
        startingPrice: '10.00',
      })
      await console.call('lots:add', { saleId, number: '2', title: 'Lot 2', startingPrice: '5.00' })
      await console.call('sales:watch', { saleId })
      await console.call('auctions:watch', { auctionId: first.lot.id, presence: true })
      await console.call('sales:start', { saleId })
      await console.call('bids:place', {
        auctionId: first.lot.id,
        bidderId: 'paddle-1',
        amount: '10.00',
        max: '20.00',
        requestId: 'acl-bid-1',
      })
      await console.call('bids:place', {
        auctionId: first.lot.id,
        bidderId: 'paddle-2',
        amount: '12.00',
        requestId: 'acl-bid-2',
      })
      await console.call('bids:history', { auctionId: first.lot.id })
      await console.call('sales:list', {})
      await console.call('auctions:list', {})
      // The scheduler (in the service) closes the lots on time.
      await expect
        .poll(async () => (await console.call('sales:get', { saleId })).sale.status, {
          timeout: 15_000,
        })
        .toBe('closed')
      expect(console.pushes.some((push) => push.name === 'auction:viewers')).toBe(true)

      // A live sale: offer, a floor bid, hammer, the audit log.
      const live = await console.call('sales:create', {
        title: 'ACL live sale',
        mode: 'live',
        increment: '1.00',
      })
      const lot = await console.call('lots:add', {
        saleId: live.sale.id,
        number: '7',
        title: 'Lot 7',
        startingPrice: '100.00',
      })
      // The register: a limit turns on the paddle checks the hammer then makes.
      await console.call('register:add', {
        saleId: live.sale.id,
        paddle: '42',
        name: 'Paddle 42',
        approved: true,
        limit: '10000.00',
      })
      await console.call('register:import', {
        saleId: live.sale.id,
        entries: [{ paddle: '43', name: 'Paddle 43' }],
      })
      await console.call('register:approve', { saleId: live.sale.id, paddle: '43' })
      await console.call('register:list', { saleId: live.sale.id })
      await console.call('sales:watch', { saleId: live.sale.id })
      await console.call('sales:start', { saleId: live.sale.id })
      await console.call('lots:offer', { saleId: live.sale.id })
      await console.call('lots:floor', { lotId: lot.lot.id, requestId: 'acl-floor-1' })
      await console.call('lots:warn', { lotId: lot.lot.id })
      await console.call('lots:hammer', { lotId: lot.lot.id, paddle: '42' })
      await console.call('sales:end', { saleId: live.sale.id })
      await console.call('sales:log', { saleId: live.sale.id })
      await console.call('sales:verifyLog', { saleId: live.sale.id })
      await expect.poll(() => eventTypes(console.pushes).length).toBeGreaterThan(5)

      const denied = (await admin.call('ACL', 'LOG')) as unknown[]
      expect(denied, JSON.stringify(denied)).toEqual([])
      expect(console.service.status().problem).toBeUndefined()
    } finally {
      await console.close()
    }
  })

  it('is enough on a Redis Cluster, with replicated durability (CLUSTER SLOTS|INFO, WAIT)', async () => {
    const cluster = await startCluster()
    const saved = { ...process.env }
    try {
      const [, name, ...rules] = ACL_LINE.split(/\s+/)
      for (const { port } of cluster.nodes) {
        await nodeCommand(
          port,
          'ACL',
          'SETUSER',
          name as string,
          ...rules.map((rule) => (rule === '>CHANGE-ME' ? `>${PASSWORD}` : rule)),
        )
        await nodeCommand(port, 'ACL', 'LOG', 'RESET')
      }
      const url = cluster.url.replace('://', `://${user}:${PASSWORD}@`)
      // No replica in this cluster: each change answers NOT_REPLICATED after its WAIT.
      process.env.REDIS_DURABILITY = 'replicated'
      process.env.REDIS_REPLICATION_TIMEOUT_MS = '20'
      const console = open(url)
      try {
        const test = await console.service.call(console.session, 'settings:test', { url })
        expect(test).toMatchObject({ ok: true, topology: 'cluster', shardedPubSub: true })
        const status = await console.service.settled()
        expect(status).toMatchObject({ state: 'live' })
        expect(status.problem).toBeUndefined()
        await signInOrSetUp(console, staff())
        const created = await console.service.call(console.session, 'sales:create', {
          title: 'ACL cluster sale',
          mode: 'live',
          increment: '1.00',
        })
        expect(created.ok || created.error.code).toBe('NOT_REPLICATED')
      } finally {
        await console.close()
      }
      for (const { port } of cluster.nodes) {
        const denied = (await nodeCommand(port, 'ACL', 'LOG')) as unknown[]
        expect(denied, JSON.stringify(denied)).toEqual([])
      }
    } finally {
      process.env = saved
      await cluster.stop()
    }
  })

  it('lets Test connection promise Functions, and EVALSHA for a user without them', async () => {
    const [, , ...rules] = ACL_LINE.split(/\s+/)
    const tester = open('')
    const testAs = (username: string) =>
      tester.service.call(tester.session, 'settings:test', {
        url: `redis://127.0.0.1:${redis.port}`,
        username,
        password: PASSWORD,
      })
    try {
      expect(await testAs(user)).toMatchObject({ ok: true, scripts: 'functions' })
      for (const dropped of ['+fcall', '+function|load']) {
        const without = `${user}-without-${dropped.slice(1).replace('|', '-')}`
        await admin.call(
          'ACL',
          'SETUSER',
          without,
          ...rules
            .filter((rule) => rule !== dropped)
            .map((rule) => (rule === '>CHANGE-ME' ? `>${PASSWORD}` : rule)),
        )
        // Not a missing permission: the engine runs the same code by EVALSHA.
        expect(await testAs(without), dropped).toMatchObject({ ok: true, scripts: 'evalsha' })
        await admin.call('ACL', 'DELUSER', without)
      }
    } finally {
      await tester.close()
    }
  })

  it('refuses FLUSHALL, CONFIG GET and KEYS', async () => {
    const client = new Redis({ port: redis.port, username: user, password: PASSWORD })
    try {
      await expect(client.flushall()).rejects.toThrow(/NOPERM/)
      await expect(client.call('CONFIG', 'GET', 'requirepass')).rejects.toThrow(/NOPERM/)
      await expect(client.keys('*')).rejects.toThrow(/NOPERM/)
      await expect(client.call('ACL', 'LIST')).rejects.toThrow(/NOPERM/)
    } finally {
      client.disconnect()
    }
  })

  it('names a missing channel permission, in Test connection and in the state', async () => {
    const partial = `${user}-no-channels`
    const [, , ...rules] = ACL_LINE.split(/\s+/)
    await admin.call(
      'ACL',
      'SETUSER',
      partial,
      ...rules
        .filter((rule) => !rule.startsWith('&'))
        .map((rule) => (rule === '>CHANGE-ME' ? `>${PASSWORD}` : rule)),
    )
    const url = `redis://127.0.0.1:${redis.port}`
    const testAs = async (target: string, name: string): Promise<string | undefined> => {
      const again = open('')
      try {
        const answer = await again.service.call(again.session, 'settings:test', {
          url: target,
          username: name,
          password: PASSWORD,
        })
        return answer.ok ? undefined : `${answer.error.code}: ${answer.error.message}`
      } finally {
        await again.close()
      }
    }
    const tester = open('')
    try {
      const test = await tester.service.call(tester.session, 'settings:test', {
        url,
        username: partial,
        password: PASSWORD,
      })
      expect(test.ok).toBe(false)
      const error = !test.ok ? test.error : undefined
      expect(error?.code).toBe('REDIS_NO_PERMISSION')
      expect(error?.message).toMatch(/cannot PUBLISH on sale:\{\*\}:events/)
      expect(JSON.stringify(test)).not.toContain(PASSWORD)
    } finally {
      await tester.close()
    }

    const limited = open(`redis://${partial}:${PASSWORD}@127.0.0.1:${redis.port}`)
    try {
      await expect
        .poll(() => limited.service.status().problem?.code, { timeout: 10_000 })
        .toBe('REDIS_NO_PERMISSION')
      const state: ConnectionStatus = limited.service.status()
      expect(state.problem?.message).toMatch(/PUBLISH on sale:\{\*\}:events/)
    } finally {
      await limited.close()
    }
    // Each channel is named on its own.
    await admin.call('ACL', 'SETUSER', partial, '&sale:{*}:events', '&sales:events')
    const lists = await testAs(url, partial)
    expect(lists).toMatch(/cannot PUBLISH on auctions:events/)

    await admin.call('ACL', 'DELUSER', partial)
  })
})
