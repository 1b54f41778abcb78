// Repeated failed sign-ins of one account are slowed down: failures are counted in Redis
// (so every console sees them) for a window after the last one, and from the fifth on each
// failure refuses further attempts, unchecked, for 2^(n-5) s, at most 15 min. Unknown ids
// are counted alike, so the slow-down does not tell which ids exist. Attempts sent in
// parallel before the first of them is counted all get their check (each costs a scrypt).
import type { Cluster, Redis } from 'ioredis'
import { operatorKeys } from '../engine/keys'

const WINDOW_MS = 15 * 60_000
const FREE_FAILURES = 5
const MAX_WAIT_MS = 15 * 60_000

export class SlowDown {
  constructor(private readonly redis: Redis | Cluster) {}

  /** How long this account must still wait (ms), or 0. */
  async waitMs(id: string): Promise<number> {
    const ttl = await this.redis.pttl(operatorKeys(id).blocked)
    return ttl > 0 ? ttl : 0
  }

  /** Counts a failure; returns the wait it imposes (ms), or 0. */
  async failed(id: string): Promise<number> {
    const keys = operatorKeys(id)
    // Both keys carry the account's tag: one slot, so MULTI also works on a cluster.
    const replies = await this.redis
      .multi()
      .incr(keys.failures)
      .pexpire(keys.failures, WINDOW_MS)
      .exec()
    const count = Number(replies?.[0]?.[1] ?? 0)
    if (count < FREE_FAILURES) return 0
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(count - FREE_FAILURES, 30))
    await this.redis.set(keys.blocked, '1', 'PX', wait)
    return wait
  }

  /** A success forgets the account's failures. */
  async succeeded(id: string): Promise<void> {
    const keys = operatorKeys(id)
    await this.redis.del(keys.failures, keys.blocked)
  }
}
