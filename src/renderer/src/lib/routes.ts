// The console's screens as URL paths, for hash URLs (`#/sale/S1`): a hash works the same
// under app://console and the web mode's server, needs no server-side fallback, and never
// carries the web mode's token. Pure: parse and format only (live/urlSync.ts applies them).
import { saleIdOf } from '../../../shared/domain'
import type { ListTab, PrintDoc, ResultsTab, SaleTab, SellerTab, View } from '../store'

const SALE_TABS: readonly SaleTab[] = ['live', 'upcoming', 'past']
const LIST_TABS: readonly ListTab[] = ['live', 'upcoming', 'ended', 'cancelled']
const SELLER_TABS: readonly SellerTab[] = ['sales', 'auctions']
const RESULTS_TABS: readonly ResultsTab[] = ['report', 'invoices', 'statements']
const PRINT_DOCS: readonly PrintDoc[] = ['invoices', 'statements']

/** What the URL needs from the store: the route and the tab of each list. */
export interface ViewState {
  route: View['route']
  listTab: ListTab
  saleTab: SaleTab
  sellerTab: SellerTab
}

const part = (text: string): string => encodeURIComponent(text)

/** The path of what is on screen: "/sales/live", "/sale/S1", "/lot/S1.2", "/auction/A1"… */
export function pathOf(view: ViewState): string {
  const { route } = view
  switch (route.screen) {
    case 'list':
      return `/sales/${view.saleTab}`
    case 'auctions':
      return `/auctions/${view.listTab}`
    case 'sale':
      return `/sale/${part(route.saleId)}`
    case 'room':
      // A single auction is its own sale: its id is no lot of anything.
      return saleIdOf(route.auctionId) === route.auctionId
        ? `/auction/${part(route.auctionId)}`
        : `/lot/${part(route.auctionId)}`
    case 'seller':
      return `/seller/${view.sellerTab}`
    case 'settings':
      return route.section === 'operators' ? '/settings/operators' : '/settings'
    case 'register':
      return `/sale/${part(route.saleId)}/register`
    case 'results':
      return route.tab === 'report'
        ? `/sale/${part(route.saleId)}/results`
        : `/sale/${part(route.saleId)}/results/${route.tab}`
    case 'print':
      return `/sale/${part(route.saleId)}/print/${route.doc}`
  }
}

const oneOf = <T extends string>(list: readonly T[], text: string | undefined): T | undefined =>
  list.find((item) => item === text)

function decoded(text: string | undefined): string | null {
  if (!text) return null
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** The view a path names, or null for an empty or unknown path (the caller goes home). */
export function parsePath(path: string): View | null {
  const [screen, arg, ...rest] = path.replace(/^#?\/?/, '').split('/')
  if (screen === 'sale' && rest.length > 0) return saleSection(decoded(arg), rest)
  if (rest.length > 0) return null
  switch (screen) {
    case 'sales': {
      const saleTab = oneOf(SALE_TABS, arg ?? 'live')
      return saleTab ? { route: { screen: 'list' }, saleTab } : null
    }
    case 'auctions': {
      const listTab = oneOf(LIST_TABS, arg ?? 'live')
      return listTab ? { route: { screen: 'auctions' }, listTab } : null
    }
    case 'seller': {
      const sellerTab = oneOf(SELLER_TABS, arg ?? 'sales')
      return sellerTab ? { route: { screen: 'seller' }, sellerTab } : null
    }
    case 'sale': {
      const saleId = decoded(arg)
      return saleId ? { route: { screen: 'sale', saleId } } : null
    }
    case 'lot':
    case 'auction': {
      const auctionId = decoded(arg)
      return auctionId ? { route: { screen: 'room', auctionId } } : null
    }
    case 'settings':
      if (arg === undefined) return { route: { screen: 'settings' } }
      return arg === 'operators' ? { route: { screen: 'settings', section: 'operators' } } : null
    default:
      return null
  }
}

/** "/sale/S1/register", "/sale/S1/results[/invoices]", "/sale/S1/print/invoices". */
function saleSection(saleId: string | null, rest: readonly string[]): View | null {
  const [section, sub, ...more] = rest
  if (!saleId || more.length > 0) return null
  if (section === 'register' && sub === undefined) return { route: { screen: 'register', saleId } }
  if (section === 'results') {
    const tab = oneOf(RESULTS_TABS, sub ?? 'report')
    return tab ? { route: { screen: 'results', saleId, tab } } : null
  }
  const doc = section === 'print' ? oneOf(PRINT_DOCS, sub) : undefined
  return doc ? { route: { screen: 'print', saleId, doc } } : null
}
