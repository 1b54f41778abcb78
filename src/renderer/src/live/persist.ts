// What survives a relaunch: the operator profile, watched auctions and the theme, in
// localStorage (per machine and origin), validated on the way back in.
import { operatorProfileSchema } from '../../../shared/contract'
import type { ConsoleState, ConsoleStore, Theme } from '../store'

const KEY = 'auction-console:v1'

interface Persisted {
  profile?: unknown
  starred?: unknown
  theme?: unknown
}

export function loadPersisted(
  storage: Storage | undefined = globalThis.localStorage,
): Partial<ConsoleState> {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return {}
    const saved = JSON.parse(raw) as Persisted
    const profile = operatorProfileSchema.safeParse(saved.profile)
    const theme: Theme = saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : 'system'
    const starred = Array.isArray(saved.starred)
      ? saved.starred.filter((id): id is string => typeof id === 'string').slice(0, 200)
      : []
    return { ...(profile.success ? { profile: profile.data } : {}), starred, theme }
  } catch {
    return {}
  }
}

/** Writes the persisted part whenever it changes; returns the unsubscribe. */
export function persist(
  store: ConsoleStore,
  storage: Storage | undefined = globalThis.localStorage,
): () => void {
  return store.subscribe((state, previous) => {
    if (
      state.profile === previous.profile &&
      state.starred === previous.starred &&
      state.theme === previous.theme
    )
      return
    try {
      storage?.setItem(
        KEY,
        JSON.stringify({ profile: state.profile, starred: state.starred, theme: state.theme }),
      )
    } catch {
      // Private mode or a full quota: the console still works, it just forgets.
    }
  })
}
