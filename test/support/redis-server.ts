// Starts a private redis-server for tests and benchmarks: a free loopback port, its own
// temporary directory, append-only on; stopped by PID, also when a test fails.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../src/main/connection/embedded'

export { freePort }

export interface RedisProcess {
  url: string
  port: number
  dir: string
  pid: number
  /** Stops the server (SIGTERM, then SIGKILL); keeps the directory when keepData. */
  stop(options?: { keepData?: boolean }): Promise<void>
  /** `kill -9`: no shutdown, no last write, as a crash; keeps the directory. */
  kill(): Promise<void>
  /** A new server on the same port and directory, with the same arguments (after kill). */
  restart(): Promise<RedisProcess>
}

export function redisServerBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], {
    encoding: 'utf8',
  }).stdout.trim()
  if (!found) throw new Error('redis-server is not installed: apt-get install -y redis-server')
  return found
}

const ping = async (port: number): Promise<boolean> =>
  spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() ===
  'PONG'

/** Starts redis-server; with `dir` given, reuses that data directory (restart with data). */
export async function startRedis(
  options: { dir?: string; port?: number; extraArgs?: string[] } = {},
): Promise<RedisProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'auction-redis-'))
  const port = options.port ?? (await freePort())
  const child = spawn(
    redisServerBinary(),
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--daemonize',
      'no',
      '--pidfile',
      join(dir, 'redis.pid'),
      ...(options.extraArgs ?? []),
    ],
    { stdio: 'ignore', detached: false },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error('redis-server did not start')
  for (let i = 0; i < 100 && !(await ping(port)); i++) await new Promise((r) => setTimeout(r, 50))
  if (!(await ping(port))) {
    child.kill('SIGKILL')
    throw new Error(`redis-server did not answer on port ${port}`)
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    pid,
    async stop({ keepData = false } = {}) {
      if (running()) {
        child.kill('SIGTERM')
        const timeout = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timeout)
      }
      if (!keepData) rmSync(dir, { recursive: true, force: true })
    },
    async kill() {
      if (running()) process.kill(pid, 'SIGKILL')
      await exited
    },
    restart: () => startRedis({ ...options, dir, port }),
  }
}

/** The PID recorded in the data directory, for diagnostics. */
export const recordedPid = (dir: string): number =>
  Number(readFileSync(join(dir, 'redis.pid'), 'utf8'))

/**
 * A crash and a restart: `kill -9`, `downMs` without a server, then a new one on the same
 * port and directory. Answers the new server and when it went down and came back (local
 * clock, the same as the server's on this machine).
 */
export async function crashAndRestart(
  server: RedisProcess,
  downMs = 0,
): Promise<{ server: RedisProcess; killedAt: number; upAt: number }> {
  const killedAt = Date.now()
  await server.kill()
  if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs))
  const restarted = await server.restart()
  return { server: restarted, killedAt, upAt: Date.now() }
}
