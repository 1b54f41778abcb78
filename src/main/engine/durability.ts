// The durability setting: with `replicated`, a state change is acknowledged only once at least
// one replica holds it. After a writing script answers anything but a refusal, `WAIT 1 <ms>` goes
// on the same connection (WAIT counts the replicas that reached the offset of that connection's
// own writes). A refusal wrote nothing, so it answers at once, with no WAIT: the WAIT is sent
// after the script's reply, not pipelined with it (a pipelined WAIT would hold a refusal's
// answer for the whole timeout while no replica is connected, and ioredis re-sends a NOSCRIPT
// script after the rest of a pipeline, i.e. after the WAIT).
import { Command, type Cluster, type Redis } from 'ioredis'
import { fail, type Failure } from '../../shared/errors'
import type { ScriptCaller, ScriptName } from './scripts'

export type Durability = 'local' | 'replicated'

export interface DurabilityOptions {
  /** `local` (default): acknowledged once the primary ran it. `replicated`: and a replica holds it. */
  durability?: Durability
  /** How long `replicated` waits for a replica, in ms (default 1000). */
  replicationTimeoutMs?: number
}

export const DEFAULT_REPLICATION_TIMEOUT_MS = 1000

/** Scripts that write nothing a caller relies on: a read, and the scheduler's due-time hint. */
const NOT_WAITED: ReadonlySet<ScriptName> = new Set<ScriptName>(['dueSales', 'settleDue'])

/** The change is in the primary, but no replica confirmed it in time. */
export class NotReplicatedError extends Error {
  constructor(
    readonly replicas: number,
    readonly timeoutMs: number,
  ) {
    super(
      `Accepted by the primary but not confirmed by a replica within ${timeoutMs} ms; retry with the same requestId`,
    )
    this.name = 'NotReplicatedError'
  }

  get failure(): Failure {
    return fail('NOT_REPLICATED', this.message, {
      replicas: this.replicas,
      timeoutMs: this.timeoutMs,
    })
  }
}

/**
 * `WAIT 1 <ms>` routed like a command on `key`: on a Cluster client to the primary of the key's
 * slot, the connection the script ran on (a keyless WAIT would go to a random node); a
 * single-server client has one connection anyway.
 */
class WaitCommand extends Command {
  private readonly keySlot: number

  constructor(key: string, timeoutMs: number) {
    super('wait', [1, timeoutMs])
    // ioredis' own slot of the key (the hash tag counted), as for the script.
    this.keySlot = new Command('exists', [key]).getSlot()
  }

  override getSlot(): number {
    return this.keySlot
  }
}

/** The script caller as the durability setting wants it: as is for `local`. */
export function withDurability(
  run: ScriptCaller,
  client: Redis | Cluster,
  options: DurabilityOptions = {},
): ScriptCaller {
  if ((options.durability ?? 'local') === 'local') return run
  const timeoutMs = options.replicationTimeoutMs ?? DEFAULT_REPLICATION_TIMEOUT_MS
  return async (name, keys, args) => {
    const reply = await run(name, keys, args)
    // A refusal (a bid rejection included) wrote nothing: nothing to wait for.
    if (NOT_WAITED.has(name) || reply[0] === 'err') return reply
    // A duplicate request waits too: the first answer may not have reached a replica.
    const replicas = Number(await client.sendCommand(new WaitCommand(keys[0] ?? '', timeoutMs)))
    if (replicas < 1) throw new NotReplicatedError(replicas, timeoutMs)
    return reply
  }
}
