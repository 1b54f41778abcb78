// The one factory for Redis clients: every command client and subscriber of the console,
// the CLI, the probe and the embedded server's check is built here, for one server, a
// Sentinel group or a Redis Cluster alike. Writes never queue while Redis is down: they
// fail fast with REDIS_UNAVAILABLE and the caller may retry with the same requestId.
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis'
import { parseRedisUrl, RedisUrlError, type RedisEndpoint } from './redis-url'

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

/** A command client or subscriber of any topology. */
export type RedisClient = Redis | Cluster

export type Durability = 'local' | 'replicated'

export interface ConnectionOptions {
  url?: string
  username?: string
  password?: string
  /** PEM text of a CA certificate for rediss:// */
  caCertificate?: string
  database?: number
  connectionName?: string
  commandTimeoutMs?: number
  /** A unix socket instead of the URL's host and port (the embedded server's check only). */
  socketPath?: string
  /** `replicated`: every acknowledged change waits for a replica (WAIT 1). */
  durability?: Durability
  /** How long a replicated change waits for its replica before NOT_REPLICATED. */
  replicationTimeoutMs?: number
}

/**
 * What a client is for:
 *  - command: the engine's commands; fails fast while down, never queues.
 *  - subscriber: the relay's; never queues, resubscribing is the relay's job.
 *  - feed: the CLI's `watch`; queues SUBSCRIBE while reconnecting, resubscribes itself.
 *  - probe: one try, for "Test connection" and checks.
 */
export type ClientPurpose = 'command' | 'subscriber' | 'feed' | 'probe'

export interface ClientOverrides {
  /** How long to wait before reconnect attempt n; null gives up. */
  retry?: (attempt: number) => number | null
  commandTimeoutMs?: number
  connectTimeoutMs?: number
}

/** Exponential backoff capped at 2 s, forever: a console keeps trying to come back. */
export const retryStrategy = (attempt: number): number =>
  Math.min(50 * 2 ** Math.min(attempt, 6), 2000)

/** The endpoint the options name (REDIS_URL, then the default). Throws RedisUrlError. */
export function endpointOf(options: ConnectionOptions = {}): RedisEndpoint {
  const endpoint = parseRedisUrl(options.url ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL)
  const username = options.username || endpoint.username
  const password = options.password || endpoint.password
  return {
    ...endpoint,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    database: options.database ?? endpoint.database,
  }
}

/** Builds (does not connect) a client for the purpose, of the topology the URL names. */
export function createRedisClient(
  options: ConnectionOptions,
  purpose: ClientPurpose,
  overrides: ClientOverrides = {},
): RedisClient {
  const endpoint = endpointOf(options)
  const retry = overrides.retry ?? (purpose === 'probe' ? () => null : retryStrategy)
  const commandTimeout =
    purpose === 'subscriber' || purpose === 'feed'
      ? undefined
      : (overrides.commandTimeoutMs ?? options.commandTimeoutMs ?? 5000)
  const queues = purpose === 'feed'
  const node: RedisOptions = {
    username: endpoint.username,
    password: endpoint.password,
    tls: endpoint.tls
      ? {
          ...(endpoint.topology === 'single' ? { servername: endpoint.nodes[0]?.host } : {}),
          ...(options.caCertificate ? { ca: options.caCertificate } : {}),
        }
      : undefined,
    connectionName: options.connectionName ?? `auction-console${suffix(purpose)}`,
    lazyConnect: true,
    enableOfflineQueue: queues,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: purpose === 'feed',
    maxRetriesPerRequest: queues ? null : 0,
    commandTimeout,
    connectTimeout: overrides.connectTimeoutMs ?? 5000,
  }
  const client =
    endpoint.topology === 'cluster'
      ? new Cluster(endpoint.nodes, clusterOptions(node, purpose, retry, queues))
      : new Redis({
          ...node,
          db: endpoint.database,
          retryStrategy: (attempt) => retry(attempt),
          ...(endpoint.topology === 'sentinel' ? sentinelOptions(endpoint, options, retry) : {}),
          ...(endpoint.topology === 'single'
            ? options.socketPath
              ? { path: options.socketPath }
              : { host: endpoint.nodes[0]?.host, port: endpoint.nodes[0]?.port }
            : {}),
        })
  // ioredis emits 'error' on every failed reconnect; state is reported elsewhere.
  client.on('error', () => undefined)
  return client
}

const suffix = (purpose: ClientPurpose): string =>
  purpose === 'command' ? '' : purpose === 'subscriber' ? ':relay' : `:${purpose}`

function clusterOptions(
  node: RedisOptions,
  purpose: ClientPurpose,
  retry: (attempt: number) => number | null,
  queues: boolean,
): ClusterOptions {
  return {
    redisOptions: node,
    lazyConnect: true,
    enableOfflineQueue: queues,
    // MOVED and ASK during a resharding are followed here, and a cluster that is briefly
    // down (a failover) is retried, within the command's own timeout.
    maxRedirections: 16,
    retryDelayOnMoved: 0,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    retryDelayOnFailover: 100,
    slotsRefreshTimeout: 2000,
    scaleReads: 'master',
    clusterRetryStrategy: (attempt) => retry(attempt),
    // A subscriber hears each sale's channel on the node that owns its slot (SSUBSCRIBE).
    shardedSubscribers: purpose === 'subscriber' || purpose === 'feed',
  }
}

function sentinelOptions(
  endpoint: RedisEndpoint,
  options: ConnectionOptions,
  retry: (attempt: number) => number | null,
): RedisOptions {
  return {
    sentinels: endpoint.nodes,
    name: endpoint.masterName,
    role: 'master',
    // Follows a failover as soon as the sentinels announce it, not at the next error.
    failoverDetector: true,
    sentinelRetryStrategy: (attempt) => retry(attempt),
    sentinelCommandTimeout: 2000,
    ...(endpoint.tls
      ? {
          enableTLSForSentinelMode: true,
          sentinelTLS: options.caCertificate ? { ca: options.caCertificate } : {},
        }
      : {}),
  }
}

export const isCluster = (client: RedisClient): client is Cluster => client instanceof Cluster

/** The command that publishes a sale's events: sharded on a cluster, classic elsewhere. */
export const publishCommandOf = (client: RedisClient): 'PUBLISH' | 'SPUBLISH' =>
  isCluster(client) ? 'SPUBLISH' : 'PUBLISH'

/** A connected command client. Rejects if the first connection fails. */
export async function connectRedis(options: ConnectionOptions = {}): Promise<RedisClient> {
  const client = createRedisClient(options, 'command')
  try {
    await client.connect()
  } catch (error) {
    client.disconnect() // stop the background reconnect loop
    throw error
  }
  return client
}

/**
 * A connected client of one server (or a Sentinel group's primary), for work that needs one
 * server's view: INFO, MONITOR, FLUSHALL in benchmarks and tests. Refuses a cluster URL.
 */
export async function connectRedisServer(options: ConnectionOptions = {}): Promise<Redis> {
  if (endpointOf(options).topology === 'cluster') {
    throw new RedisUrlError('a single server or a Sentinel group is needed here, not a cluster')
  }
  return (await connectRedis(options)) as Redis
}

/** Removes credentials from a URL or message before it is logged or shown. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(rediss?(?:\+sentinel|\+cluster)?:\/\/)([^@/\s]*)@/g, '$1***@')
    .replace(/(AUTH\s+)(\S+)(\s+\S+)?/gi, (_m, auth: string) => `${auth}***`)
}

const UNAVAILABLE = [
  /Stream isn't writeable/i,
  /Connection is closed/i,
  /Command timed out/i,
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH/,
  /MaxRetriesPerRequest/i,
  /LOADING/,
  /READONLY/,
  /MASTERDOWN|All sentinels are unreachable|Failed to connect to any sentinel/i,
  // A cluster in motion: down, a slot moving, or no node to ask.
  /CLUSTERDOWN|TRYAGAIN|^MOVED |^ASK |Too many Cluster redirections/,
  /Cluster isn't ready|None of startup nodes is available|Failed to refresh slots cache/i,
  // A script names only some of its keys (KEYS), so the node runs it on a migrating slot while
  // one of the keys it reaches is already on the target (or not there yet): Redis refuses that
  // key's command mid-script. The same "slot moving" as TRYAGAIN, but seen inside the script.
  /Script attempted to access a non local key/,
]

/** True for errors that mean "Redis cannot be reached right now". */
export function isUnavailable(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return UNAVAILABLE.some((pattern) => pattern.test(message))
}

/**
 * True for an ACL refusal: `NOPERM …` (Redis 7.2 and later), or, inside a script on Redis 7.0,
 * "The user executing the script can't publish to the channel …" and its siblings.
 */
export function isNoPermission(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /^NOPERM\b|user executing the script can't|no permissions to/i.test(message)
}
