// Reference-counted channel subscriptions on the one subscriber connection. What is wanted
// is the truth; the connection follows it when it can and catches up after a reconnect.
import type { Redis } from 'ioredis'

export class Subscriptions {
  private readonly wanted = new Map<string, number>()
  /** The SUBSCRIBE in flight (or done) per channel, so a second watcher waits for it too. */
  private readonly pending = new Map<string, Promise<void>>()
  private client: Redis | null = null

  /** Uses a new subscriber connection (after the settings changed). */
  attach(client: Redis): void {
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
    try {
      await client[command](...channels)
    } catch {
      // A connection that just dropped: the next resubscribe() repairs it.
    }
  }
}
