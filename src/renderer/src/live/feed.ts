// The one place where pushes from the main side reach the store. Events are buffered and
// applied once per animation frame, by seq; a gap (or an unknown auction) fetches a fresh
// snapshot while that auction's later events wait; going live again re-reads the clock and
// re-watches everything. Who is signed in is the main side's to keep (live/session.ts).
import type { AuctionApi, ConnectionStatus } from '../../../shared/contract'
import type { Auction, AuctionEvent, BidEntry } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { isStaffOrSeller } from '../lib/access'
import { bidderName } from '../lib/format'
import type { ConsoleStore, FeedItem, IngestReport } from '../store'
import { oldestId } from '../store/bidList'
import { measureClockOffset } from './clock'
import { createFrameBuffer, type FrameScheduler } from './frameBuffer'
import { notify } from './notify'
import { createSaleFeed, type SaleFeed } from './saleFeed'
import { createWatches, type Watches } from './watches'

export const HISTORY_PAGE = 500

export interface Feed {
  watches: Watches
  /** Sale watches (the sale page) and the reads that keep sales current. */
  sales: SaleFeed
  /** Reads the newest page of an auction's bids (the room opens it). */
  loadNewestBids: (auctionId: string) => Promise<void>
  /** Reads the page before the oldest bid held, when the history scrolls there. */
  loadOlderBids: (auctionId: string) => Promise<void>
  /** Fetches a fresh snapshot and replaces what we hold. */
  resync: (auctionId: string) => Promise<void>
  /**
   * A command's answer (start, end, cancel) applied like any snapshot: its end is announced
   * here too, so the console that pressed End gets the end dialog as the others do.
   */
  applyAuction: (auction: Auction) => void
  stop: () => void
}

export interface FeedOptions {
  schedule?: FrameScheduler
  /** How often the server clock is re-read while live. */
  clockEveryMs?: number
}

export function startFeed(api: AuctionApi, store: ConsoleStore, options: FeedOptions = {}): Feed {
  const resyncing = new Set<string>()
  const held = new Map<string, AuctionEvent[]>()
  const endingNotified = new Set<string>()
  const endedNotified = new Set<string>()

  const buffer = createFrameBuffer<FeedItem>((items) => ingest(items), options.schedule)

  function ingest(items: FeedItem[]): void {
    // Events of an auction (or a sale) being re-read wait for its snapshot.
    const ready: FeedItem[] = items.map((item) => {
      if (item.kind === 'saleEvents') return { kind: 'saleEvents', events: sales.hold(item.events) }
      if (item.kind !== 'events') return item
      const events = item.events.filter((event) => {
        if (!resyncing.has(event.auctionId)) return true
        held.get(event.auctionId)?.push(event)
        return false
      })
      return { kind: 'events', events }
    })
    apply(ready)
  }

  function apply(items: FeedItem[]): void {
    react(store.getState().ingest(items, Date.now(), sales.isWatched))
  }

  const sales = createSaleFeed(api, store, apply)

  function react(report: IngestReport): void {
    sales.react(report)
    for (const auctionId of report.gaps) void resync(auctionId)
    for (const auctionId of report.historyBehind) void loadNewestBids(auctionId)
    for (const { auctionId, bids } of report.bids) toastBids(auctionId, bids)
    for (const auctionId of report.ended) announceEnd(auctionId)
  }

  async function resync(auctionId: string): Promise<void> {
    if (resyncing.has(auctionId)) return
    resyncing.add(auctionId)
    held.set(auctionId, [])
    const answer = await api.call('auctions:get', { auctionId }).catch(() => null)
    const waiting = (held.get(auctionId) ?? []).sort((a, b) => a.seq - b.seq)
    resyncing.delete(auctionId)
    held.delete(auctionId)
    if (answer && !answer.ok && answer.error.code === 'AUCTION_NOT_FOUND')
      store.getState().watchRefused(auctionId, answer.error)
    const items: FeedItem[] = []
    if (answer?.ok) items.push({ kind: 'snapshot', auction: answer.auction })
    // Without a snapshot the waiting events are dropped: the next one reports the gap again.
    if (answer?.ok && waiting.length > 0) items.push({ kind: 'events', events: waiting })
    if (items.length > 0) apply(items)
  }

  async function loadNewestBids(auctionId: string): Promise<void> {
    const state = store.getState()
    if (!state.histories[auctionId]) return
    state.historyLoading(auctionId)
    const answer = await api
      .call('bids:history', { auctionId, limit: HISTORY_PAGE })
      .catch(() => null)
    if (answer?.ok) store.getState().historyPage(auctionId, answer.bids)
    else store.getState().historyFailed(auctionId, answer?.error.message ?? 'no connection')
  }

  async function loadOlderBids(auctionId: string): Promise<void> {
    const history = store.getState().histories[auctionId]
    if (!history || history.loading || history.complete) return
    const oldest = oldestId(history)
    if (!oldest) return loadNewestBids(auctionId)
    store.getState().historyLoading(auctionId)
    const answer = await api
      .call('bids:history', { auctionId, limit: HISTORY_PAGE, before: oldest })
      .catch(() => null)
    if (answer?.ok) store.getState().historyPage(auctionId, answer.bids)
    else store.getState().historyFailed(auctionId, answer?.error.message ?? 'no connection')
  }

  const starred = (auctionId: string): boolean => store.getState().starred.includes(auctionId)
  const openRoom = (): string | null => {
    const route = store.getState().route
    return route.screen === 'room' ? route.auctionId : null
  }

  function toastBids(auctionId: string, bids: BidEntry[]): void {
    if (!starred(auctionId) || openRoom() === auctionId) return
    const auction = store.getState().auctions[auctionId]
    const top = bids.reduce((a, b) => (b.id > a.id ? b : a))
    if (!auction) return
    store.getState().pushToast({
      tone: 'info',
      auctionId,
      text: `${auction.title}: ${formatMoney(top.amount, auction.currency)} by ${bidderName(top.bidderId, isStaffOrSeller(store.getState().profile, auction.sellerId))}`,
    })
  }

  function announceEnd(auctionId: string): void {
    const auction = store.getState().auctions[auctionId]
    if (!auction) return
    if (openRoom() === auctionId) store.getState().openEndDialog(auctionId)
    if (starred(auctionId) && !endedNotified.has(auctionId)) {
      endedNotified.add(auctionId)
      const price = formatMoney(
        auction.result?.finalPrice ?? auction.currentPrice,
        auction.currency,
      )
      const text = auction.result?.winnerId
        ? `Sold for ${price}`
        : `Ended without a sale (${price})`
      store.getState().pushToast({ tone: 'success', auctionId, text: `${auction.title}: ${text}` })
      notify(`Auction ended: ${auction.title}`, text)
    }
  }

  /** Once a second: starred auctions entering their last minute get a notification. */
  function checkEnding(): void {
    const state = store.getState()
    const now = Date.now() + state.clockOffset
    for (const auctionId of state.starred) {
      const auction = state.auctions[auctionId]
      if (!auction || auction.status !== 'active' || auction.endsAt === null) continue
      const left = auction.endsAt - now
      if (left > 0 && left <= 60_000 && !endingNotified.has(auctionId)) {
        endingNotified.add(auctionId)
        const text = `${auction.title} ends in under a minute`
        state.pushToast({ tone: 'warning', auctionId, text })
        notify('Auction ending', text)
      }
    }
  }

  async function syncClock(): Promise<void> {
    const offset = await measureClockOffset(api)
    if (offset !== null) store.getState().setClockOffset(offset)
  }

  function onConnection(status: ConnectionStatus): void {
    const previous = store.getState().connection.state
    store.getState().setConnection(status)
    if (status.state === 'live' && previous !== 'live') {
      // A new (or re-established) connection: the main side may have lost our watches.
      watches.rewatchAll()
      sales.rewatchAll()
      void syncClock()
      store.getState().markLive()
    }
  }

  const watches = createWatches(
    api,
    (auction: Auction, viewers: number) => {
      buffer.push({ kind: 'snapshot', auction })
      store.getState().setViewers(auction.id, viewers)
    },
    (auctionId, error) => store.getState().watchRefused(auctionId, error),
  )

  const unsubscribers = [
    api.on('auction:events', (events) => buffer.push({ kind: 'events', events })),
    api.on('auction:snapshot', ({ auction }) => buffer.push({ kind: 'snapshot', auction })),
    api.on('sale:events', (events) => buffer.push({ kind: 'saleEvents', events })),
    api.on('sale:snapshot', ({ sale, lots }) =>
      buffer.push({ kind: 'saleSnapshot', saleId: sale.id, sale, lots }),
    ),
    api.on('auction:viewers', ({ auctionId, viewers }) =>
      store.getState().setViewers(auctionId, viewers),
    ),
    api.on('connection:state', onConnection),
  ]
  void api
    .call('connection:status', {})
    .then((status) => {
      if (status.ok) {
        const { ok: _ok, ...connection } = status
        onConnection(connection)
      }
    })
    .catch(() => undefined)
  const clockTimer = setInterval(() => {
    if (store.getState().connection.state === 'live') void syncClock()
  }, options.clockEveryMs ?? 60_000)
  const endingTimer = setInterval(checkEnding, 1000)

  return {
    watches,
    sales,
    loadNewestBids,
    loadOlderBids,
    resync,
    applyAuction: (auction) => apply([{ kind: 'snapshot', auction }]),
    stop: () => {
      for (const unsubscribe of unsubscribers) unsubscribe()
      clearInterval(clockTimer)
      clearInterval(endingTimer)
    },
  }
}
