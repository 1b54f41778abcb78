// Keeps the address (a hash URL, see lib/routes.ts) and the screen in step: a new screen
// or tab is a new history entry, Back and Forward show the entry's screen, a reload opens
// the screen it names. The first entry of a fresh load gets a base entry behind it, and
// Back onto that base steps in again, so Back never leaves the console.
import { parsePath, pathOf, type ViewState } from '../lib/routes'
import { homeRoute, type ConsoleState, type ConsoleStore, type View } from '../store'

/** Our entries carry their depth: 0 is the base behind the first screen. */
interface Entry {
  console: number
}

const viewState = (state: ConsoleState): ViewState => ({
  route: state.route,
  listTab: state.listTab,
  saleTab: state.saleTab,
  sellerTab: state.sellerTab,
})

export function startUrlSync(store: ConsoleStore, win: Window = window): () => void {
  const { history } = win
  const currentPath = (): string => win.location.hash.replace(/^#/, '')
  const depth = (): number | null => {
    const entry = history.state as Partial<Entry> | null
    return typeof entry?.console === 'number' ? entry.console : null
  }
  const url = (path: string): string => `${win.location.pathname}${win.location.search}#${path}`
  const pathNow = (): string => pathOf(viewState(store.getState()))
  const viewOfUrl = (): View =>
    parsePath(currentPath()) ?? { route: homeRoute(store.getState().profile) }

  // Changes made here come from the URL: they must not push it again.
  let applying = false
  const apply = (view: View): void => {
    applying = true
    try {
      store.getState().show(view)
    } finally {
      applying = false
    }
  }

  apply(viewOfUrl())
  if (depth() === null) {
    const home = pathOf({
      ...viewState(store.getState()),
      route: homeRoute(store.getState().profile),
    })
    history.replaceState({ console: 0 } satisfies Entry, '', url(home))
    history.pushState({ console: 1 } satisfies Entry, '', url(pathNow()))
  } else if (currentPath() !== pathNow()) {
    history.replaceState(history.state, '', url(pathNow()))
  }

  const unsubscribe = store.subscribe(() => {
    if (applying) return
    const path = pathNow()
    if (path === currentPath()) return
    history.pushState({ console: (depth() ?? 0) + 1 } satisfies Entry, '', url(path))
  })

  const onPop = (): void => {
    const entry = depth()
    apply(viewOfUrl())
    // A hash typed by hand has no depth yet; the base entry steps in again.
    if (entry === null) history.replaceState({ console: 1 } satisfies Entry, '', url(pathNow()))
    else if (entry === 0) history.pushState({ console: 1 } satisfies Entry, '', url(pathNow()))
  }
  win.addEventListener('popstate', onPop)

  return () => {
    unsubscribe()
    win.removeEventListener('popstate', onPop)
  }
}
