// A shell test file's shared set-up: one console on the test Redis, a Redis connection to
// look behind it, and a tab signed in as a seller.
import type { RedisClient } from '../../src/main/engine'
import { connectRedis } from '../../src/main/engine'
import { redisUrl } from '../support/engine'
import {
  connectClient,
  seller,
  signIn,
  startConsole,
  type TestClient,
  type TestConsole,
} from './support'

export interface SellerConsole {
  server: TestConsole
  redis: RedisClient
  owner: TestClient
}

/** `operatorId`: the seller's id (a fresh one if not given). */
export async function startSellerConsole(operatorId?: string): Promise<SellerConsole> {
  const server = await startConsole({ redisUrl: redisUrl() })
  const redis = await connectRedis({ url: redisUrl() })
  const owner = await connectClient(server)
  await signIn(owner.api, seller(operatorId))
  return { server, redis, owner }
}

export async function stopSellerConsole(set: SellerConsole): Promise<void> {
  set.owner.close()
  await set.server.stop()
  await set.redis.quit()
}
