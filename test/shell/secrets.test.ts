// Secrets: the Redis password is stored only sealed (never plain in settings.json), never
// returned by settings:get, never sent to a new host, and scrubbed from errors and logs.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiService, type SecretBox } from '../../src/main/api'
import {
  createFileSecretBox,
  KEY_FILE,
  SETTINGS_FILE,
  SettingsStore,
} from '../../src/main/settings'
import type { CommandInput, CommandName, CommandResult } from '../../src/shared/contract'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { tempDir } from './support'

const PASSWORD = 'pw-Secret-4711-hunter2'
const USER = 'console'
const URL_USER = 'ops'
const URL_PASSWORD = 's3cret-in-the-url'
// ACL users with a password (the default user stays open for the harness' own ping).
const ACL = [
  ...['--user', USER, 'on', `>${PASSWORD}`, '~*', '&*', '+@all'],
  ...['--user', URL_USER, 'on', `>${URL_PASSWORD}`, '~*', '&*', '+@all'],
]
let redis: RedisProcess

beforeAll(async () => {
  redis = await startRedis({ extraArgs: ACL })
})
afterAll(() => redis.stop())

describe('file secret box', () => {
  it('seals with AES-256-GCM under a 0600 key file', () => {
    const dir = tempDir('box')
    const box = createFileSecretBox(dir)
    const sealed = box.encrypt(PASSWORD)
    expect(sealed).not.toContain(PASSWORD)
    expect(box.encrypt(PASSWORD)).not.toBe(sealed) // a fresh IV every time
    expect(box.decrypt(sealed)).toBe(PASSWORD)
    expect(createFileSecretBox(dir).decrypt(sealed)).toBe(PASSWORD) // same key file
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600)
    }
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(() => box.decrypt(tampered)).toThrow()
    expect(() => createFileSecretBox(tempDir('other')).decrypt(sealed)).toThrow()
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('settings', () => {
  const url = () => `redis://127.0.0.1:${redis.port}`
  let dataDir: string
  let logs: string[]
  let pushes: string[]
  let service: ReturnType<typeof createApiService>
  let call: <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>

  beforeAll(() => {
    dataDir = tempDir('secrets')
    logs = []
    pushes = []
    service = createApiService({
      dataDir,
      secrets: createFileSecretBox(dataDir),
      redisUrl: '',
      redisServerBinary: null,
      offlineAfterMs: 500,
      log: (line) => logs.push(line),
    })
    const session = service.openSession((name, payload) =>
      pushes.push(JSON.stringify({ name, payload })),
    )
    call = (name, input) => service.call(session, name, input) as never
  })
  afterAll(async () => {
    await service.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('tests a connection with the password without storing anything', async () => {
    const wrong = await call('settings:test', { url: url(), username: USER, password: 'nope' })
    expect(!wrong.ok && wrong.error.code).toBe('UNAUTHORIZED')
    const right = await call('settings:test', { url: url(), username: USER, password: PASSWORD })
    expect(right.ok).toBe(true)
    const inUrl = await call('settings:test', { url: `redis://${USER}:${PASSWORD}@127.0.0.1:1` })
    expect(!inUrl.ok && inUrl.error.code).toBe('REDIS_UNAVAILABLE')
    expect(JSON.stringify(inUrl)).not.toContain(PASSWORD)
  })

  it('stores the password sealed and connects with it', async () => {
    const saved = await call('settings:save', { url: url(), username: USER, password: PASSWORD })
    expect(saved.ok && saved.state).toBe('live')
    const file = readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')
    expect(file).not.toContain(PASSWORD)
    expect(JSON.parse(file).redis.passwordSealed).toMatch(/^v1:/)
    if (process.platform !== 'win32') {
      expect(statSync(join(dataDir, SETTINGS_FILE)).mode & 0o077).toBe(0)
    }
    const got = await call('settings:get', {})
    expect(got.ok && got.settings.hasPassword).toBe(true)
    expect(JSON.stringify(got)).not.toContain(PASSWORD)
    expect(got.ok && 'password' in got.settings).toBe(false)
  })

  it('keeps the stored password for the same server, tests with it', async () => {
    const test = await call('settings:test', { url: url(), username: USER })
    expect(test.ok).toBe(true)
    const saved = await call('settings:save', { url: url(), username: USER, database: 1 })
    expect(saved.ok && saved.state).toBe('live')
    const got = await call('settings:get', {})
    expect(got.ok && got.settings.hasPassword).toBe(true)
  })

  it('never sends the stored password to a new host', async () => {
    const elsewhere = await call('settings:test', { url: 'redis://127.0.0.1:1' })
    expect(!elsewhere.ok && elsewhere.error.code).toBe('REDIS_UNAVAILABLE')
    await call('settings:save', { url: 'redis://127.0.0.1:1' })
    const got = await call('settings:get', {})
    expect(got.ok && got.settings.hasPassword).toBe(false)
    const back = await call('settings:save', { url: url(), username: USER, password: PASSWORD })
    expect(back.ok && back.state).toBe('live')
  })

  it('never shows the password in errors, pushes or logs', async () => {
    // An outage produces errors, state pushes and log lines.
    await redis.stop({ keepData: true })
    await expect.poll(() => service.status().state, { timeout: 10_000 }).toBe('offline')
    const failed = await call('auctions:list', {})
    expect(failed.ok).toBe(false)
    redis = await startRedis({ dir: redis.dir, port: redis.port, extraArgs: ACL })
    await expect.poll(() => service.status().state, { timeout: 10_000 }).toBe('live')
    expect(JSON.stringify(failed)).not.toContain(PASSWORD)
    expect(pushes.length).toBeGreaterThan(0)
    expect(pushes.join('\n')).not.toContain(PASSWORD)
    expect(logs.join('\n')).not.toContain(PASSWORD)
  })

  it('refuses to keep a password where no secure storage exists', () => {
    const weak: SecretBox = {
      available: false,
      encrypt: () => {
        throw new Error('unavailable')
      },
      decrypt: () => {
        throw new Error('unavailable')
      },
    }
    const dir = tempDir('weak')
    const store = new SettingsStore(dir, weak)
    const answer = store.save({
      url: 'redis://127.0.0.1:6380',
      username: '',
      password: PASSWORD,
      caCertificate: '',
      database: 0,
      durability: 'local',
    })
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' })
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('a password typed in the Redis URL', () => {
  let dataDir: string
  let logs: string[]
  let service: ReturnType<typeof createApiService>
  let call: <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>
  const withPassword = () => `redis://${URL_USER}:${URL_PASSWORD}@127.0.0.1:${redis.port}`
  const open = () => {
    logs = []
    service = createApiService({
      dataDir,
      secrets: createFileSecretBox(dataDir),
      redisUrl: '',
      redisServerBinary: null,
      log: (line) => logs.push(line),
    })
    const session = service.openSession(() => undefined)
    call = (name, input) => service.call(session, name, input) as never
  }
  /** The user the console's command connection is logged in as, seen by the server. */
  const consoleUser = (): string | undefined => {
    const list = spawnSync('redis-cli', ['-p', String(redis.port), 'client', 'list'], {
      encoding: 'utf8',
    }).stdout
    const line = list.split('\n').find((entry) => / name=auction-console /.test(entry))
    return / user=(\S+)/.exec(line ?? '')?.[1]
  }

  beforeAll(() => {
    dataDir = tempDir('secrets-url')
    open()
  })
  afterAll(async () => {
    await service.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('is tested as the sealed password would be, and never echoed', async () => {
    const test = await call('settings:test', { url: withPassword() })
    expect(test.ok).toBe(true)
    expect(JSON.stringify(test)).not.toContain(URL_PASSWORD)
  })

  it('is moved into the sealed password on save; the URL is stored without it', async () => {
    const saved = await call('settings:save', { url: withPassword() })
    expect(saved.ok && saved.state).toBe('live')
    expect(JSON.stringify(saved)).not.toContain(URL_PASSWORD)
    const file = readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')
    expect(file).not.toContain(URL_PASSWORD)
    const stored = JSON.parse(file).redis
    expect(stored.url).toBe(`redis://127.0.0.1:${redis.port}`)
    expect(stored.username).toBe(URL_USER)
    expect(stored.passwordSealed).toMatch(/^v1:/)

    const got = await call('settings:get', {})
    expect(JSON.stringify(got)).not.toContain(URL_PASSWORD)
    expect(got.ok && got.settings).toMatchObject({
      url: `redis://127.0.0.1:${redis.port}`,
      username: URL_USER,
      hasPassword: true,
    })
    expect(got.ok && 'password' in got.settings).toBe(false)
    // Still authenticates with it: the server sees the console logged in as that user.
    await expect.poll(consoleUser, { timeout: 5000 }).toBe(URL_USER)
    expect((await call('auth:status', {})).ok).toBe(true)
    expect(logs.join('\n')).not.toContain(URL_PASSWORD)
  })

  it('is moved out of a settings file written before, at the next start', async () => {
    await service.close()
    const path = join(dataDir, SETTINGS_FILE)
    const old = { version: 1, redis: { url: withPassword(), username: '', database: 0 } }
    writeFileSync(path, JSON.stringify(old), { mode: 0o600 })
    open()
    const got = await call('settings:get', {})
    expect(JSON.stringify(got)).not.toContain(URL_PASSWORD)
    expect(got.ok && got.settings.hasPassword).toBe(true)
    expect(readFileSync(path, 'utf8')).not.toContain(URL_PASSWORD)
    expect((await service.settled()).state).toBe('live')
    await expect.poll(consoleUser, { timeout: 5000 }).toBe(URL_USER)
  })
})

describe('a password in REDIS_URL', () => {
  it('is used, never stored, never returned by settings:get or the status', async () => {
    const dataDir = tempDir('secrets-env')
    const logs: string[] = []
    const service = createApiService({
      dataDir,
      secrets: createFileSecretBox(dataDir),
      redisUrl: `redis://${URL_USER}:${URL_PASSWORD}@127.0.0.1:${redis.port}`,
      redisServerBinary: null,
      log: (line) => logs.push(line),
    })
    try {
      const session = service.openSession(() => undefined)
      expect((await service.settled()).state).toBe('live')
      const got = await service.call(session, 'settings:get', {})
      expect(got).toMatchObject({ ok: true, overriddenBy: 'REDIS_URL' })
      const status = await service.call(session, 'connection:status', {})
      for (const shown of [got, status, logs]) {
        expect(JSON.stringify(shown)).not.toContain(URL_PASSWORD)
      }
    } finally {
      await service.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
