// The three connection forms, as Settings, REDIS_URL and the CLI take them.
import { describe, expect, it } from 'vitest'
import {
  durabilityFromEnv,
  endpointText,
  parseRedisUrl,
  RedisUrlError,
  scrubSecrets,
  splitUrlCredentials,
} from '../../src/main/engine'

describe('parseRedisUrl', () => {
  it('reads one server with user, password, database and TLS', () => {
    expect(parseRedisUrl('rediss://clerk:p%40ss@redis.example:6380/3')).toEqual({
      topology: 'single',
      nodes: [{ host: 'redis.example', port: 6380 }],
      database: 3,
      tls: true,
      username: 'clerk',
      password: 'p@ss',
    })
    expect(parseRedisUrl('redis://[::1]')).toMatchObject({ nodes: [{ host: '::1', port: 6379 }] })
  })

  it('reads a Sentinel group: the sentinels and the master name', () => {
    expect(parseRedisUrl('redis+sentinel://:secret@10.0.0.1:26379,10.0.0.2/auction')).toEqual({
      topology: 'sentinel',
      nodes: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
      ],
      masterName: 'auction',
      database: 0,
      tls: false,
      password: 'secret',
    })
    expect(parseRedisUrl('rediss+sentinel://s1:1/house/2')).toMatchObject({
      tls: true,
      masterName: 'house',
      database: 2,
    })
  })

  it('reads a cluster: every seed node', () => {
    const endpoint = parseRedisUrl('redis+cluster://a:7000,b:7001,c:7002')
    expect(endpoint.topology).toBe('cluster')
    expect(endpoint.nodes.map((n) => `${n.host}:${n.port}`)).toEqual(['a:7000', 'b:7001', 'c:7002'])
    expect(endpointText(endpoint)).toBe('redis+cluster://a:7000,b:7001,c:7002')
  })

  it.each([
    ['http://host:1', /must start with redis:\/\//],
    ['redis://a:1,b:2', /names one server/],
    ['redis+sentinel://h:26379', /master name/],
    ['redis+cluster://a:1/2', /database 0 only/],
    ['redis://host:99999', /out of range/],
    ['redis://host:1/x', /not a number/],
    ['redis+cluster://a:1,,b:2', /not host:port/],
  ])('refuses %s, saying why', (url, why) => {
    expect(() => parseRedisUrl(url)).toThrow(RedisUrlError)
    expect(() => parseRedisUrl(url)).toThrow(why)
  })

  it('takes the credentials out of any form, and scrubs them from text', () => {
    expect(splitUrlCredentials('redis+cluster://u:p%3Aw@a:1,b:2')).toEqual({
      url: 'redis+cluster://a:1,b:2',
      username: 'u',
      password: 'p:w',
    })
    expect(scrubSecrets('cannot reach rediss+sentinel://u:secret@h:1/m')).toBe(
      'cannot reach rediss+sentinel://***@h:1/m',
    )
  })
})

describe('durabilityFromEnv', () => {
  it('is local unless told, and refuses anything else', () => {
    expect(durabilityFromEnv({})).toEqual({ durability: 'local' })
    expect(
      durabilityFromEnv({ REDIS_DURABILITY: 'replicated', REDIS_REPLICATION_TIMEOUT_MS: '250' }),
    ).toEqual({ durability: 'replicated', replicationTimeoutMs: 250 })
    expect(() => durabilityFromEnv({ REDIS_DURABILITY: 'sync' })).toThrow(/local or replicated/)
    expect(() => durabilityFromEnv({ REDIS_REPLICATION_TIMEOUT_MS: '1s' })).toThrow(/whole number/)
  })
})
