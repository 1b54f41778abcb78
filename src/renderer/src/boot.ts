// Builds the console's services once: the store (with what the last launch saved and the
// screen the URL names), the feed that owns every push subscription, the sign-in kept in
// step with the main side, and persistence; or, for the room display, the store and the
// feed alone.
import type { AuctionApi } from '../../shared/contract'
import type { ConsoleServices } from './context'
import { parsePath } from './lib/routes'
import { startFeed } from './live/feed'
import { loadPersisted, persist } from './live/persist'
import { startSession } from './live/session'
import { startUrlSync } from './live/urlSync'
import { createConsoleStore } from './store'

/**
 * The room display's services: the store and the feed only. No profile (the display acts as
 * nobody), nothing saved, no address kept in step (its page is its address).
 */
export function createDisplay(api: AuctionApi): ConsoleServices & { stop: () => void } {
  const { theme } = loadPersisted()
  const store = createConsoleStore(theme ? { theme } : {})
  const feed = startFeed(api, store)
  return { api, store, feed, stop: () => feed.stop() }
}

export function createConsole(api: AuctionApi): ConsoleServices & { stop: () => void } {
  const store = createConsoleStore(loadPersisted())
  const stopPersist = persist(store)
  // A reload (or a link) that names a screen opens it once signed in; else the home screen.
  const keepRoute = parsePath(location.hash) !== null
  const stopUrlSync = startUrlSync(store)
  const feed = startFeed(api, store)
  const stopSession = startSession(api, store, { keepRoute })
  return {
    api,
    store,
    feed,
    stop: () => {
      stopSession()
      feed.stop()
      stopUrlSync()
      stopPersist()
    },
  }
}
