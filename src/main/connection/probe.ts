// "Test connection": one throw-away client, no retries, a PING for the round trip and the
// server version, then the user's permissions (REDIS_NO_PERMISSION names a missing one). Every failure is an answer with a scrubbed message, never an exception.
import { fail, type Result } from '../../shared/errors'
import {
  createRedisClient,
  scrubSecrets,
  type ConnectionOptions,
  type RedisClient,
} from '../engine'
import { missingPermission } from './permissions'

export interface ProbeResult {
  latencyMs: number
  serverVersion: string
}

const AUTH = /WRONGPASS|NOAUTH|NOPERM|invalid username-password|AUTH failed/i

export async function probeRedis(
  options: ConnectionOptions,
  timeoutMs = 8000,
): Promise<Result<ProbeResult>> {
  let client: RedisClient | undefined
  let lastError = ''
  try {
    client = createRedisClient({ ...options, connectionName: 'auction-console:test' }, 'probe', {
      commandTimeoutMs: timeoutMs,
    })
    client.on('error', (error: Error) => (lastError = error.message))
    const work = async (target: RedisClient): Promise<ProbeResult> => {
      await target.connect()
      const started = performance.now()
      await target.ping()
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      const info = await target.info('server')
      const serverVersion = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown'
      return { latencyMs, serverVersion }
    }
    const check = async (target: RedisClient): Promise<ProbeResult | string> => {
      const found = await work(target)
      // Reachable is not enough: the user must be able to do the console's work.
      return (await missingPermission(target)) ?? found
    }
    const result = await Promise.race([
      check(client),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no answer in time')), timeoutMs).unref(),
      ),
    ])
    if (typeof result === 'string') return fail('REDIS_NO_PERMISSION', result)
    return { ok: true, ...result }
  } catch (error) {
    const message = scrubSecrets(
      [error instanceof Error ? error.message : String(error), lastError]
        .filter(Boolean)
        .join(': '),
    )
    if (AUTH.test(message)) {
      return fail('UNAUTHORIZED', `Redis refused the username or password (${message})`)
    }
    return fail('REDIS_UNAVAILABLE', `Cannot reach Redis: ${message}`)
  } finally {
    client?.disconnect()
  }
}
