// Starts a real Sentinel deployment on loopback for tests and benchmarks: a primary
// (append-only on), one replica and N sentinels, each a private redis-server with its own
// port and temporary directory. Servers are tracked by port, so "kill the primary" still
// means the right process after a failover has swapped the roles.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeCommand } from './redis-cluster'
import { freePort, redisServerBinary, startRedis, type RedisProcess } from './redis-server'

export interface SentinelGroup {
  /** redis+sentinel://127.0.0.1:S1,127.0.0.1:S2,…/NAME */
  url: string
  masterName: string
  /** The servers as started; after a failover the replica is the primary. */
  primary: { port: number; pid: number; dir: string }
  replica: { port: number; pid: number; dir: string }
  sentinelPorts: number[]
  /** The primary's port, as the first sentinel that answers names it. */
  primaryPort(): Promise<number>
  /** `kill -9` of the server that is primary now. */
  killPrimary(): Promise<void>
  /**
   * Waits until every sentinel that answers names a port other than `oldPort` and that
   * server says role:master; answers the new primary's port.
   */
  waitForFailover(oldPort: number, timeoutMs?: number): Promise<number>
  /** A new server on a killed server's port and directory; the sentinels make it a replica. */
  restart(port: number): Promise<void>
  /** Stops sentinels and servers (also restarted ones) and removes their directories. */
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 20_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface SentinelProcess {
  port: number
  dir: string
  stop(): Promise<void>
}

async function startSentinel(
  masterName: string,
  primaryPort: number,
  quorum: number,
): Promise<SentinelProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'auction-sentinel-'))
  const port = await freePort()
  // A sentinel rewrites its config file (ids, known replicas and sentinels): its own copy.
  const confPath = join(dir, 'sentinel.conf')
  writeFileSync(
    confPath,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      'daemonize no',
      'sentinel resolve-hostnames no',
      `sentinel monitor ${masterName} 127.0.0.1 ${primaryPort} ${quorum}`,
      `sentinel down-after-milliseconds ${masterName} 1000`,
      `sentinel failover-timeout ${masterName} 3000`,
      '',
    ].join('\n'),
  )
  const child: ChildProcess = spawn(redisServerBinary(), [confPath, '--sentinel'], {
    stdio: 'ignore',
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (running()) {
      child.kill('SIGTERM')
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timeout)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  for (let i = 0; i < 100; i++) {
    if (!running()) break
    try {
      if ((await nodeCommand(port, 'PING')) === 'PONG') return { port, dir, stop }
    } catch {
      // Not listening yet.
    }
    await sleep(50)
  }
  await stop()
  throw new Error(`sentinel did not answer on port ${port}`)
}

/** SENTINEL MASTER answers a flat field/value list. */
const fields = (reply: unknown): Map<string, string> => {
  const list = reply as string[]
  const map = new Map<string, string>()
  for (let i = 0; i + 1 < list.length; i += 2) map.set(String(list[i]), String(list[i + 1]))
  return map
}

const addrPort = async (sentinelPort: number, masterName: string): Promise<number> => {
  const reply = (await nodeCommand(
    sentinelPort,
    'SENTINEL',
    'GET-MASTER-ADDR-BY-NAME',
    masterName,
  )) as [string, string] | null
  if (!reply) throw new Error(`sentinel ${sentinelPort} does not know ${masterName}`)
  return Number(reply[1])
}

const infoField = async (port: number, section: string, field: string): Promise<string> => {
  const info = String(await nodeCommand(port, 'INFO', section))
  return new RegExp(`^${field}:(.*?)\\r?$`, 'm').exec(info)?.[1] ?? ''
}

export async function startSentinelGroup(
  options: { masterName?: string; sentinels?: number } = {},
): Promise<SentinelGroup> {
  const masterName = options.masterName ?? 'auction'
  const count = options.sentinels ?? 3
  const servers = new Map<number, RedisProcess>()
  const sentinels: SentinelProcess[] = []
  const stop = async () => {
    await Promise.all(sentinels.map((sentinel) => sentinel.stop()))
    await Promise.all([...servers.values()].map((server) => server.stop()))
  }

  try {
    // Redis 7 holds a diskless full sync 5 s for more replicas to join; either server may be
    // the primary that a (re)started replica syncs from.
    const syncNow = ['--repl-diskless-sync-delay', '0']
    const primary = await startRedis({ extraArgs: syncNow })
    servers.set(primary.port, primary)
    const replica = await startRedis({
      extraArgs: [...syncNow, '--replicaof', '127.0.0.1', String(primary.port)],
    })
    servers.set(replica.port, replica)

    const waitFor = async (what: string, check: () => Promise<string | true>) => {
      const deadline = Date.now() + READY_TIMEOUT_MS
      let last = ''
      while (Date.now() < deadline) {
        try {
          const answer = await check()
          if (answer === true) return
          last = answer
        } catch (error) {
          last = String(error)
        }
        await sleep(100)
      }
      throw new Error(`${what} within ${READY_TIMEOUT_MS} ms: ${last}`)
    }

    // A sentinel learns the replicas from the primary's INFO when it connects: link first.
    await waitFor('the replica did not sync', async () => {
      const link = await infoField(replica.port, 'replication', 'master_link_status')
      return link === 'up' || `master_link_status:${link}`
    })
    const quorum = Math.floor(count / 2) + 1
    for (let i = 0; i < count; i++) {
      sentinels.push(await startSentinel(masterName, primary.port, Math.min(2, quorum)))
    }
    await waitFor('the sentinels did not find each other and the replica', async () => {
      for (const { port } of sentinels) {
        const named = await addrPort(port, masterName)
        if (named !== primary.port) return `sentinel ${port} names ${named}`
        const replicas = (await nodeCommand(port, 'SENTINEL', 'REPLICAS', masterName)) as unknown[]
        if (replicas.length === 0) return `sentinel ${port} knows no replica`
        const others = fields(await nodeCommand(port, 'SENTINEL', 'MASTER', masterName)).get(
          'num-other-sentinels',
        )
        if (Number(others) !== count - 1) return `sentinel ${port} knows ${others} others`
      }
      return true
    })

    const sentinelPorts = sentinels.map((sentinel) => sentinel.port)
    const primaryPort = async (): Promise<number> => {
      let last: unknown
      for (const port of sentinelPorts) {
        try {
          return await addrPort(port, masterName)
        } catch (error) {
          last = error
        }
      }
      throw new Error(`no sentinel answered: ${String(last)}`)
    }

    return {
      url: `redis+sentinel://${sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')}/${masterName}`,
      masterName,
      primary: { port: primary.port, pid: primary.pid, dir: primary.dir },
      replica: { port: replica.port, pid: replica.pid, dir: replica.dir },
      sentinelPorts,
      primaryPort,
      async killPrimary() {
        const port = await primaryPort()
        const server = servers.get(port)
        if (!server) throw new Error(`the primary on port ${port} is not one of ours`)
        await server.kill()
      },
      async waitForFailover(oldPort, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs
        let last = ''
        while (Date.now() < deadline) {
          const named = new Set<number>()
          for (const port of sentinelPorts) {
            try {
              named.add(await addrPort(port, masterName))
            } catch {
              // A stopped sentinel does not vote here.
            }
          }
          const [candidate] = named
          if (named.size === 1 && candidate !== undefined && candidate !== oldPort) {
            try {
              const role = await infoField(candidate, 'replication', 'role')
              if (role === 'master') return candidate
              last = `${candidate} says role:${role}`
            } catch (error) {
              last = `${candidate}: ${String(error)}`
            }
          } else {
            last = `sentinels name ${[...named].join(', ') || 'nothing'}`
          }
          await sleep(100)
        }
        throw new Error(`no failover from ${oldPort} within ${timeoutMs} ms: ${last}`)
      },
      async restart(port) {
        const server = servers.get(port)
        if (!server) throw new Error(`no server of this group on port ${port}`)
        servers.set(port, await server.restart())
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
