// Secrets: the Redis password is stored only sealed (never plain in settings.json), never
// returned by settings:get, never sent to a new host, and scrubbed from errors and logs.
import { readFileSync, rmSync, statSync } from 'node:fs'
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
// An ACL user with a password (the default user stays open for the harness' own ping).
const ACL = ['--user', USER, 'on', `>${PASSWORD}`, '~*', '&*', '+@all']
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
    })
    expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' })
    rmSync(dir, { recursive: true, force: true })
  })
})
