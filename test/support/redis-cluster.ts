// Starts a real Redis Cluster on loopback for tests and benchmarks: N masters without
// replicas, each a private redis-server (its own port and temporary directory, append-only
// on), joined with `redis-cli --cluster create`. Slots can be moved by hand (the resharding
// protocol, step by step) so a test can act while a slot is half migrated.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { freePort, startRedis, type RedisProcess } from './redis-server'

export interface ClusterNode {
  port: number
  dir: string
  pid: number
  /** The node's cluster id (CLUSTER MYID). */
  nodeId: string
}

export interface RedisCluster {
  /** redis+cluster://127.0.0.1:P1,127.0.0.1:P2,… */
  url: string
  nodes: ClusterNode[]
  /** Stops every node (SIGTERM, then SIGKILL) and removes their directories. */
  stop(): Promise<void>
  /** The master that owns the slot, as the first live node sees it. */
  nodeForSlot(slot: number): Promise<{ port: number; nodeId: string }>
  /** CLUSTER KEYSLOT: the slot the key (or its {hash tag}) falls in. */
  slotOf(key: string): Promise<number>
  /**
   * Moves a slot and its keys to the node on `toPort` (IMPORTING, MIGRATING, MIGRATE in
   * batches, SETSLOT NODE everywhere) and waits until every node agrees. `onStep` runs after
   * each batch while the slot is still migrating. Answers how many keys were moved.
   */
  migrateSlot(
    slot: number,
    toPort: number,
    options?: { batch?: number; onStep?: () => Promise<void> },
  ): Promise<number>
  /** `kill -9` of one node: no failover (there are no replicas), its slots go down. */
  killNode(port: number): Promise<void>
}

const SLOTS = 16384
/** The cluster bus listens on port + 10000, which must stay a valid port. */
const MAX_CLUSTER_PORT = 65535 - 10000
const READY_TIMEOUT_MS = 20_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

/** A free port whose bus port (+10000) is free too; none of `taken`. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = await freePort()
    if (port > MAX_CLUSTER_PORT || taken.has(port) || taken.has(port + 10000)) continue
    if (await portIsFree(port + 10000)) return port
  }
  throw new Error(`no free port ≤ ${MAX_CLUSTER_PORT} with a free cluster bus port`)
}

/** One command on one node over a short-lived connection; rejects when the node is down. */
export async function nodeCommand(port: number, ...args: string[]): Promise<unknown> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: false,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    const [name, ...rest] = args
    if (name === undefined) throw new Error('no command')
    return await client.call(name, ...rest)
  } finally {
    client.disconnect()
  }
}

type SlotRange = [start: number, end: number, master: [host: string, port: number, id: string]]

const clusterSlots = async (port: number): Promise<SlotRange[]> =>
  (await nodeCommand(port, 'CLUSTER', 'SLOTS')) as SlotRange[]

/** A node's slot map as one comparable string: sorted "start-end@port" ranges. */
const slotMapOf = (ranges: SlotRange[]): string =>
  ranges
    .map(([start, end, [, port]]) => ({ start, text: `${start}-${end}@${port}` }))
    .sort((a, b) => a.start - b.start)
    .map((range) => range.text)
    .join(',')

export async function startCluster(
  options: { masters?: number; extraArgs?: string[] } = {},
): Promise<RedisCluster> {
  const masters = options.masters ?? 3
  // redis-cli --cluster create refuses fewer than 3 masters.
  if (masters < 3) throw new Error(`a cluster needs at least 3 masters, not ${masters}`)
  const taken = new Set<number>()
  const servers = new Map<number, RedisProcess>()
  const killed = new Set<number>()
  const stopAll = async () => {
    await Promise.all([...servers.values()].map((server) => server.stop()))
  }

  try {
    for (let i = 0; i < masters; i++) {
      const port = await clusterPort(taken)
      taken.add(port).add(port + 10000)
      const server = await startRedis({
        port,
        extraArgs: [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '2000',
          ...(options.extraArgs ?? []),
        ],
      })
      servers.set(port, server)
    }
    const ports = [...servers.keys()]
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: READY_TIMEOUT_MS },
    )
    if (created.status !== 0) {
      throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`)
    }

    const livePorts = () => ports.filter((port) => !killed.has(port))

    /** Every live node says cluster_state:ok and all of them hold the same slot map. */
    const waitForAgreement = async (what: string) => {
      const deadline = Date.now() + READY_TIMEOUT_MS
      let last = ''
      while (Date.now() < deadline) {
        try {
          const states = await Promise.all(
            livePorts().map(async (port) => String(await nodeCommand(port, 'CLUSTER', 'INFO'))),
          )
          const maps = await Promise.all(
            livePorts().map(async (port) => slotMapOf(await clusterSlots(port))),
          )
          const allOk = states.every((info) => /^cluster_state:ok\r?$/m.test(info))
          if (allOk && new Set(maps).size === 1) return
          last = `states ok: ${allOk}, slot maps: ${JSON.stringify(maps)}`
        } catch (error) {
          last = String(error)
        }
        await sleep(100)
      }
      throw new Error(`cluster did not settle (${what}) in ${READY_TIMEOUT_MS} ms: ${last}`)
    }

    await waitForAgreement('after create')

    const nodes: ClusterNode[] = []
    for (const [port, server] of servers) {
      const nodeId = String(await nodeCommand(port, 'CLUSTER', 'MYID'))
      nodes.push({ port, dir: server.dir, pid: server.pid, nodeId })
    }
    const idOf = (port: number): string => {
      const node = nodes.find((candidate) => candidate.port === port)
      if (!node) throw new Error(`no cluster node on port ${port}`)
      return node.nodeId
    }
    const anyLivePort = (): number => {
      const port = livePorts()[0]
      if (port === undefined) throw new Error('no cluster node is running')
      return port
    }

    const nodeForSlot = async (slot: number) => {
      const range = (await clusterSlots(anyLivePort())).find(
        ([start, end]) => start <= slot && slot <= end,
      )
      if (!range) throw new Error(`slot ${slot} is not served`)
      const [, , [, port, nodeId]] = range
      return { port, nodeId }
    }

    return {
      url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`,
      nodes,
      stop: stopAll,
      nodeForSlot,
      slotOf: async (key) => Number(await nodeCommand(anyLivePort(), 'CLUSTER', 'KEYSLOT', key)),
      async migrateSlot(slot, toPort, { batch = 100, onStep } = {}) {
        if (!Number.isInteger(slot) || slot < 0 || slot >= SLOTS) {
          throw new Error(`no such slot: ${slot}`)
        }
        const source = await nodeForSlot(slot)
        const targetId = idOf(toPort)
        if (source.port === toPort) return 0
        // The target first: once the source says MIGRATING, clients get ASK to the target.
        await nodeCommand(toPort, 'CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', source.nodeId)
        await nodeCommand(source.port, 'CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', targetId)
        let moved = 0
        for (;;) {
          const keys = (await nodeCommand(
            source.port,
            'CLUSTER',
            'GETKEYSINSLOT',
            String(slot),
            String(batch),
          )) as string[]
          if (keys.length === 0) break
          await nodeCommand(
            source.port,
            'MIGRATE',
            '127.0.0.1',
            String(toPort),
            '',
            '0',
            '5000',
            'KEYS',
            ...keys,
          )
          moved += keys.length
          if (onStep) await onStep()
        }
        // The target first, so the slot never has no owner that accepts it.
        await nodeCommand(toPort, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId)
        await nodeCommand(source.port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId)
        for (const port of livePorts()) {
          if (port !== toPort && port !== source.port) {
            await nodeCommand(port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', targetId)
          }
        }
        await waitForAgreement(`slot ${slot} to ${toPort}`)
        return moved
      },
      async killNode(port) {
        const server = servers.get(port)
        if (!server) throw new Error(`no cluster node on port ${port}`)
        killed.add(port)
        await server.kill()
      },
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
