// Test helpers: an engine on the run's private Redis, and short-hand auction creation.
import { randomUUID } from 'node:crypto'
import { inject } from 'vitest'
import { AuctionEngine, connectRedis } from '../../src/main/engine'
import type { CreateAuctionInput } from '../../src/main/engine'
import type { Auction } from '../../src/shared/domain'
import type { RedisClient } from '../../src/main/engine'

export const redisUrl = (): string => inject('redisUrl')

export async function openEngine(): Promise<{
  engine: AuctionEngine
  redis: RedisClient
  close: () => Promise<void>
}> {
  const redis = await connectRedis({ url: redisUrl() })
  return { engine: new AuctionEngine(redis), redis, close: async () => void (await redis.quit()) }
}

export const uniqueId = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`

/** Creates and starts an auction (USD, start 10.00, increment 1.00, 1 hour) with overrides. */
export async function liveAuction(
  engine: AuctionEngine,
  overrides: Partial<CreateAuctionInput> = {},
): Promise<Auction> {
  const result = await engine.createAuction({
    title: 'Test lot',
    sellerId: uniqueId('seller'),
    startingPrice: '10.00',
    increment: '1.00',
    durationMs: 3_600_000,
    start: true,
    ...overrides,
  })
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result.error)}`)
  return result.auction
}
