// The three connection forms a console accepts (Settings, REDIS_URL, the CLI):
//   redis://[user:pass@]host:port[/db]                      one server
//   redis+sentinel://[user:pass@]h1:p1,h2:p2/<masterName>   Sentinel (primary + replicas)
//   redis+cluster://[user:pass@]h1:p1,h2:p2                 Redis Cluster
// each with a `rediss` variant for TLS. The credentials are the data nodes' ACL user.

export type RedisTopology = 'single' | 'sentinel' | 'cluster'

export interface RedisNodeAddress {
  host: string
  port: number
}

export interface RedisEndpoint {
  topology: RedisTopology
  /** The server (single), the sentinels, or the cluster's seed nodes. */
  nodes: RedisNodeAddress[]
  /** Sentinel only: the name the sentinels monitor the primary under. */
  masterName?: string
  /** Logical database (single and Sentinel; a cluster has only database 0). */
  database: number
  tls: boolean
  username?: string
  password?: string
}

export class RedisUrlError extends Error {}

const SCHEMES: Record<string, { topology: RedisTopology; tls: boolean }> = {
  'redis:': { topology: 'single', tls: false },
  'rediss:': { topology: 'single', tls: true },
  'redis+sentinel:': { topology: 'sentinel', tls: false },
  'rediss+sentinel:': { topology: 'sentinel', tls: true },
  'redis+cluster:': { topology: 'cluster', tls: false },
  'rediss+cluster:': { topology: 'cluster', tls: true },
}

const DEFAULT_PORT: Record<RedisTopology, number> = { single: 6379, sentinel: 26379, cluster: 6379 }

/** Parses a connection URL; throws RedisUrlError saying what is wrong (no secret in it). */
export function parseRedisUrl(text: string): RedisEndpoint {
  const scheme = /^([a-z+]+:)\/\//i.exec(text.trim())?.[1]?.toLowerCase()
  const kind = scheme === undefined ? undefined : SCHEMES[scheme]
  if (!scheme || !kind) {
    throw new RedisUrlError(
      'the URL must start with redis://, rediss://, redis+sentinel://, redis+cluster:// (or their rediss variants)',
    )
  }
  const rest = text.trim().slice(scheme.length + 2)
  const at = rest.lastIndexOf('@')
  const credentials = at >= 0 ? rest.slice(0, at) : ''
  const afterCredentials = at >= 0 ? rest.slice(at + 1) : rest
  const slash = afterCredentials.indexOf('/')
  const hostList = slash >= 0 ? afterCredentials.slice(0, slash) : afterCredentials
  const path = slash >= 0 ? afterCredentials.slice(slash + 1).replace(/\?.*$/, '') : ''
  const nodes = hostList.split(',').map((part) => parseNode(part, DEFAULT_PORT[kind.topology]))
  if (kind.topology === 'single' && nodes.length !== 1) {
    throw new RedisUrlError('redis:// names one server; use redis+cluster:// for several nodes')
  }
  const [user, pass] = splitCredentials(credentials)
  const endpoint: RedisEndpoint = {
    topology: kind.topology,
    nodes,
    database: 0,
    tls: kind.tls,
    ...(user ? { username: user } : {}),
    ...(pass ? { password: pass } : {}),
  }
  if (kind.topology === 'sentinel') {
    const [masterName, database] = path.split('/')
    if (!masterName) {
      throw new RedisUrlError('redis+sentinel:// needs the master name: …/<masterName>')
    }
    endpoint.masterName = decodeURIComponent(masterName)
    endpoint.database = parseDatabase(database ?? '')
  } else if (kind.topology === 'cluster') {
    if (path !== '' && path !== '0') throw new RedisUrlError('a Redis Cluster has database 0 only')
  } else {
    endpoint.database = parseDatabase(path)
  }
  return endpoint
}

function parseNode(part: string, defaultPort: number): RedisNodeAddress {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/i.exec(part.trim())
  if (!match) throw new RedisUrlError(`"${part}" is not host:port`)
  const port = match[2] === undefined ? defaultPort : Number(match[2])
  if (port < 1 || port > 65535) throw new RedisUrlError(`port ${port} is out of range`)
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port }
}

function splitCredentials(text: string): [string, string] {
  if (text === '') return ['', '']
  const colon = text.indexOf(':')
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value)
    } catch {
      throw new RedisUrlError('the user or password in the URL is not valid percent-encoding')
    }
  }
  return colon < 0
    ? [decode(text), '']
    : [decode(text.slice(0, colon)), decode(text.slice(colon + 1))]
}

function parseDatabase(text: string): number {
  if (text === '') return 0
  if (!/^\d{1,2}$/.test(text)) throw new RedisUrlError(`database "${text}" is not a number`)
  return Number(text)
}

/** The URL without its credentials, for labels and logs. */
export function endpointText(endpoint: RedisEndpoint): string {
  const scheme = `${endpoint.tls ? 'rediss' : 'redis'}${endpoint.topology === 'single' ? '' : `+${endpoint.topology}`}`
  const hosts = endpoint.nodes
    .map(({ host, port }) => `${host.includes(':') ? `[${host}]` : host}:${port}`)
    .join(',')
  const tail =
    endpoint.topology === 'sentinel'
      ? `/${endpoint.masterName ?? ''}${endpoint.database ? `/${endpoint.database}` : ''}`
      : endpoint.database
        ? `/${endpoint.database}`
        : ''
  return `${scheme}://${hosts}${tail}`
}

/**
 * The URL with its `user:pass@` taken out, and what was there (decoded): the settings keep
 * credentials in their own fields, never in a URL that is shown or stored.
 */
export function splitUrlCredentials(text: string): {
  url: string
  username: string
  password: string
} {
  const match = /^([a-z+]+:\/\/)([^@/]*)@(.*)$/is.exec(text.trim())
  if (!match) return { url: text, username: '', password: '' }
  const [user, pass] = (() => {
    try {
      return splitCredentials(match[2] as string)
    } catch {
      return [match[2] as string, '']
    }
  })()
  return { url: `${match[1] as string}${match[3] as string}`, username: user, password: pass }
}
