// The embedded default: with no Redis configured the console starts its own redis-server
// (password-protected, append-only, data in the user-data folder), stops it on close and
// finds the data again on the next start; a missing redis-server is a clear problem; a
// server left by a crashed console is taken over only when it proves to be the one recorded.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiService } from '../../src/main/api'
import { embeddedDir, installHint, startEmbeddedRedis } from '../../src/main/connection'
import { createFileSecretBox } from '../../src/main/settings'
import type { CommandInput, CommandName, CommandResult } from '../../src/shared/contract'
import { redisUrl } from '../support/engine'
import { staff, tempDir } from './support'
import { signInOrSetUp } from '../support/operators'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function open(dataDir: string, extra: { redisServerBinary?: string | null } = {}) {
  const service = createApiService({
    dataDir,
    secrets: createFileSecretBox(dataDir),
    redisUrl: '',
    log: () => undefined,
    ...extra,
  })
  const session = service.openSession(() => undefined)
  const call = <N extends CommandName>(name: N, input: CommandInput<N>) =>
    service.call(session, name, input) as Promise<CommandResult<N>>
  return { service, call }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const embeddedState = (dataDir: string): { pid: number; port: number } =>
  JSON.parse(readFileSync(join(embeddedDir(dataDir), 'embedded.json'), 'utf8'))

describe('embedded redis', () => {
  it('starts, is used, stops with the console, and restarts with the data intact', async () => {
    const dataDir = tempDir('embedded')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    let first: ReturnType<typeof open> | null = open(dataDir)
    cleanup.push(() => first?.service.close())
    const status = await first.service.settled()
    expect(status).toMatchObject({ state: 'live', embedded: true })
    expect(status.endpoint).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/)
    const { pid, port } = embeddedState(dataDir)
    expect(alive(pid)).toBe(true)

    // Password-protected: another local process cannot just connect.
    const stranger = spawnSync('redis-cli', ['-p', String(port), 'get', 'x'], { encoding: 'utf8' })
    expect(stranger.stdout + stranger.stderr).toMatch(/NOAUTH/)

    const clerkProfile = staff()
    await signInOrSetUp(first, clerkProfile)
    const created = await first.call('auctions:create', {
      title: 'Kept lot',
      startingPrice: '10.00',
      increment: '1.00',
      durationMs: 3_600_000,
      start: true,
    })
    if (!created.ok) throw new Error(created.error.message)
    const bid = await first.call('bids:place', {
      auctionId: created.auction.id,
      bidderId: 'paddle-1',
      amount: '10.00',
      requestId: 'request-kept-1',
    })
    expect(bid.ok).toBe(true)

    await first.service.close()
    first = null
    expect(alive(pid)).toBe(false)

    const second = open(dataDir)
    cleanup.push(() => second.service.close())
    expect((await second.service.settled()).state).toBe('live')
    // The account was kept with the data: the same operator signs in again.
    await signInOrSetUp(second, clerkProfile)
    const again = await second.call('auctions:get', { auctionId: created.auction.id })
    expect(again.ok && again.auction.bidCount).toBe(1)
    expect(again.ok && again.auction.leaderId).toBe('paddle-1')
  })

  it('reports redis-server missing with the install command, and a URL still works', async () => {
    const dataDir = tempDir('embedded-missing')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const { service, call } = open(dataDir, { redisServerBinary: null })
    cleanup.push(() => service.close())
    const status = await service.settled()
    expect(status.state).toBe('offline')
    expect(status.problem?.code).toBe('REDIS_NOT_INSTALLED')
    expect(status.problem?.installCommand).toBe(installHint().installCommand)
    if (process.platform === 'linux') expect(status.problem?.installCommand).toMatch(/apt-get/)
    const list = await call('auth:status', {})
    expect(!list.ok && list.error.code).toBe('REDIS_UNAVAILABLE')
    expect(!list.ok && list.error.message).toMatch(/redis-server is not installed/)
    const test = await call('settings:test', { url: '' })
    expect(!test.ok && test.error.message).toContain(installHint().installCommand)

    const saved = await call('settings:save', { url: redisUrl() })
    expect(saved.ok && saved.state).toBe('live')
    expect(saved.ok && saved.embedded).toBe(false)
  })

  it('takes over a server left by a crashed console (proven by its run_id); refuses one in use', async () => {
    const dataDir = tempDir('embedded-adopt')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const started = await startEmbeddedRedis({ dataDir })
    if (!started.ok) throw new Error(started.problem.message)
    cleanup.push(() => started.server.stop())
    const left = started.server
    // A live console holds a connection to its server.
    const holder = new Redis({ port: left.port, password: left.password, lazyConnect: true })
    await holder.connect()
    await holder.client('SETNAME', 'auction-console')
    await holder.set('kept', 'yes')
    const refused = await startEmbeddedRedis({ dataDir })
    expect(!refused.ok && refused.problem.code).toBe('EMBEDDED_IN_USE')
    expect(alive(left.pid)).toBe(true)

    // Its console is gone: the server is shut down (SHUTDOWN, after the run_id proved it is
    // the one recorded) and a child of ours takes the data over, on the same port.
    holder.disconnect()
    const taken = await startEmbeddedRedis({ dataDir })
    if (!taken.ok) throw new Error(taken.problem.message)
    cleanup.push(() => taken.server.stop())
    await expect.poll(() => alive(left.pid)).toBe(false)
    expect(taken.server.pid).not.toBe(left.pid)
    expect(taken.server.port).toBe(left.port)
    expect(taken.server.runId).not.toBe(left.runId)
    const check = new Redis({ port: taken.server.port, password: taken.server.password })
    expect(await check.get('kept')).toBe('yes')
    check.disconnect()
    expect(embeddedState(dataDir).pid).toBe(taken.server.pid)
    await taken.server.stop()
    expect(alive(taken.server.pid)).toBe(false)
  })
})
