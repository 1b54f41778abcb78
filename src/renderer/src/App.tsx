// The console: profile first, then the screen the route names, with toasts and the end
// dialog on top. Starred auctions stay watched wherever the operator is.
import { useDeferredValue, useEffect } from 'react'
import { EndDialog } from './components/EndDialog'
import { ErrorBoundary } from './components/ErrorBoundary'
import { Toasts } from './components/Toasts'
import { TopBar } from './components/TopBar'
import { useConsole } from './context'
import { useQuietWatches } from './hooks/useQuietWatches'
import { AuctionList } from './screens/AuctionList'
import { AuctionRoom } from './screens/AuctionRoom'
import { ProfileScreen } from './screens/ProfileScreen'
import { SalePage } from './screens/SalePage'
import { SalesList } from './screens/SalesList'
import { SellerPanel } from './screens/SellerPanel'
import { SettingsScreen } from './screens/SettingsScreen'

function StarredWatches() {
  useQuietWatches(useConsole((state) => state.starred))
  return null
}

function ProblemBanner() {
  const problem = useConsole((state) => state.connection.problem)
  const go = useConsole((state) => state.go)
  if (!problem) return null
  return (
    <div className="banner" role="alert">
      {problem.message}
      {problem.installCommand ? (
        <>
          {' '}
          Install: <code>{problem.installCommand}</code>
        </>
      ) : null}{' '}
      <button type="button" className="link" onClick={() => go({ screen: 'settings' })}>
        Enter a Redis URL
      </button>
    </div>
  )
}

export function App() {
  const profile = useConsole((state) => state.profile)
  // The screen follows the route in a background (time-sliced) render: a click that opens
  // a room is not one long task, and the old screen stays until the new one is ready.
  const route = useDeferredValue(useConsole((state) => state.route))
  const theme = useConsole((state) => state.theme)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])

  if (!profile) return <ProfileScreen />
  let screen
  switch (route.screen) {
    case 'room':
      screen = <AuctionRoom key={route.auctionId} auctionId={route.auctionId} />
      break
    case 'sale':
      screen = <SalePage key={route.saleId} saleId={route.saleId} />
      break
    case 'auctions':
      screen = <AuctionList />
      break
    case 'seller':
      screen = <SellerPanel />
      break
    case 'settings':
      screen = <SettingsScreen />
      break
    case 'profile':
      screen = <ProfileScreen />
      break
    default:
      screen = <SalesList />
  }
  return (
    <div className="app">
      <StarredWatches />
      <TopBar />
      <ProblemBanner />
      <div id="content" className="app__content" tabIndex={-1}>
        <ErrorBoundary key={route.screen}>{screen}</ErrorBoundary>
      </div>
      <Toasts />
      <EndDialog />
    </div>
  )
}
