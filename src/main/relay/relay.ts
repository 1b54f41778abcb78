// The live relay: one subscriber connection for the whole process, fanned out to the
// windows and tabs. Each sale has one channel that carries the events of the sale and of
// all its lots; a lot watch and a sale watch both hold a reference-counted subscription to
// it. A lot watcher gets only its lot's events ('auction:events'), a sale watcher all of
// them ('sale:events'). The two list channels go to everyone. Events pass through untouched
// (seq included): the UI applies them by seq and asks for a snapshot on a gap.
import type { RedisClient } from '../engine'
import type { PushSink } from '../api/types'
import type { Auction, AuctionEvent, Lot, Sale, SaleChannelEvent } from '../../shared/domain'
import {
  AUCTION_LIST_CHANNEL,
  SALE_LIST_CHANNEL,
  auctionChannel,
  isLotEvent,
  saleChannel,
} from '../../shared/domain'
import { presenceChannel } from '../presence'
import { EventBatcher } from './batcher'
import { parseEvent, parseViewers } from './payloads'
import { Subscriptions } from './subscriptions'

export interface SaleSnapshot {
  sale: Sale
  lots: Lot[]
}

export interface RelayOptions {
  /** A fresh, unredacted auction (lot) for snapshots; null when it cannot be read. */
  fetchAuction: (auctionId: string) => Promise<Auction | null>
  /** A fresh, unredacted sale and its lots (sale read first); null when it cannot be read. */
  fetchSale: (saleId: string) => Promise<SaleSnapshot | null>
  /** What one session may see of a lot (reserve amounts). */
  redact: (auction: Auction, sessionId: string) => Auction
  /** What one session may see of a sale (the seller's side of its terms); default: all. */
  redactSale?: (sale: Sale, sessionId: string) => Sale
  /** Batch window for event pushes (default 16 ms, a frame; 0: each turn's events at once). */
  batchMs?: number
}

interface RelaySession {
  push: PushSink
  lotEvents: EventBatcher<AuctionEvent>
  saleEvents: EventBatcher<SaleChannelEvent>
  /** Watched lots (auctions). */
  watched: Set<string>
  watchedSales: Set<string>
}

const SALE_EVENTS = /^sale:\{(.+)\}:events$/
const PRESENCE = /^auction:\{(.+)\}:presence$/

/** Any event of a sale is one per sale seq: the list copy of a sale event goes once. */
const saleKey = (event: SaleChannelEvent): string => `${event.saleId}:${event.seq}`

export class Relay {
  private readonly sessions = new Map<string, RelaySession>()
  /** lotId → sessions watching it. */
  private readonly watchers = new Map<string, Set<string>>()
  /** saleId → sessions watching the whole sale. */
  private readonly saleWatchers = new Map<string, Set<string>>()
  private readonly subscriptions = new Subscriptions()
  /** Channels the process itself listens on (not fanned out to sessions). */
  private readonly listeners = new Map<string, (payload: string) => void>()
  private client: RedisClient | null = null
  private readonly onMessage = (channel: string, payload: string): void =>
    this.route(channel, payload)

  constructor(private readonly options: RelayOptions) {
    void this.subscriptions.add(AUCTION_LIST_CHANNEL)
    void this.subscriptions.add(SALE_LIST_CHANNEL)
  }

  /** Uses this subscriber connection from now on (idempotent). */
  attach(client: RedisClient): void {
    if (this.client === client) return
    this.client?.off('message', this.onMessage)
    this.client?.off('smessage', this.onMessage)
    this.client = client
    client.on('message', this.onMessage)
    client.on('smessage', this.onMessage)
    this.subscriptions.attach(client)
  }

  /** Hands every message of `channel` to `handler`, on this connection and the next ones. */
  listen(channel: string, handler: (payload: string) => void): Promise<void> {
    this.listeners.set(channel, handler)
    return this.subscriptions.add(channel)
  }

  hasSession(sessionId: string): boolean {
    return this.sessions.has(sessionId)
  }

  addSession(sessionId: string, push: PushSink): void {
    const windowMs = this.options.batchMs ?? 16
    const lotEvents = new EventBatcher<AuctionEvent>(
      (events) => safely(() => push('auction:events', events)),
      windowMs,
    )
    const saleEvents = new EventBatcher<SaleChannelEvent>(
      (events) => safely(() => push('sale:events', events)),
      windowMs,
      undefined,
      saleKey,
    )
    this.sessions.set(sessionId, {
      push,
      lotEvents,
      saleEvents,
      watched: new Set(),
      watchedSales: new Set(),
    })
  }

  async removeSession(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session) return
    this.sessions.delete(sessionId)
    session.lotEvents.close()
    session.saleEvents.close()
    await Promise.all([
      ...[...session.watched].map((auctionId) => this.drop(sessionId, auctionId)),
      ...[...session.watchedSales].map((saleId) => this.dropSale(sessionId, saleId)),
    ])
  }

  /** Starts a lot's events for a session; resolves once the subscription is in place. */
  async watch(sessionId: string, auctionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session || session.watched.has(auctionId)) return
    session.watched.add(auctionId)
    join(this.watchers, auctionId, sessionId)
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

  /** Starts every event of a sale for a session; resolves once subscribed. */
  async watchSale(sessionId: string, saleId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session || session.watchedSales.has(saleId)) return
    session.watchedSales.add(saleId)
    join(this.saleWatchers, saleId, sessionId)
    await this.subscriptions.add(saleChannel(saleId))
  }

  async unwatchSale(sessionId: string, saleId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    if (!session?.watchedSales.delete(saleId)) return
    await this.dropSale(sessionId, saleId)
  }

  isWatching(sessionId: string, auctionId: string): boolean {
    return this.sessions.get(sessionId)?.watched.has(auctionId) ?? false
  }

  isWatchingSale(sessionId: string, saleId: string): boolean {
    return this.sessions.get(sessionId)?.watchedSales.has(saleId) ?? false
  }

  /** Lots and sales a session watches (the API caps it). */
  watchCount(sessionId: string): number {
    const session = this.sessions.get(sessionId)
    return session ? session.watched.size + session.watchedSales.size : 0
  }

  /** Channels wanted right now (for diagnostics and tests). */
  channels(): string[] {
    return this.subscriptions.channels()
  }

  /** A snapshot for one session, after its queued events so the order holds. */
  pushSnapshot(sessionId: string, auction: Auction): void {
    this.send(sessionId, (push) => push('auction:snapshot', { auction }))
  }

  pushSaleSnapshot(sessionId: string, snapshot: SaleSnapshot): void {
    const lots = snapshot.lots.map((lot) => this.options.redact(lot, sessionId))
    const sale = this.options.redactSale?.(snapshot.sale, sessionId) ?? snapshot.sale
    this.send(sessionId, (push) => push('sale:snapshot', { sale, lots }))
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
    const lots = [...this.watchers].map(async ([auctionId, sessionIds]) => {
      const auction = await this.options.fetchAuction(auctionId)
      if (!auction) return
      for (const sessionId of sessionIds) {
        this.pushSnapshot(sessionId, this.options.redact(auction, sessionId))
      }
    })
    const sales = [...this.saleWatchers].map(async ([saleId, sessionIds]) => {
      const snapshot = await this.options.fetchSale(saleId)
      if (!snapshot) return
      for (const sessionId of sessionIds) this.pushSaleSnapshot(sessionId, snapshot)
    })
    await Promise.all([...lots, ...sales])
  }

  close(): void {
    this.client?.off('message', this.onMessage)
    this.client?.off('smessage', this.onMessage)
    for (const session of this.sessions.values()) {
      session.lotEvents.close()
      session.saleEvents.close()
    }
    this.sessions.clear()
    this.watchers.clear()
    this.saleWatchers.clear()
  }

  private send(sessionId: string, run: (push: PushSink) => void): void {
    const session = this.sessions.get(sessionId)
    if (!session) return
    session.lotEvents.flush()
    session.saleEvents.flush()
    safely(() => run(session.push))
  }

  private async drop(sessionId: string, auctionId: string): Promise<void> {
    leave(this.watchers, auctionId, sessionId)
    await Promise.all([
      this.subscriptions.remove(auctionChannel(auctionId)),
      this.subscriptions.remove(presenceChannel(auctionId)),
    ])
  }

  private async dropSale(sessionId: string, saleId: string): Promise<void> {
    leave(this.saleWatchers, saleId, sessionId)
    await this.subscriptions.remove(saleChannel(saleId))
  }

  private route(channel: string, payload: string): void {
    const listener = this.listeners.get(channel)
    if (listener) return safely(() => listener(payload))
    // A list channel's event goes to the sessions that do not watch its lot or sale: a
    // watcher hears it on the sale's channel. On a cluster the two copies come over
    // different connections, too far apart for the batcher to see they are one event.
    if (channel === AUCTION_LIST_CHANNEL) {
      const event = parseEvent(payload)
      if (event && isLotEvent(event))
        for (const session of this.sessions.values())
          if (!session.watched.has(event.auctionId)) session.lotEvents.add(event)
      return
    }
    if (channel === SALE_LIST_CHANNEL) {
      const event = parseEvent(payload)
      if (event)
        for (const session of this.sessions.values())
          if (!session.watchedSales.has(event.saleId)) session.saleEvents.add(event)
      return
    }
    const sale = SALE_EVENTS.exec(channel)
    if (sale) return this.routeSaleEvent(sale[1] ?? '', payload)
    const presence = PRESENCE.exec(channel)
    if (!presence) return
    const auctionId = presence[1] ?? ''
    const viewers = parseViewers(payload)
    if (viewers === null) return
    for (const sessionId of this.watchers.get(auctionId) ?? []) {
      this.pushViewers(sessionId, auctionId, viewers)
    }
  }

  private routeSaleEvent(saleId: string, payload: string): void {
    const event = parseEvent(payload)
    if (!event || event.saleId !== saleId) return
    if (isLotEvent(event)) {
      for (const sessionId of this.watchers.get(event.auctionId) ?? []) {
        this.sessions.get(sessionId)?.lotEvents.add(event)
      }
    }
    for (const sessionId of this.saleWatchers.get(saleId) ?? []) {
      this.sessions.get(sessionId)?.saleEvents.add(event)
    }
  }
}

function join(map: Map<string, Set<string>>, key: string, sessionId: string): void {
  const sessions = map.get(key) ?? new Set<string>()
  sessions.add(sessionId)
  map.set(key, sessions)
}

function leave(map: Map<string, Set<string>>, key: string, sessionId: string): void {
  const sessions = map.get(key)
  sessions?.delete(sessionId)
  if (sessions?.size === 0) map.delete(key)
}

/** A push to a window that just closed must not break the relay for everyone else. */
function safely(run: () => void): void {
  try {
    run()
  } catch {
    // the session's transport is gone; closeSession follows
  }
}
