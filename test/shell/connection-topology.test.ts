// "Test connection" for the three URL forms, against real deployments: one server, a
// 3-master Redis Cluster and a Sentinel group (primary, replica, 3 sentinels). It names the
// topology, every node with its role and version, and sharded pub/sub. Settings keep a
// Sentinel URL without its credentials and keep the durability; a URL the parser refuses
// is INVALID_INPUT on the url field.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiService } from '../../src/main/api'
import { createFileSecretBox, SETTINGS_FILE, SettingsStore } from '../../src/main/settings'
import type { CommandInput, CommandName, CommandResult } from '../../src/shared/contract'
import { nodeCommand, startCluster, type RedisCluster } from '../support/redis-cluster'
import { startSentinelGroup, type SentinelGroup } from '../support/redis-sentinel'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { tempDir } from './support'

const USER = 'console'
const PASSWORD = 'topology-Pw-2718'

let single: RedisProcess
let cluster: RedisCluster
let sentinel: SentinelGroup
let dataDir: string
let service: ReturnType<typeof createApiService>
let call: <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>

beforeAll(async () => {
  ;[single, cluster, sentinel] = await Promise.all([
    startRedis(),
    startCluster(),
    startSentinelGroup(),
  ])
  // The data nodes know the console's user; the sentinels do not (their default user is open).
  for (const port of [sentinel.primary.port, sentinel.replica.port]) {
    await nodeCommand(port, 'ACL', 'SETUSER', USER, 'on', `>${PASSWORD}`, '~*', '&*', '+@all')
  }
  dataDir = tempDir('topology')
  service = createApiService({
    dataDir,
    secrets: createFileSecretBox(dataDir),
    redisUrl: '',
    redisServerBinary: null,
    log: () => undefined,
  })
  const session = service.openSession(() => undefined)
  call = (name, input) => service.call(session, name, input) as never
}, 60_000)

afterAll(async () => {
  await service?.close()
  await Promise.all([single?.stop(), cluster?.stop(), sentinel?.stop()])
  rmSync(dataDir, { recursive: true, force: true })
})

const ok = <T extends { ok: boolean }>(answer: T): Extract<T, { ok: true }> => {
  if (!answer.ok) throw new Error(JSON.stringify(answer))
  return answer as Extract<T, { ok: true }>
}

describe('Test connection', () => {
  it('one server: its version, role primary, sharded pub/sub from 7.0', async () => {
    const found = ok(await call('settings:test', { url: `redis://127.0.0.1:${single.port}` }))
    expect(found).toMatchObject({ topology: 'single', shardedPubSub: true, scripts: 'functions' })
    expect(found.latencyMs).toBeGreaterThanOrEqual(0)
    expect(found.serverVersion).toMatch(/^7\./)
    expect(found.nodes).toEqual([
      {
        address: `127.0.0.1:${single.port}`,
        role: 'primary',
        version: found.serverVersion,
        reachable: true,
      },
    ])
    expect(found.masterName).toBeUndefined()
  })

  it('a cluster: every node, all primaries, sharded pub/sub', async () => {
    const found = ok(await call('settings:test', { url: cluster.url }))
    expect(found).toMatchObject({ topology: 'cluster', shardedPubSub: true, scripts: 'functions' })
    expect(found.serverVersion).toMatch(/^7\./)
    expect(found.nodes.map((node) => node.address).sort()).toEqual(
      cluster.nodes.map((node) => `127.0.0.1:${node.port}`).sort(),
    )
    for (const node of found.nodes) {
      expect(node).toMatchObject({ role: 'primary', reachable: true })
      expect(node.version).toMatch(/^7\./)
    }
  })

  it('a Sentinel group: the primary, its replica and each sentinel; no password to them', async () => {
    const url = sentinel.url.replace('://', `://${USER}:${PASSWORD}@`)
    const found = ok(await call('settings:test', { url }))
    expect(found).toMatchObject({
      topology: 'sentinel',
      masterName: sentinel.masterName,
      shardedPubSub: true,
      scripts: 'functions',
    })
    expect(JSON.stringify(found)).not.toContain(PASSWORD)
    const byRole = (role: string) =>
      found.nodes.filter((node) => node.role === role).map((node) => node.address)
    expect(byRole('primary')).toEqual([`127.0.0.1:${sentinel.primary.port}`])
    expect(byRole('replica')).toEqual([`127.0.0.1:${sentinel.replica.port}`])
    expect(byRole('sentinel').sort()).toEqual(
      sentinel.sentinelPorts.map((port) => `127.0.0.1:${port}`).sort(),
    )
    // A sentinel would refuse the data nodes' user (WRONGPASS): reachable means none was sent.
    for (const node of found.nodes) {
      expect(node).toMatchObject({ reachable: true })
      expect(node.version).toMatch(/^7\./)
    }
  })

  it('answers INVALID_INPUT on url for a URL the parser refuses', async () => {
    for (const url of ['redis+cluster://', 'redis+sentinel://h:1', 'redis://a:1,b:2']) {
      for (const name of ['settings:test', 'settings:save'] as const) {
        const answer = await call(name, { url })
        expect(answer.ok, `${name} ${url}`).toBe(false)
        expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field: 'url' })
      }
    }
    const noMaster = await call('settings:test', { url: 'redis+sentinel://h:1' })
    expect(!noMaster.ok && noMaster.error.message).toMatch(/master name/)
  })
})

describe('settings with a Sentinel URL', () => {
  it('moves user:pass out of the URL and keeps the durability', async () => {
    const hosts = sentinel.sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')
    const saved = await call('settings:save', {
      url: `redis+sentinel://${USER}:${PASSWORD}@${hosts}/${sentinel.masterName}`,
      durability: 'replicated',
    })
    expect(ok(saved).state).toBe('live')
    expect(JSON.stringify(saved)).not.toContain(PASSWORD)
    const file = readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')
    expect(file).not.toContain(PASSWORD)
    expect(JSON.parse(file).redis).toMatchObject({
      url: `redis+sentinel://${hosts}/${sentinel.masterName}`,
      username: USER,
      durability: 'replicated',
    })
    const got = ok(await call('settings:get', {}))
    expect(got.settings).toMatchObject({
      url: `redis+sentinel://${hosts}/${sentinel.masterName}`,
      username: USER,
      hasPassword: true,
      durability: 'replicated',
    })
    expect(JSON.stringify(got)).not.toContain(PASSWORD)
    // The stored password is kept for the same group: Test connection with it works.
    const again = ok(await call('settings:test', { url: got.settings.url, username: USER }))
    expect(again.topology).toBe('sentinel')
  })

  it('reads a settings file without durability as local', () => {
    const dir = tempDir('topology-old')
    const old = { version: 1, redis: { url: 'redis://127.0.0.1:6390', username: '', database: 0 } }
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify(old), { mode: 0o600 })
    expect(new SettingsStore(dir, createFileSecretBox(dir)).read().durability).toBe('local')
    rmSync(dir, { recursive: true, force: true })
  })
})
