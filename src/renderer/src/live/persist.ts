// What survives a relaunch: watched auctions, the theme and the sound setting, in
// localStorage (per machine and origin), validated on the way back in. Never who is signed
// in: that is the main side's (a profile an older version saved here is ignored).
import type { ConsoleState, ConsoleStore, Theme } from '../store'

const KEY = 'auction-console:v1'

interface Persisted {
  starred?: unknown
  theme?: unknown
  sound?: unknown
}

export function loadPersisted(
  storage: Storage | undefined = globalThis.localStorage,
): Partial<ConsoleState> {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return {}
    const saved = JSON.parse(raw) as Persisted
    const theme: Theme = saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : 'system'
    const starred = Array.isArray(saved.starred)
      ? saved.starred.filter((id): id is string => typeof id === 'string').slice(0, 200)
      : []
    // On unless switched off: a rejection should be heard by default.
    const sound = saved.sound !== false
    return { starred, theme, sound }
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
      state.starred === previous.starred &&
      state.theme === previous.theme &&
      state.sound === previous.sound
    )
      return
    try {
      storage?.setItem(
        KEY,
        JSON.stringify({
          starred: state.starred,
          theme: state.theme,
          sound: state.sound,
        }),
      )
    } catch {
      // Private mode or a full quota: the console still works, it just forgets.
    }
  })
}
