// Which Redis the console talks to and how that connection is doing: REDIS_URL, saved
// settings or the embedded local server; connection state; "test connection".
export { ConnectionManager, endpointLabel, type ConnectionManagerOptions } from './manager'
export type { Link } from './link'
export { probeRedis, type ProbeResult } from './probe'
export {
  startEmbeddedRedis,
  embeddedDir,
  freePort,
  type EmbeddedServer,
  type EmbeddedProblem,
} from './embedded'
export { findRedisServer, installHint } from './redis-binary'
