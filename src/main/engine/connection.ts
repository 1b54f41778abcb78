// The one place that builds Redis clients. Writes never queue while Redis is down: they
// fail fast with REDIS_UNAVAILABLE and the caller may retry with the same requestId.
import { Redis, type RedisOptions } from 'ioredis'

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

export interface ConnectionOptions {
  url?: string
  username?: string
  password?: string
  /** PEM text of a CA certificate for rediss:// */
  caCertificate?: string
  database?: number
  connectionName?: string
  commandTimeoutMs?: number
}

/** Exponential backoff capped at 2 s, forever: a console keeps trying to come back. */
export const retryStrategy = (attempt: number): number =>
  Math.min(50 * 2 ** Math.min(attempt, 6), 2000)

export function buildRedisOptions(options: ConnectionOptions = {}): RedisOptions {
  const url = new URL(options.url ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL)
  const tls = url.protocol === 'rediss:'
  const fromPath = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    username: options.username || decodeURIComponent(url.username) || undefined,
    password: options.password || decodeURIComponent(url.password) || undefined,
    db: options.database ?? fromPath,
    tls: tls
      ? {
          servername: url.hostname,
          ...(options.caCertificate ? { ca: options.caCertificate } : {}),
        }
      : undefined,
    connectionName: options.connectionName ?? 'auction-console',
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 5000,
    connectTimeout: 5000,
    retryStrategy,
  }
}

/** A connected client. Rejects if the first connection fails. */
export async function connectRedis(options: ConnectionOptions = {}): Promise<Redis> {
  const client = new Redis(buildRedisOptions(options))
  // ioredis emits 'error' on every failed reconnect; state is reported elsewhere.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    client.disconnect() // stop the background reconnect loop
    throw error
  }
  return client
}

/** Removes credentials from a URL or message before it is logged or shown. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(rediss?:\/\/)([^@/\s]*)@/g, '$1***@')
    .replace(/(AUTH\s+)(\S+)(\s+\S+)?/gi, (_m, auth: string) => `${auth}***`)
}

const UNAVAILABLE = [
  /Stream isn't writeable/i,
  /Connection is closed/i,
  /Command timed out/i,
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH/,
  /MaxRetriesPerRequest/i,
  /LOADING/,
  /CLUSTERDOWN|TRYAGAIN/,
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
