// REDIS_DURABILITY and REDIS_REPLICATION_TIMEOUT_MS, for the CLI and the web mode (the
// desktop console keeps the same choice in its settings).
import type { ConnectionOptions } from './connection'
import { RedisUrlError } from './redis-url'

export function durabilityFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<ConnectionOptions, 'durability' | 'replicationTimeoutMs'> {
  const durability = env.REDIS_DURABILITY?.trim() || 'local'
  if (durability !== 'local' && durability !== 'replicated') {
    throw new RedisUrlError('REDIS_DURABILITY must be local or replicated')
  }
  const timeout = env.REDIS_REPLICATION_TIMEOUT_MS?.trim()
  if (timeout !== undefined && timeout !== '' && !/^\d{1,6}$/.test(timeout)) {
    throw new RedisUrlError('REDIS_REPLICATION_TIMEOUT_MS must be a whole number of milliseconds')
  }
  return {
    durability,
    ...(timeout ? { replicationTimeoutMs: Math.max(1, Number(timeout)) } : {}),
  }
}
