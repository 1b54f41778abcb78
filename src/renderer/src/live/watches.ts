// Reference-counted watches for this window: the list, the room and the starred set may
// all want the same auction; the main side hears one watch and one unwatch. Only the room
// counts this console as a viewer (presence); list rows and starred auctions watch quietly.
import type { Auction } from '../../../shared/domain'
import type { AuctionApi } from '../../../shared/contract'
import type { CommandError } from '../../../shared/errors'

export interface Watches {
  /** Starts (or joins) a watch; the returned function leaves it. */
  acquire: (auctionId: string, options?: { presence?: boolean }) => () => void
  /** After a reconnect: watch everything again (each answer is a fresh snapshot). */
  rewatchAll: () => void
  watched: () => string[]
}

/** How soon a watch over the session's cap is asked again. */
const RETRY_MS = 1000

interface Count {
  total: number
  present: number
  /** The presence the main side was last told. */
  told: boolean | null
}

export function createWatches(
  api: AuctionApi,
  onSnapshot: (auction: Auction, viewers: number) => void,
  /** The main side refused the watch for good (no such auction, not allowed). */
  onRefused: (auctionId: string, error: CommandError) => void = () => undefined,
): Watches {
  const counts = new Map<string, Count>()

  const tell = (auctionId: string, count: Count): void => {
    const presence = count.present > 0
    count.told = presence
    void api
      .call('auctions:watch', { auctionId, presence })
      .then((answer) => {
        if (!counts.has(auctionId)) return
        if (answer.ok) onSnapshot(answer.auction, answer.viewers)
        // Redis being down is not an answer: the watch stays and is sent again when live.
        else if (answer.error.code === 'REDIS_UNAVAILABLE') return
        // Past the session's cap for a moment (a screen's watches before the last one's
        // unwatches): asked again while still wanted, never refused for good.
        else if (answer.error.code === 'TOO_MANY_WATCHES') retryLater(auctionId)
        else onRefused(auctionId, answer.error)
      })
      .catch(() => undefined)
  }

  const retryLater = (auctionId: string): void => {
    setTimeout(() => {
      const count = counts.get(auctionId)
      if (count && count.total > 0) tell(auctionId, count)
    }, RETRY_MS)
  }

  // Deferred: leaving one screen for another that watches the same auction keeps the
  // watch, and presence changes are sent once the screens have settled.
  const reconcile = (auctionId: string): void => {
    setTimeout(() => {
      const count = counts.get(auctionId)
      if (!count) return
      if (count.total === 0) {
        counts.delete(auctionId)
        void api.call('auctions:unwatch', { auctionId }).catch(() => undefined)
      } else if (count.told !== count.present > 0) {
        tell(auctionId, count)
      }
    }, 0)
  }

  return {
    acquire: (auctionId, options = {}) => {
      const presence = options.presence ?? true
      const count = counts.get(auctionId) ?? { total: 0, present: 0, told: null }
      counts.set(auctionId, count)
      count.total++
      if (presence) count.present++
      // The first watcher is told at once (the room wants its snapshot without delay).
      if (count.told === null) tell(auctionId, count)
      else reconcile(auctionId)
      let released = false
      return () => {
        if (released) return
        released = true
        count.total--
        if (presence) count.present--
        reconcile(auctionId)
      }
    },
    rewatchAll: () => {
      for (const [auctionId, count] of counts) if (count.total > 0) tell(auctionId, count)
    },
    watched: () => [...counts].filter(([, count]) => count.total > 0).map(([id]) => id),
  }
}
