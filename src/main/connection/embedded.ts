// The embedded default: a private redis-server child on a free loopback port, its data
// (append-only file, fsync on every write) in the user-data folder, a random password per
// start so other local users cannot reach it. A server left behind by a crashed console
// is adopted, never killed blindly: it holds the bids.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { findRedisServer, installHint } from './redis-binary'

export interface EmbeddedServer {
  /** redis://127.0.0.1:PORT, without the password. */
  readonly url: string
  readonly password: string
  readonly port: number
  readonly pid: number
  readonly dir: string
  stop(): Promise<void>
}

export interface EmbeddedProblem {
  code: 'REDIS_NOT_INSTALLED' | 'EMBEDDED_IN_USE' | 'EMBEDDED_FAILED'
  message: string
  installCommand?: string
}

export type EmbeddedStart =
  { ok: true; server: EmbeddedServer } | { ok: false; problem: EmbeddedProblem }

export interface EmbeddedOptions {
  dataDir: string
  /** The redis-server path; null means "not installed"; undefined searches for it. */
  binary?: string | null
  platform?: NodeJS.Platform
  readyTimeoutMs?: number
}

interface StateFile {
  pid: number
  port: number
  password: string
  ownerPid: number
}

const STATE_FILE = 'embedded.json'

export const embeddedDir = (dataDir: string): string => join(dataDir, 'redis')

export async function startEmbeddedRedis(options: EmbeddedOptions): Promise<EmbeddedStart> {
  const dir = embeddedDir(options.dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const previous = readState(dir)
  if (previous && isAlive(previous.pid)) {
    if (previous.ownerPid !== process.pid && isAlive(previous.ownerPid)) {
      return problem(
        'EMBEDDED_IN_USE',
        `Another console (process ${previous.ownerPid}) is using the local Redis in ${dir}.`,
      )
    }
    const adopted = await adopt(dir, previous)
    if (adopted) return { ok: true, server: adopted }
  }
  const binary = options.binary === undefined ? findRedisServer() : options.binary
  if (!binary) {
    const hint = installHint(options.platform)
    return problem('REDIS_NOT_INSTALLED', hint.message, hint.installCommand)
  }
  let lastError = ''
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = await spawnServer(binary, dir, options.readyTimeoutMs ?? 60_000)
    if ('server' in started) return { ok: true, server: started.server }
    lastError = started.error
    if (!/address already in use/i.test(lastError)) break
  }
  return problem('EMBEDDED_FAILED', `The local Redis did not start: ${lastError}`)
}

const problem = (
  code: EmbeddedProblem['code'],
  message: string,
  installCommand?: string,
): EmbeddedStart => ({
  ok: false,
  problem: { code, message, ...(installCommand ? { installCommand } : {}) },
})

const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

async function spawnServer(
  binary: string,
  dir: string,
  readyTimeoutMs: number,
): Promise<{ server: EmbeddedServer } | { error: string }> {
  const port = await freePort()
  const password = randomBytes(24).toString('hex')
  const confPath = join(dir, 'redis.conf')
  // The password goes in a 0600 file, not on the command line (visible in ps).
  const conf = [
    `port ${port}`,
    'bind 127.0.0.1',
    'protected-mode yes',
    `dir ${quote(dir)}`,
    'appendonly yes',
    'appendfsync always',
    'save ""',
    'daemonize no',
    `pidfile ${quote(join(dir, 'redis.pid'))}`,
    'logfile ""',
    `requirepass ${quote(password)}`,
  ]
  writeFileSync(confPath, `${conf.join('\n')}\n`, { mode: 0o600 })
  const child = spawn(binary, [confPath], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
  const tail: string[] = []
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), readyTimeoutMs)
    const onLine = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) tail.push(line.trim())
        if (tail.length > 20) tail.shift()
        if (/Ready to accept connections/i.test(line)) {
          clearTimeout(timer)
          resolve(true)
        }
      }
    }
    // Always drained: a full pipe would stall the server.
    child.stdout.on('data', onLine)
    child.stderr.on('data', onLine)
    child.once('error', (error) => {
      tail.push(error.message)
      clearTimeout(timer)
      resolve(false)
    })
    void exited.then(() => {
      clearTimeout(timer)
      resolve(false)
    })
  })
  if (!(await ready) || child.pid === undefined) {
    child.kill('SIGKILL')
    return { error: tail.slice(-3).join(' / ') || 'no answer' }
  }
  const pid = child.pid
  writeState(dir, { pid, port, password, ownerPid: process.pid })
  const onExit = (): void => void child.kill('SIGTERM')
  process.once('exit', onExit)
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(force)
    }
    rmSync(join(dir, STATE_FILE), { force: true })
  }
  return { server: serverHandle(dir, port, password, pid, stop) }
}

/** Takes over a server whose console died; checks it really is ours (port, password, pid). */
async function adopt(dir: string, state: StateFile): Promise<EmbeddedServer | null> {
  const client = new Redis({
    host: '127.0.0.1',
    port: state.port,
    password: state.password,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  })
  client.on('error', () => undefined)
  try {
    await client.connect()
    const info = await client.info('server')
    if (!new RegExp(`process_id:${state.pid}\\b`).test(info)) return null
  } catch {
    return null
  } finally {
    client.disconnect()
  }
  writeState(dir, { ...state, ownerPid: process.pid })
  const stop = async (): Promise<void> => {
    signal(state.pid, 'SIGTERM')
    for (let i = 0; i < 200 && isAlive(state.pid); i++) await sleep(50)
    if (isAlive(state.pid)) signal(state.pid, 'SIGKILL')
    rmSync(join(dir, STATE_FILE), { force: true })
  }
  return serverHandle(dir, state.port, state.password, state.pid, stop)
}

function serverHandle(
  dir: string,
  port: number,
  password: string,
  pid: number,
  stop: () => Promise<void>,
): EmbeddedServer {
  let stopping: Promise<void> | undefined
  return {
    url: `redis://127.0.0.1:${port}`,
    password,
    port,
    pid,
    dir,
    stop: () => (stopping ??= stop()),
  }
}

function readState(dir: string): StateFile | null {
  const path = join(dir, STATE_FILE)
  if (!existsSync(path)) return null
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as StateFile
    return Number.isInteger(state.pid) && Number.isInteger(state.port) ? state : null
  } catch {
    return null
  }
}

const writeState = (dir: string, state: StateFile): void =>
  writeFileSync(join(dir, STATE_FILE), JSON.stringify(state), { mode: 0o600 })

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}
