// The embedded default: a private redis-server child on a free loopback port, its data
// (append-only file, fsync on every write) in the user-data folder, a random password per
// start so other local users cannot reach it.
//
// Which server is ours is proven, never taken from a pid (pids are reused): a server we
// spawned is the child we hold a handle to, and its run_id (40 random hex characters Redis
// draws at each start, read over the connection right after it is ready) is recorded. A
// server left by a crashed console is recognised only if it answers, over the unix socket
// in our 0700 data folder (no other user can create it, and a dead server's socket refuses),
// with the run_id recorded in our 0600 embedded.json: then it is shut down with SHUTDOWN
// (its append-only file is complete) and a child of ours takes over the data. Anything else
// named in the file is left alone.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createRedisClient, type RedisClient } from '../engine'
import { findRedisServer, installHint } from './redis-binary'

export interface EmbeddedServer {
  /** redis://127.0.0.1:PORT, without the password. */
  readonly url: string
  readonly password: string
  readonly port: number
  readonly pid: number
  /** The server's run_id at start: what a connection checks it is talking to. */
  readonly runId: string
  readonly dir: string
  /** True while the child runs (false from its exit on, even before 'exit' is handled). */
  alive(): boolean
  /** Called once when the child exits without stop() (a crash, kill -9). */
  onExit(listener: (how: string) => void): void
  stop(): Promise<void>
}

export interface EmbeddedProblem {
  code: 'REDIS_NOT_INSTALLED' | 'EMBEDDED_IN_USE' | 'EMBEDDED_FAILED' | 'EMBEDDED_RESTARTING'
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
  /** The port to try first (a restart keeps its port when it is still free). */
  port?: number
  /**
   * False for a restart after our own child died: there is no server to take over, and
   * embedded.json names a port that is no longer ours.
   */
  takeOver?: boolean
}

interface StateFile {
  /** For diagnostics only: never used to signal a process. */
  pid: number
  port: number
  password: string
  runId?: string
  socket?: string
  /**
   * The console that started it, for the web mode's "already running" message
   * (web/instance.ts); never a reason to refuse, adopt or signal anything here.
   */
  ownerPid?: number
}

const STATE_FILE = 'embedded.json'
const CHECK_NAME = 'auction-console:embedded-check'

export const embeddedDir = (dataDir: string): string => join(dataDir, 'redis')

export async function startEmbeddedRedis(options: EmbeddedOptions): Promise<EmbeddedStart> {
  const dir = embeddedDir(options.dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const previous = options.takeOver === false ? null : readState(dir)
  let port = options.port
  if (previous) {
    const leftover = await takeOver(previous)
    if (leftover === 'in-use') {
      return problem(
        'EMBEDDED_IN_USE',
        `Another console is using the local Redis in ${dir} (stop it first).`,
      )
    }
    if (leftover === 'shut-down') port ??= previous.port
  }
  rmSync(join(dir, STATE_FILE), { force: true })
  const binary = options.binary === undefined ? findRedisServer() : options.binary
  if (!binary) {
    const hint = installHint(options.platform)
    return problem('REDIS_NOT_INSTALLED', hint.message, hint.installCommand)
  }
  let lastError = ''
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await spawnServer(binary, dir, options.readyTimeoutMs ?? 60_000, port)
    if ('server' in started) return { ok: true, server: started.server }
    lastError = started.error
    if (!/address already in use/i.test(lastError)) break
    // Taken since (by anyone): a fresh port, never a server we did not start.
    port = undefined
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

/** The unix socket path in the private folder, where the platform and its length allow. */
function socketPath(dir: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const path = join(dir, 'redis.sock')
  return platform !== 'win32' && Buffer.byteLength(path) < 100 ? path : undefined
}

async function spawnServer(
  binary: string,
  dir: string,
  readyTimeoutMs: number,
  preferredPort: number | undefined,
): Promise<{ server: EmbeddedServer } | { error: string }> {
  const port = preferredPort ?? (await freePort())
  const password = randomBytes(24).toString('hex')
  const socket = socketPath(dir)
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
    ...(socket ? [`unixsocket ${quote(socket)}`, 'unixsocketperm 700'] : []),
  ]
  writeFileSync(confPath, `${conf.join('\n')}\n`, { mode: 0o600 })
  const child = spawn(binary, [confPath], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
  const tail: string[] = []
  let how = ''
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      how = signal ? `killed by ${signal}` : `exit code ${String(code)}`
      resolve()
    }),
  )
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
  const pid = child.pid
  const running = (): boolean => child.exitCode === null && child.signalCode === null
  const identity =
    (await ready) && pid !== undefined ? await identify({ port, password }).catch(() => null) : null
  // What answers on the port must be the child we started.
  if (!identity || identity.pid !== pid || !running()) {
    child.kill('SIGKILL')
    await exited
    return {
      error: identity ? 'another server answered' : tail.slice(-3).join(' / ') || 'no answer',
    }
  }
  const runId = identity.runId
  writeState(dir, {
    pid,
    port,
    password,
    runId,
    ownerPid: process.pid,
    ...(socket ? { socket } : {}),
  })
  let stopping = false
  const exitListeners: ((how: string) => void)[] = []
  void exited.then(() => {
    if (stopping) return
    // Our server is gone: its port, password and file mean nothing any more.
    rmSync(join(dir, STATE_FILE), { force: true })
    for (const listener of exitListeners.splice(0)) listener(how)
  })
  const onProcessExit = (): void => void child.kill('SIGTERM')
  process.once('exit', onProcessExit)
  let stopped: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopping = true
    process.removeListener('exit', onProcessExit)
    // Only the child we hold: never a pid read from a file.
    if (running()) {
      child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(force)
    }
    rmSync(join(dir, STATE_FILE), { force: true })
  }
  return {
    server: {
      url: `redis://127.0.0.1:${port}`,
      password,
      port,
      pid,
      runId,
      dir,
      alive: running,
      onExit: (listener) => void exitListeners.push(listener),
      stop: () => (stopped ??= stop()),
    },
  }
}

/** Our own server on loopback: its port, or its unix socket in the private data folder. */
interface CheckTarget {
  port?: number
  path?: string
  password?: string
}

/** process_id and run_id from INFO server, as the server at `target` answers them. */
async function identify(
  target: CheckTarget,
  then?: (client: RedisClient, info: string) => Promise<void>,
): Promise<{ pid: number; runId: string }> {
  const client = createRedisClient(
    {
      url: `redis://127.0.0.1:${target.port ?? 6379}`,
      socketPath: target.path,
      password: target.password,
      connectionName: CHECK_NAME,
    },
    'probe',
    { connectTimeoutMs: 2000 },
  )
  try {
    await client.connect()
    const info = await client.info('server')
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1])
    const runId = /run_id:([0-9a-f]+)/.exec(info)?.[1]
    if (!runId || !Number.isInteger(pid)) throw new Error('not a Redis server')
    await then?.(client, info)
    return { pid, runId }
  } finally {
    client.disconnect()
  }
}

/**
 * A server named by embedded.json: shut down when it proves to be the one recorded and no
 * console uses it; 'in-use' when one does; otherwise nothing is touched ('none').
 */
async function takeOver(state: StateFile): Promise<'none' | 'in-use' | 'shut-down'> {
  let target: CheckTarget
  if (state.socket) {
    // A dead server's socket file refuses; only our own user can create one in the folder.
    if (!existsSync(state.socket)) return 'none'
    target = { path: state.socket, password: state.password }
  } else {
    // No unix socket (Windows, a long path, a file from before): over TCP. The password
    // sent is that old server's own, which opens nothing else once it is gone.
    target = { port: state.port, password: state.password }
  }
  // The run_id it drew at its start; a file from before run_ids were kept: the weaker pid.
  const proven = (info: string): boolean =>
    state.runId
      ? info.includes(`run_id:${state.runId}\r`)
      : new RegExp(`process_id:${state.pid}\\r`).test(info)
  let verdict: 'none' | 'in-use' | 'shut-down' = 'none'
  await identify(target, async (client, info) => {
    if (!proven(info)) return
    // A console holds its connections open (named auction-console…); a crashed one has none.
    const clients = String(await client.call('CLIENT', 'LIST'))
    const consoles = clients
      .split('\n')
      .filter((line) => / name=auction-console/.test(line) && !line.includes(`name=${CHECK_NAME}`))
    if (consoles.length > 0) {
      verdict = 'in-use'
      return
    }
    const closed = new Promise<void>((resolve) => client.once('end', () => resolve()))
    await client.call('SHUTDOWN').catch(() => undefined)
    await Promise.race([closed, sleep(10_000)])
    verdict = 'shut-down'
  }).catch(() => undefined)
  return verdict
}

function readState(dir: string): StateFile | null {
  const path = join(dir, STATE_FILE)
  if (!existsSync(path)) return null
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as StateFile
    return Number.isInteger(state.pid) &&
      Number.isInteger(state.port) &&
      typeof state.password === 'string'
      ? state
      : null
  } catch {
    return null
  }
}

const writeState = (dir: string, state: StateFile): void =>
  writeFileSync(join(dir, STATE_FILE), JSON.stringify(state), { mode: 0o600 })

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
