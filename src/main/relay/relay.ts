// The live relay: one subscriber connection for the whole process, fanned out to the
// windows and tabs. Auction channels are reference-counted across sessions; the list
// channel goes to everyone. Events pass through untouched (seq included): the UI applies
// them by seq and asks for a snapshot on a gap.
import type { Redis } from 'ioredis'
import type { PushSink } from '../api/types'
import type { Auction, AuctionEvent } from '../../shared/domain'
import { AUCTION_LIST_CHANNEL, auctionChannel } from '../../shared/domain'
import { decodeEvent } from '../engine/codec'
import { presenceChannel } from '../presence'
import { EventBatcher } from './batcher'
import { Subscriptions } from './subscriptions'

export interface RelayOptions {
  /** A fresh, unredacted auction for snapshots; null when it cannot be read. */
  fetchAuction: (auctionId: string) => Promise<Auction | null>
  /** What one session may see of an auction (reserve amounts). */
  redact: (auction: Auction, sessionId: string) => Auction
  /** Batch window for auction:events pushes. */
  batchMs?: number
}

interface RelaySession {
  push: PushSink
  batcher: EventBatcher
  watched: Set<string>
}

const CHANNEL = /^auction:\{(.+)\}:(events|presence)$/

export class Relay {
  private readonly sessions = new Map<string, RelaySession>()
  /** auctionId → sessions watching it. */
  private readonly watchers = new Map<string, Set<string>>()
  private readonly subscriptions = new Subscriptions()
  private client: Redis | null = null
  private readonly onMessage = (channel: string, payload: string): void =>
    this.route(channel, payload)

  constructor(private readonly options: RelayOptions) {
    void this.subscriptions.add(AUCTION_LIST_CHANNEL)
  }

  /** Uses this subscriber connection from now on (idempotent). */
  attach(client: Redis): void {
    if (this.client === client) return
    this.client?.off('message', this.onMessage)
    this.client = client
    client.on('message', this.onMessage)
    this.subscriptions.attach(client)
  }

  addSession(sessionId: string, push: PushSink): void {
    const batcher = new EventBatcher(
      (events) => safely(() => push('auction:events', events)),
      this.options.batchMs ?? 16,
    )
    this.sessions.set(sessionId, { push, batcher, watched: new Set() })
  }

  async removeSession(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session) return
    this.sessions.delete(sessionId)
    session.batcher.close()
    await Promise.all([...session.watched].map((auctionId) => this.drop(sessionId, auctionId)))
  }

  /** Starts events for a session; resolves once the subscription is in place. */
  async watch(sessionId: string, auctionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session) return
    if (session.watched.has(auctionId)) return
    session.watched.add(auctionId)
    const watchers = this.watchers.get(auctionId) ?? new Set<string>()
    watchers.add(sessionId)
    this.watchers.set(auctionId, watchers)
    await Promise.all([
      this.subscriptions.add(auctionChannel(auctionId)),
      this.subscriptions.add(presenceChannel(auctionId)),
    ])
  }

  async unwatch(sessionId: string, auctionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session?.watched.delete(auctionId)) return
    await this.drop(sessionId, auctionId)
  }

  isWatching(sessionId: string, auctionId: string): boolean {
    return this.sessions.get(sessionId)?.watched.has(auctionId) ?? false
  }

  /** Channels wanted right now (for diagnostics and tests). */
  channels(): string[] {
    return this.subscriptions.channels()
  }

  /** A snapshot for one session, after its queued events so the order holds. */
  pushSnapshot(sessionId: string, auction: Auction): void {
    this.send(sessionId, (push) => push('auction:snapshot', { auction }))
  }

  pushViewers(sessionId: string, auctionId: string, viewers: number): void {
    this.send(sessionId, (push) => push('auction:viewers', { auctionId, viewers }))
  }

  /**
   * After a reconnect (or new settings): subscribe again, then read fresh snapshots and
   * push them, so no console keeps a stale price. Subscribing first means no event falls
   * between a snapshot and the live stream.
   */
  async resync(): Promise<void> {
    await this.subscriptions.resubscribe()
    await Promise.all(
      [...this.watchers].map(async ([auctionId, sessionIds]) => {
        const auction = await this.options.fetchAuction(auctionId)
        if (!auction) return
        for (const sessionId of sessionIds) {
          this.pushSnapshot(sessionId, this.options.redact(auction, sessionId))
        }
      }),
    )
  }

  close(): void {
    this.client?.off('message', this.onMessage)
    for (const session of this.sessions.values()) session.batcher.close()
    this.sessions.clear()
    this.watchers.clear()
  }

  private send(sessionId: string, run: (push: PushSink) => void): void {
    const session = this.sessions.get(sessionId)
    if (!session) return
    session.batcher.flush()
    safely(() => run(session.push))
  }

  private async drop(sessionId: string, auctionId: string): Promise<void> {
    const watchers = this.watchers.get(auctionId)
    watchers?.delete(sessionId)
    if (watchers?.size === 0) this.watchers.delete(auctionId)
    await Promise.all([
      this.subscriptions.remove(auctionChannel(auctionId)),
      this.subscriptions.remove(presenceChannel(auctionId)),
    ])
  }

  private route(channel: string, payload: string): void {
    if (channel === AUCTION_LIST_CHANNEL) {
      const event = parse(payload)
      if (event) for (const session of this.sessions.values()) session.batcher.add(event)
      return
    }
    const match = CHANNEL.exec(channel)
    if (!match) return
    const [, auctionId = '', kind] = match
    const sessionIds = this.watchers.get(auctionId)
    if (!sessionIds) return
    if (kind === 'events') {
      const event = parse(payload)
      if (!event || event.auctionId !== auctionId) return
      for (const sessionId of sessionIds) this.sessions.get(sessionId)?.batcher.add(event)
      return
    }
    const viewers = parseViewers(payload)
    if (viewers === null) return
    for (const sessionId of sessionIds) {
      this.pushViewers(sessionId, auctionId, viewers)
    }
  }
}

function parse(payload: string): AuctionEvent | null {
  try {
    const event = decodeEvent(payload)
    return typeof event.auctionId === 'string' && Number.isInteger(event.seq) ? event : null
  } catch {
    return null
  }
}

function parseViewers(payload: string): number | null {
  try {
    const viewers = (JSON.parse(payload) as { viewers?: unknown }).viewers
    return typeof viewers === 'number' && Number.isInteger(viewers) ? viewers : null
  } catch {
    return null
  }
}

/** A push to a window that just closed must not break the relay for everyone else. */
function safely(run: () => void): void {
  try {
    run()
  } catch {
    // the session's transport is gone; closeSession follows
  }
}
