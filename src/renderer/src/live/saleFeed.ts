// The sale side of the feed: reference-counted sale watches (the sale page), resync of a
// watched sale on a gap (its events wait for the snapshot), and the reads the store asks
// for (a sale heard of but not held, a sale's lots after lots were added or edited).
import type { AuctionApi } from '../../../shared/contract'
import type { SaleChannelEvent } from '../../../shared/domain'
import type { ConsoleStore, FeedItem, IngestReport } from '../store'

export interface SaleFeed {
  /** Watches every event of a sale; the returned function leaves it. */
  watch: (saleId: string) => () => void
  isWatched: (saleId: string) => boolean
  /** Re-reads a watched sale (sales:watch answers a fresh snapshot). */
  resync: (saleId: string) => Promise<void>
  /** Keeps back the events of sales being re-read; answers the others. */
  hold: (events: SaleChannelEvent[]) => SaleChannelEvent[]
  react: (report: IngestReport) => void
  /** After a reconnect: watch everything again. */
  rewatchAll: () => void
}

/** Runs one read per key at a time; a request while one runs reads once more after it. */
function serialReads(read: (key: string) => Promise<void>): (key: string) => void {
  const running = new Set<string>()
  const again = new Set<string>()
  const run = (key: string): void => {
    if (running.has(key)) {
      again.add(key)
      return
    }
    running.add(key)
    void read(key)
      .catch(() => undefined)
      .finally(() => {
        running.delete(key)
        if (again.delete(key)) run(key)
      })
  }
  return run
}

/** How soon a sale's watch over the session's cap is asked again. */
const WATCH_RETRY_MS = 1000

export function createSaleFeed(
  api: AuctionApi,
  store: ConsoleStore,
  /** Applies items to the store and reacts to its report (the feed's own ingest). */
  apply: (items: FeedItem[]) => void,
): SaleFeed {
  const counts = new Map<string, number>()
  const resyncing = new Set<string>()
  const held = new Map<string, SaleChannelEvent[]>()

  async function resync(saleId: string): Promise<void> {
    if (resyncing.has(saleId)) return
    resyncing.add(saleId)
    held.set(saleId, [])
    const answer = await api.call('sales:watch', { saleId }).catch(() => null)
    const waiting = (held.get(saleId) ?? []).sort((a, b) => a.seq - b.seq)
    resyncing.delete(saleId)
    held.delete(saleId)
    if (answer && !answer.ok && answer.error.code === 'SALE_NOT_FOUND')
      store.getState().saleRefused(saleId, answer.error)
    // Past the session's cap for a moment: asked again while a screen still wants it.
    if (answer && !answer.ok && answer.error.code === 'TOO_MANY_WATCHES') {
      setTimeout(() => {
        if (isWatched(saleId)) void resync(saleId)
      }, WATCH_RETRY_MS)
    }
    // Without a snapshot the waiting events are dropped: the next one reports the gap again.
    if (!answer?.ok) return
    const items: FeedItem[] = [
      { kind: 'saleSnapshot', saleId, sale: answer.sale, lots: answer.lots },
    ]
    if (waiting.length > 0) items.push({ kind: 'saleEvents', events: waiting })
    apply(items)
  }

  const readLots = serialReads(async (saleId) => {
    const answer = await api.call('sales:lots', { saleId })
    if (answer.ok) apply([{ kind: 'saleSnapshot', saleId, sale: null, lots: answer.lots }])
  })

  const readSale = serialReads(async (saleId) => {
    const answer = await api.call('sales:get', { saleId })
    if (answer.ok) store.getState().upsertSales([answer.sale])
  })

  const isWatched = (saleId: string): boolean => (counts.get(saleId) ?? 0) > 0

  return {
    watch: (saleId) => {
      const count = (counts.get(saleId) ?? 0) + 1
      counts.set(saleId, count)
      if (count === 1) void resync(saleId)
      let released = false
      return () => {
        if (released) return
        released = true
        counts.set(saleId, (counts.get(saleId) ?? 1) - 1)
        // Deferred: leaving the sale page for a screen that watches it again keeps the watch.
        setTimeout(() => {
          if (isWatched(saleId) || !counts.has(saleId)) return
          counts.delete(saleId)
          void api.call('sales:unwatch', { saleId }).catch(() => undefined)
        }, 0)
      }
    },
    isWatched,
    resync,
    hold: (events) =>
      events.filter((event) => {
        const waiting = held.get(event.saleId)
        if (!waiting) return true
        waiting.push(event)
        return false
      }),
    react: (report) => {
      for (const saleId of report.saleGaps) if (isWatched(saleId)) void resync(saleId)
      for (const saleId of report.saleLotsStale) readLots(saleId)
      for (const saleId of report.unknownSales) readSale(saleId)
    },
    rewatchAll: () => {
      for (const saleId of counts.keys()) if (isWatched(saleId)) void resync(saleId)
    },
  }
}
