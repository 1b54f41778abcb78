// The Redis server's clock in milliseconds: the one clock every rule and deadline uses.
import type { RedisClient } from './connection'

export async function serverTimeMs(redis: RedisClient): Promise<number> {
  const [seconds, micros] = await redis.time()
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
}
