// How many consoles watch an auction, across machines: each watching session is a member
// of a sorted set scored by its expiry, refreshed by a heartbeat. A console that dies
// simply stops refreshing and is pruned by the next script run of anyone else.
import { publishCommandOf, type RedisClient } from '../engine'
import {
  PRESENCE_LUA,
  presenceChannel,
  viewersCountKey,
  viewersKey,
  type PresenceMode,
} from './script'

export interface PresenceOptions {
  /** The command connection of the current link, if any. */
  client: () => RedisClient | null
  /** Unique per console process: members are `<instanceId>:<sessionId>`. */
  instanceId: string
  ttlMs?: number
  heartbeatMs?: number
  publishCommand?: 'PUBLISH' | 'SPUBLISH'
}

type PresenceClient = RedisClient & {
  auctionPresence(...args: (string | number)[]): Promise<number>
}

export class Presence {
  /** auctionId → sessions of this process counted as viewers. */
  private readonly joined = new Map<string, Set<string>>()
  private readonly defined = new WeakSet<RedisClient>()
  private readonly timer: NodeJS.Timeout
  private readonly ttlMs: number

  constructor(private readonly options: PresenceOptions) {
    this.ttlMs = options.ttlMs ?? 15_000
    this.timer = setInterval(() => void this.beatAll(), options.heartbeatMs ?? 5_000)
    this.timer.unref()
  }

  /** Counts the session as a viewer; answers the count (0 when Redis is unreachable). */
  async join(auctionId: string, sessionId: string): Promise<number> {
    const sessions = this.joined.get(auctionId) ?? new Set<string>()
    sessions.add(sessionId)
    this.joined.set(auctionId, sessions)
    return (await this.run(auctionId, 'join', sessionId)) ?? 0
  }

  async leave(auctionId: string, sessionId: string): Promise<void> {
    const sessions = this.joined.get(auctionId)
    if (!sessions?.delete(sessionId)) return
    if (sessions.size === 0) this.joined.delete(auctionId)
    await this.run(auctionId, 'leave', sessionId)
  }

  /** A window or tab went away: it views nothing any more. */
  async leaveSession(sessionId: string): Promise<void> {
    const auctions = [...this.joined].filter(([, sessions]) => sessions.has(sessionId))
    await Promise.all(auctions.map(([auctionId]) => this.leave(auctionId, sessionId)))
  }

  async count(auctionId: string): Promise<number> {
    return (await this.run(auctionId, 'count', '')) ?? 0
  }

  isViewing(auctionId: string, sessionId: string): boolean {
    return this.joined.get(auctionId)?.has(sessionId) ?? false
  }

  /** Refreshes every member of this process (the heartbeat; also right after a reconnect). */
  async beatAll(): Promise<void> {
    const work: Promise<unknown>[] = []
    for (const [auctionId, sessions] of this.joined) {
      for (const sessionId of sessions) work.push(this.run(auctionId, 'join', sessionId))
    }
    await Promise.all(work)
  }

  /** Stops the heartbeat and leaves everywhere (best effort: expiry covers the rest). */
  async close(): Promise<void> {
    clearInterval(this.timer)
    const work: Promise<unknown>[] = []
    for (const [auctionId, sessions] of this.joined) {
      for (const sessionId of sessions) work.push(this.run(auctionId, 'leave', sessionId))
    }
    this.joined.clear()
    await Promise.all(work)
  }

  private async run(
    auctionId: string,
    mode: PresenceMode,
    sessionId: string,
  ): Promise<number | null> {
    const client = this.options.client()
    if (!client || client.status !== 'ready') return null
    if (!this.defined.has(client)) {
      client.defineCommand('auctionPresence', { lua: PRESENCE_LUA, numberOfKeys: 2 })
      this.defined.add(client)
    }
    try {
      return await (client as PresenceClient).auctionPresence(
        viewersKey(auctionId),
        viewersCountKey(auctionId),
        this.options.publishCommand ?? publishCommandOf(client),
        presenceChannel(auctionId),
        auctionId,
        mode,
        `${this.options.instanceId}:${sessionId}`,
        this.ttlMs,
      )
    } catch {
      return null
    }
  }
}
