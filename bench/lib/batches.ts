// Pipelined batches of script calls on one connection, and the lowest Redis µs per call that
// each kind of batch showed (INFO commandstats): how the dev benches (cuts, variants) compare
// scripts. The lowest of several rounds, because the machine's speed moves between batches.
import type { ChainableCommander, Redis } from 'ioredis'
import { scriptUsDuring } from './commandstats'

export class LowestPerCall {
  private readonly lowest = new Map<string, number>()

  constructor(
    private readonly redis: Redis,
    private readonly size: number,
  ) {}

  /** Queues `size` calls, checks every reply, and keeps the lowest µs per call for `key`. */
  async batch<P extends ChainableCommander = ChainableCommander>(
    key: string,
    queue: (pipeline: P, index: number) => void,
    expected: (reply: unknown) => boolean,
  ): Promise<void> {
    const pipeline = this.redis.pipeline() as P
    for (let i = 0; i < this.size; i++) queue(pipeline, i)
    let replies: [Error | null, unknown][] = []
    const us = await scriptUsDuring(this.redis, async () => {
      replies = (await pipeline.exec()) ?? []
    })
    const failed = replies.find(([error, reply]) => error || !expected(reply))
    if (failed) throw new Error(`${key}: ${String(failed[0] ?? JSON.stringify(failed[1]))}`)
    this.lowest.set(key, Math.min(this.lowest.get(key) ?? Infinity, us))
  }

  /** The lowest µs per call seen for `key`; NaN before its first batch. */
  of(key: string): number {
    return this.lowest.get(key) ?? NaN
  }
}
