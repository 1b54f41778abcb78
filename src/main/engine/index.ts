// The auction engine: Redis connection, Lua scripts, scheduler and event feed.
// Plain Node only: nothing here may import electron.
export {
  AuctionEngine,
  type PlaceBidInput,
  type ListQuery,
  type EngineOptions,
  type DueBatch,
} from './engine'
export { Scheduler, type SchedulerOptions } from './scheduler'
export { openEventFeed, type EventFeed } from './events'
export {
  buildRedisOptions,
  connectRedis,
  scrubSecrets,
  isUnavailable,
  retryStrategy,
  DEFAULT_REDIS_URL,
  type ConnectionOptions,
} from './connection'
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
