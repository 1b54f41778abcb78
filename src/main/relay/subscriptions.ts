// Reference-counted channel subscriptions on the one subscriber connection. What is wanted
// is the truth; the connection follows it when it can and catches up after a reconnect.
// On a Redis Cluster a channel with a hash tag (a sale's, a lot's presence) is sharded: it
// is heard with SSUBSCRIBE on the node that owns its slot. The list channels stay classic.
import { isCluster, type RedisClient } from '../engine'

export class Subscriptions {
  private readonly wanted = new Map<string, number>()
  /** The SUBSCRIBE in flight (or done) per channel, so a second watcher waits for it too. */
  private readonly pending = new Map<string, Promise<void>>()
  private client: RedisClient | null = null

  /** Uses a new subscriber connection (after the settings changed). */
  attach(client: RedisClient): void {
    this.client = client
    this.pending.clear()
  }

  /** One more interest; the first one subscribes. Resolves once Redis confirmed (or failed). */
  add(channel: string): Promise<void> {
    const count = (this.wanted.get(channel) ?? 0) + 1
    this.wanted.set(channel, count)
    if (count === 1) this.pending.set(channel, this.send('subscribe', [channel]))
    return this.pending.get(channel) ?? Promise.resolve()
  }

  /** One interest fewer; the last one unsubscribes. */
  async remove(channel: string): Promise<void> {
    const count = (this.wanted.get(channel) ?? 0) - 1
    if (count > 0) {
      this.wanted.set(channel, count)
      return
    }
    if (!this.wanted.delete(channel)) return
    this.pending.delete(channel)
    await this.send('unsubscribe', [channel])
  }

  count(channel: string): number {
    return this.wanted.get(channel) ?? 0
  }

  channels(): string[] {
    return [...this.wanted.keys()]
  }

  /** After a reconnect: subscribe everything wanted again (SUBSCRIBE is idempotent). */
  async resubscribe(): Promise<void> {
    const channels = this.channels()
    if (channels.length === 0) return
    const done = this.send('subscribe', channels)
    for (const channel of channels) this.pending.set(channel, done)
    await done
  }

  private async send(command: 'subscribe' | 'unsubscribe', channels: string[]): Promise<void> {
    const client = this.client
    // While the connection is down nothing is sent: resubscribe() runs when it is live.
    if (!client || client.status !== 'ready') return
    const sharded = isCluster(client) ? channels.filter(isShardedChannel) : []
    const classic = channels.filter((channel) => !sharded.includes(channel))
    const calls: Promise<unknown>[] = []
    if (classic.length > 0) calls.push(client[command](...classic))
    // One SSUBSCRIBE per channel: channels of different slots cannot share one.
    const shardedCommand = command === 'subscribe' ? 'ssubscribe' : 'sunsubscribe'
    for (const channel of sharded) calls.push(client[shardedCommand](channel))
    try {
      await Promise.all(calls)
    } catch {
      // A connection that just dropped: the next resubscribe() repairs it.
    }
  }
}

/** A channel that belongs to one slot (it carries a hash tag), sharded on a cluster. */
export const isShardedChannel = (channel: string): boolean => /\{[^}]+\}/.test(channel)
