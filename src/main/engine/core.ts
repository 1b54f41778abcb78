// What every part of the engine shares: the client, the script caller, the publish command
// and the registries.
import type { Cluster, Redis } from 'ioredis'
import type { Failure } from '../../shared/errors'
import { saleKeyList, saleKeys } from './keys'
import type { Registry } from './registry'
import type { ScriptCaller, ScriptName, ScriptReply } from './scripts'

export interface EngineCore {
  redis: Redis | Cluster
  run: ScriptCaller
  /** PUBLISH, or SPUBLISH on a Redis Cluster (sharded pub/sub). */
  publish: string
  registry: Registry
}

/** Runs a sale-wide script: the sale's eleven keys, then the common ARGV head. */
export function runSaleScript(
  core: EngineCore,
  name: ScriptName,
  saleId: string,
  args: (string | number)[],
): Promise<ScriptReply> {
  const keys = saleKeys(saleId)
  return core.run(name, saleKeyList(saleId), [
    core.publish,
    keys.channel,
    keys.lotPrefix,
    saleId,
    ...args,
  ])
}

/** A script's `{ 'err', json }` reply as a Failure, or null. */
export function scriptFailure(reply: ScriptReply): Failure | null {
  return reply[0] === 'err' ? (JSON.parse(String(reply[1])) as Failure) : null
}
