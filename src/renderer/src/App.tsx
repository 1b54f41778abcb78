// The console: sign-in first (the first account on a first launch), then the screen the
// route names, with toasts, the end dialog and the shortcuts overlay on top. Starred
// auctions stay watched wherever the operator is. While the console is not live, the banner says so and every screen dims.
import { useDeferredValue, useEffect } from 'react'
import { ConnectionBanner } from './components/ConnectionBanner'
import { EndDialog } from './components/EndDialog'
import { ErrorBoundary } from './components/ErrorBoundary'
import { ShortcutsOverlay } from './components/ShortcutsOverlay'
import { Toasts } from './components/Toasts'
import { TopBar } from './components/TopBar'
import { useConsole } from './context'
import { useQuietWatches } from './hooks/useQuietWatches'
import { useShortcuts } from './hooks/useShortcuts'
import { useStale } from './hooks/useStale'
import { AuctionList } from './screens/AuctionList'
import { AuctionRoom } from './screens/AuctionRoom'
import { PrintScreen } from './screens/PrintScreen'
import { RegisterScreen } from './screens/RegisterScreen'
import { ResultsScreen } from './screens/ResultsScreen'
import { SalePage } from './screens/SalePage'
import { SalesList } from './screens/SalesList'
import { SellerPanel } from './screens/SellerPanel'
import { SettingsScreen } from './screens/SettingsScreen'
import { SignedOut } from './screens/auth/SignedOut'

function StarredWatches() {
  useQuietWatches(useConsole((state) => state.starred))
  return null
}

export function App() {
  const profile = useConsole((state) => state.profile)
  // The screen follows the route in a background (time-sliced) render: a click that opens
  // a room is not one long task, and the old screen stays until the new one is ready.
  const route = useDeferredValue(useConsole((state) => state.route))
  const theme = useConsole((state) => state.theme)
  const showShortcuts = useConsole((state) => state.showShortcuts)
  const { since } = useStale()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  // Before sign-in there is no overlay to show.
  useShortcuts({ help: profile ? () => showShortcuts(true) : undefined })

  if (!profile) return <SignedOut />
  let screen
  switch (route.screen) {
    case 'room':
      screen = <AuctionRoom key={route.auctionId} auctionId={route.auctionId} />
      break
    case 'sale':
      screen = <SalePage key={route.saleId} saleId={route.saleId} />
      break
    case 'register':
      screen = <RegisterScreen key={route.saleId} saleId={route.saleId} />
      break
    case 'results':
      screen = <ResultsScreen key={route.saleId} saleId={route.saleId} tab={route.tab} />
      break
    case 'print':
      screen = (
        <PrintScreen key={`${route.saleId}-${route.doc}`} saleId={route.saleId} doc={route.doc} />
      )
      break
    case 'auctions':
      screen = <AuctionList />
      break
    case 'seller':
      screen = <SellerPanel />
      break
    case 'settings':
      screen = <SettingsScreen section={route.section ?? 'general'} />
      break
    default:
      screen = <SalesList />
  }
  return (
    <div
      className={`app${since !== null ? ' app--stale' : ''}${route.screen === 'print' ? ' app--print' : ''}`}
    >
      <StarredWatches />
      <TopBar />
      <ConnectionBanner />
      <div id="content" className="app__content" tabIndex={-1}>
        <ErrorBoundary key={route.screen}>{screen}</ErrorBoundary>
      </div>
      <Toasts />
      <EndDialog />
      <ShortcutsOverlay />
    </div>
  )
}
