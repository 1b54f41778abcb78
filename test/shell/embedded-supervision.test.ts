// The embedded Redis is supervised: after a crash (kill -9) the console restarts it with its
// data (append-only file), on a fresh port when the old one was taken; its password never
// goes to a port it no longer owns; and a stale embedded.json never gets a stranger killed.
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiService } from '../../src/main/api'
import { embeddedDir, freePort } from '../../src/main/connection'
import { createFileSecretBox } from '../../src/main/settings'
import type {
  CommandInput,
  CommandName,
  CommandResult,
  ConnectionStatus,
} from '../../src/shared/contract'
import { staff, tempDir } from './support'
import { signInOrSetUp } from '../support/operators'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function open(dataDir: string) {
  const states: ConnectionStatus[] = []
  const service = createApiService({
    dataDir,
    secrets: createFileSecretBox(dataDir),
    redisUrl: '',
    offlineAfterMs: 500,
    log: () => undefined,
  })
  const session = service.openSession((name, payload) => {
    if (name === 'connection:state') states.push(payload as ConnectionStatus)
  })
  const call = <N extends CommandName>(name: N, input: CommandInput<N>) =>
    service.call(session, name, input) as Promise<CommandResult<N>>
  return { service, call, states }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

interface State {
  pid: number
  port: number
  password: string
}
const stateOf = (dataDir: string): State =>
  JSON.parse(readFileSync(join(embeddedDir(dataDir), 'embedded.json'), 'utf8')) as State

/** Listens on `port` as soon as it is free, recording every byte it is sent. */
async function squat(port: number): Promise<{ received: () => string; close: () => void }> {
  let data = ''
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('data', (chunk) => (data += chunk.toString('latin1')))
    socket.on('error', () => undefined)
  })
  for (let i = 0; i < 200; i++) {
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => resolve(true))
    })
    if (listening) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  expect(server.listening, `could not take port ${port}`).toBe(true)
  return {
    received: () => data,
    close: () => {
      for (const socket of sockets) socket.destroy()
      server.close()
    },
  }
}

async function bidOn(call: ReturnType<typeof open>['call']): Promise<string> {
  await signInOrSetUp(call, staff())
  const created = await call('auctions:create', {
    title: 'Survives a crash',
    startingPrice: '10.00',
    increment: '1.00',
    durationMs: 3_600_000,
    start: true,
  })
  if (!created.ok) throw new Error(created.error.message)
  const bid = await call('bids:place', {
    auctionId: created.auction.id,
    bidderId: 'paddle-9',
    amount: '10.00',
    requestId: `crash-${created.auction.id}`,
  })
  expect(bid.ok).toBe(true)
  return created.auction.id
}

describe('embedded redis supervision', () => {
  it('restarts a killed server: offline, then live again with the data', async () => {
    const dataDir = tempDir('embedded-crash')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const { service, call, states } = open(dataDir)
    cleanup.push(() => service.close())
    expect((await service.settled()).state).toBe('live')
    const auctionId = await bidOn(call)
    const first = stateOf(dataDir)

    const killedAt = Date.now()
    process.kill(first.pid, 'SIGKILL')
    await expect.poll(() => states.some((s) => s.state === 'offline'), { timeout: 5000 }).toBe(true)
    await expect.poll(() => service.status().state, { timeout: 15_000 }).toBe('live')
    expect(Date.now() - killedAt).toBeLessThan(15_000)
    const second = stateOf(dataDir)
    expect(second.pid).not.toBe(first.pid)
    expect(alive(second.pid)).toBe(true)
    // A new password per start: the old one opens nothing any more.
    expect(second.password).not.toBe(first.password)

    const again = await call('auctions:get', { auctionId })
    expect(again.ok && again.auction.bidCount).toBe(1)
    expect(again.ok && again.auction.leaderId).toBe('paddle-9')

    await service.close()
    expect(alive(second.pid)).toBe(false)
  })

  it('never sends its password to a process that took the old port', async () => {
    const dataDir = tempDir('embedded-squat')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const { service, call, states } = open(dataDir)
    cleanup.push(() => service.close())
    expect((await service.settled()).state).toBe('live')
    const auctionId = await bidOn(call)
    const first = stateOf(dataDir)

    process.kill(first.pid, 'SIGKILL')
    const fake = await squat(first.port)
    cleanup.push(() => fake.close())
    await expect.poll(() => states.some((s) => s.state === 'offline'), { timeout: 5000 }).toBe(true)
    // Long enough for any reconnect loop to have dialled the old port several times.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const seen = fake.received()
    expect(seen).not.toContain(first.password)
    expect(seen.toUpperCase()).not.toContain('AUTH')
    await expect.poll(() => service.status().state, { timeout: 15_000 }).toBe('live')
    const second = stateOf(dataDir)
    expect(second.port).not.toBe(first.port)
    expect(service.status().endpoint).toBe(`redis://127.0.0.1:${second.port}`)
    expect(fake.received()).not.toContain(second.password)
    const again = await call('auctions:get', { auctionId })
    expect(again.ok && again.auction.bidCount).toBe(1)
  })

  it('a stale embedded.json naming an unrelated process: started anew, the stranger never killed', async () => {
    const dataDir = tempDir('embedded-stale')
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore' })
    const strangerPid = stranger.pid as number
    cleanup.push(() => void stranger.kill('SIGKILL'))
    mkdirSync(embeddedDir(dataDir), { recursive: true, mode: 0o700 })
    // The pid was reused by an unrelated process, for both the server and its console.
    const stale = {
      pid: strangerPid,
      port: await freePort(),
      password: 'stale-password',
      ownerPid: strangerPid,
    }
    writeFileSync(join(embeddedDir(dataDir), 'embedded.json'), JSON.stringify(stale))

    const { service } = open(dataDir)
    expect((await service.settled()).state).toBe('live')
    const started = stateOf(dataDir)
    expect(started.pid).not.toBe(strangerPid)
    await service.close()
    expect(alive(started.pid)).toBe(false)
    expect(alive(strangerPid)).toBe(true)
  })
})
