// The console's chrome: navigation, connection state, who is signed in and the way out.
import { useState } from 'react'
import { saleIdOf } from '../../../shared/domain'
import { useConsole } from '../context'
import { useAuthCommands } from '../hooks/useAuthCommands'
import type { Route } from '../store'
import { ConnectionBadge } from './ConnectionBadge'

const NAV: { screen: 'list' | 'auctions' | 'seller' | 'settings'; label: string }[] = [
  { screen: 'list', label: 'Sales' },
  { screen: 'auctions', label: 'Single auctions' },
  { screen: 'seller', label: 'Seller panel' },
  { screen: 'settings', label: 'Settings' },
]

/** A lot's room and a sale page belong to Sales; a single auction's room to its list. */
function sectionOf(route: Route): string {
  if (['sale', 'register', 'results', 'print'].includes(route.screen)) return 'list'
  if (route.screen === 'room')
    return saleIdOf(route.auctionId) === route.auctionId ? 'auctions' : 'list'
  return route.screen
}

export function TopBar() {
  const route = useConsole((state) => state.route)
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  const showShortcuts = useConsole((state) => state.showShortcuts)
  const pushToast = useConsole((state) => state.pushToast)
  const { signOut } = useAuthCommands()
  const [leaving, setLeaving] = useState(false)
  const onSignOut = async (): Promise<void> => {
    setLeaving(true)
    const failed = await signOut()
    setLeaving(false)
    if (failed) pushToast({ tone: 'warning', text: `Not signed out: ${failed}` })
  }
  return (
    <header className="topbar">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <span className="topbar__brand">Auction Console</span>
      <nav aria-label="Main" className="topbar__nav">
        {/* A bidder has no catalogue to manage: no Seller panel. */}
        {NAV.filter((item) => item.screen !== 'seller' || profile?.role !== 'bidder').map(
          (item) => (
            <button
              key={item.screen}
              type="button"
              className="topbar__link"
              aria-current={sectionOf(route) === item.screen ? 'page' : undefined}
              onClick={() => go({ screen: item.screen })}
            >
              {item.label}
            </button>
          ),
        )}
      </nav>
      <div className="topbar__spacer" />
      <button
        type="button"
        className="button button--quiet"
        aria-keyshortcuts="?"
        onClick={() => showShortcuts(true)}
      >
        Keys <kbd aria-hidden="true">?</kbd>
      </button>
      <ConnectionBadge />
      {profile ? (
        <div className="topbar__profile">
          <span className="topbar__who" data-testid="operator">
            {profile.displayName}{' '}
            <span className="muted">
              · {profile.role} · {profile.operatorId}
            </span>
          </span>
          <button
            type="button"
            className="button button--quiet"
            disabled={leaving}
            onClick={() => void onSignOut()}
            title="Ends this operator's sign-in on every console"
          >
            Sign out
          </button>
        </div>
      ) : null}
    </header>
  )
}
