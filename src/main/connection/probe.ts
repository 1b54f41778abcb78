// "Test connection": throw-away clients with no retries, all from the one factory. It says
// what it found for each topology: one server, a Sentinel group (the primary the sentinels
// name, its replicas, each sentinel) or a Redis Cluster (every node), with each node's role
// and version, whether sharded pub/sub is there, then the user's permissions
// (REDIS_NO_PERMISSION names a missing one) and whether the scripts will run as Redis
// Functions. Every failure is an answer with a scrubbed message, never an exception.
import type { Redis } from 'ioredis'
import type { RedisProbe, RedisProbeNode } from '../../shared/contract'
import { fail, type Result } from '../../shared/errors'
import {
  createRedisClient,
  endpointOf,
  isCluster,
  RedisUrlError,
  scrubSecrets,
  type ConnectionOptions,
  type RedisClient,
  type RedisEndpoint,
} from '../engine'
import { mayUseFunctions, missingPermission } from './permissions'

export type ProbeResult = RedisProbe
/** What the topology says, before the user's permissions are asked. */
type Discovered = Omit<RedisProbe, 'scripts'>

const AUTH = /WRONGPASS|NOAUTH|NOPERM|invalid username-password|AUTH failed/i
/** A node other than the one connected to (a replica, a sentinel) gets this long. */
const NODE_TIMEOUT_MS = 2000

export async function probeRedis(
  options: ConnectionOptions,
  timeoutMs = 8000,
): Promise<Result<ProbeResult>> {
  let endpoint: RedisEndpoint
  try {
    endpoint = endpointOf(options)
  } catch (error) {
    if (!(error instanceof RedisUrlError)) throw error
    return fail('INVALID_INPUT', error.message, { field: 'url' })
  }
  let client: RedisClient | undefined
  let lastError = ''
  try {
    client = createRedisClient({ ...options, connectionName: 'auction-console:test' }, 'probe', {
      commandTimeoutMs: timeoutMs,
    })
    client.on('error', (error: Error) => (lastError = error.message))
    const check = async (target: RedisClient): Promise<ProbeResult | string> => {
      const found = await discover(target, endpoint, options)
      // Reachable is not enough: the user must be able to do the console's work.
      const missing = await missingPermission(target)
      if (missing) return missing
      // Functions came with Redis 7.0, and the ACL must allow them too.
      const functions = majorOf(found.serverVersion) >= 7 && (await mayUseFunctions(target))
      return { ...found, scripts: functions ? 'functions' : 'evalsha' }
    }
    const result = await withTimeout(check(client), timeoutMs)
    if (typeof result === 'string') return fail('REDIS_NO_PERMISSION', result)
    return { ok: true, ...result }
  } catch (error) {
    const message = scrubSecrets([errorText(error), lastError].filter(Boolean).join(': '))
    if (AUTH.test(message)) {
      return fail('UNAUTHORIZED', `Redis refused the username or password (${message})`)
    }
    return fail('REDIS_UNAVAILABLE', `Cannot reach Redis: ${message}`)
  } finally {
    client?.disconnect()
  }
}

async function discover(
  client: RedisClient,
  endpoint: RedisEndpoint,
  options: ConnectionOptions,
): Promise<Discovered> {
  await client.connect()
  const started = performance.now()
  await client.ping()
  const latencyMs = Math.round((performance.now() - started) * 10) / 10
  if (isCluster(client)) {
    // After ready, the client knows every node from CLUSTER SLOTS: ask each one itself.
    const nodes = await Promise.all(client.nodes('all').map((node) => describeNode(node)))
    return summary(latencyMs, 'cluster', nodes)
  }
  const { info, ...primary } = await nodeInfo(client)
  const address =
    endpoint.topology === 'sentinel'
      ? `${client.stream.remoteAddress ?? '?'}:${client.stream.remotePort ?? '?'}`
      : addressOf(endpoint.nodes[0] ?? { host: '?', port: 0 })
  const self: RedisProbeNode = { address, ...primary, reachable: true }
  if (endpoint.topology !== 'sentinel') return summary(latencyMs, 'single', [self])
  const replicas = await Promise.all(
    replicasOf(info).map((replica) => probeAddress(replica, endpoint, options, 'data')),
  )
  const sentinels = await Promise.all(
    endpoint.nodes.map((node) => probeAddress(addressOf(node), endpoint, options, 'sentinel')),
  )
  return {
    ...summary(latencyMs, 'sentinel', [self, ...replicas, ...sentinels]),
    ...(endpoint.masterName ? { masterName: endpoint.masterName } : {}),
  }
}

function summary(
  latencyMs: number,
  topology: RedisProbe['topology'],
  nodes: RedisProbeNode[],
): Discovered {
  const primaries = nodes.filter((node) => node.role === 'primary' && node.reachable)
  const versions = primaries.map((node) => node.version).sort(compareVersions)
  return {
    latencyMs,
    serverVersion: versions[0] ?? 'unknown',
    topology,
    nodes,
    // A sharded channel must work on whichever primary owns the slot: all of them.
    shardedPubSub: primaries.length > 0 && versions.every((version) => majorOf(version) >= 7),
  }
}

/** One cluster node, over the cluster's own connection to it. */
async function describeNode(node: Redis): Promise<RedisProbeNode> {
  const address = addressOf({ host: node.options.host ?? '?', port: node.options.port ?? 0 })
  try {
    const { role, version } = await withTimeout(nodeInfo(node), NODE_TIMEOUT_MS)
    return { address, role, version, reachable: true }
  } catch {
    return { address, role: 'replica', version: '', reachable: false }
  }
}

/**
 * A replica or a sentinel, over a short-lived probe client of its own (redis:// of that one
 * server). A sentinel gets no credentials: it has users of its own, usually none, and the
 * data nodes' password must not go to it.
 */
async function probeAddress(
  address: string,
  endpoint: RedisEndpoint,
  options: ConnectionOptions,
  kind: 'data' | 'sentinel',
): Promise<RedisProbeNode> {
  const fallback: RedisProbeNode = {
    address,
    role: kind === 'sentinel' ? 'sentinel' : 'replica',
    version: '',
    reachable: false,
  }
  let client: RedisClient | undefined
  try {
    client = createRedisClient(
      {
        url: `${endpoint.tls ? 'rediss' : 'redis'}://${address}`,
        ...(kind === 'data'
          ? { username: endpoint.username, password: endpoint.password }
          : { username: undefined, password: undefined }),
        caCertificate: options.caCertificate,
        connectionName: 'auction-console:test',
      },
      'probe',
      { commandTimeoutMs: NODE_TIMEOUT_MS, connectTimeoutMs: NODE_TIMEOUT_MS },
    )
    const target = client
    const found = await withTimeout(
      (async () => {
        await target.connect()
        return nodeInfo(target, kind === 'sentinel')
      })(),
      NODE_TIMEOUT_MS,
    )
    return {
      address,
      role: kind === 'sentinel' ? 'sentinel' : found.role,
      version: found.version,
      reachable: true,
    }
  } catch {
    return fallback
  } finally {
    client?.disconnect()
  }
}

/** INFO server (+ replication for a data node): version and role. */
async function nodeInfo(
  client: RedisClient,
  sentinel = false,
): Promise<{ role: 'primary' | 'replica'; version: string; info: string }> {
  const server = await client.info('server')
  const replication = sentinel ? '' : await client.info('replication')
  return {
    version: field(server, 'redis_version') || 'unknown',
    role: field(replication, 'role') === 'slave' ? 'replica' : 'primary',
    info: replication,
  }
}

/** The replicas a primary lists in INFO replication: `slaveN:ip=…,port=…,state=…`. */
function replicasOf(replication: string): string[] {
  return [...replication.matchAll(/^slave\d+:(.*?)\r?$/gm)].flatMap((match) => {
    const pairs = new Map(
      (match[1] ?? '').split(',').map((pair) => pair.split('=') as [string, string]),
    )
    const ip = pairs.get('ip')
    const port = Number(pairs.get('port'))
    return ip && port > 0 ? [addressOf({ host: ip, port })] : []
  })
}

const field = (info: string, name: string): string =>
  new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1]?.trim() ?? ''

const addressOf = ({ host, port }: { host: string; port: number }): string =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`

const majorOf = (version: string): number => Number(/^(\d+)/.exec(version)?.[1] ?? 0)

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map((part) => Number(part) || 0)
  const [left, right] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no answer in time')), timeoutMs).unref(),
    ),
  ])
}
