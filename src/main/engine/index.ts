// The auction engine: Redis connection, Lua scripts, scheduler and event feed.
// Plain Node only: nothing here may import electron.
export {
  AuctionEngine,
  type PlaceBidInput,
  type ListQuery,
  type EngineOptions,
  type DueBatch,
} from './engine'
export { durabilityFromEnv } from './durability-env'
export { Scheduler, type SchedulerOptions } from './scheduler'
export { openEventFeed, type EventFeed } from './events'
export {
  connectRedis,
  connectRedisServer,
  createRedisClient,
  endpointOf,
  isCluster,
  publishCommandOf,
  scrubSecrets,
  isUnavailable,
  retryStrategy,
  DEFAULT_REDIS_URL,
  type ClientPurpose,
  type ConnectionOptions,
  type Durability,
  type RedisClient,
} from './connection'
export {
  endpointText,
  parseRedisUrl,
  RedisUrlError,
  splitUrlCredentials,
  type RedisEndpoint,
  type RedisTopology,
} from './redis-url'
export {
  auctionKeys,
  indexKeys,
  lotKeys,
  registryKeys,
  saleKeys,
  saleKeyList,
  SCHEMA_KEY,
  SCHEMA_VERSION,
} from './keys'
export type { CatalogueRow } from './lots'
export { resolveLuaDir } from './scripts'
export type { CreateAuctionInput, AmountInput } from './validation'
