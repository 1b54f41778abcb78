// Where the operator is and what the chrome shows: screen, list filters, watched
// (starred) auctions, toasts, the end dialog, theme and sound.
import type { StateCreator } from 'zustand'
import type { OperatorProfile } from '../../../shared/contract'
import type { SaleTab } from './saleRules'
import type { ConsoleState } from './types'

/** 'list' is the home screen, the sales; 'auctions' the single auctions. */
export type Route =
  | { screen: 'list' }
  | { screen: 'auctions' }
  | { screen: 'sale'; saleId: string }
  | { screen: 'room'; auctionId: string }
  | { screen: 'seller' }
  | { screen: 'settings'; section?: SettingsSection }
  /** A sale's bidder register (staff, the sale's seller). */
  | { screen: 'register'; saleId: string }
  /** A sale's results: the report, the invoices, the consignors' statements. */
  | { screen: 'results'; saleId: string; tab: ResultsTab }
  /** Every invoice (or statement) of a sale in a print layout, one per page. */
  | { screen: 'print'; saleId: string; doc: PrintDoc }

export type ResultsTab = 'report' | 'invoices' | 'statements'
export type PrintDoc = 'invoices' | 'statements'

export type ListTab = 'live' | 'upcoming' | 'ended' | 'cancelled'
export type ListSort = 'ending' | 'newest'
export type SellerTab = 'sales' | 'auctions'
export type Theme = 'system' | 'dark' | 'light'
/** Settings opens on the connection and appearance; staff also manage operator accounts. */
export type SettingsSection = 'general' | 'operators'

/** Where the console opens: a seller at their own panel, staff at the sales. */
export const homeRoute = (profile: OperatorProfile | null): Route =>
  profile?.role === 'seller' ? { screen: 'seller' } : { screen: 'list' }

export interface Toast {
  id: number
  text: string
  tone: 'info' | 'success' | 'warning'
  auctionId?: string
}

/** A screen and the tab it shows: what the URL holds (see lib/routes.ts). */
export interface View {
  route: Route
  listTab?: ListTab
  saleTab?: SaleTab
  sellerTab?: SellerTab
}

export interface UiSlice {
  route: Route
  listTab: ListTab
  search: string
  saleTab: SaleTab
  saleSearch: string
  sellerTab: SellerTab
  sort: ListSort
  starred: string[]
  toasts: Toast[]
  endDialog: string | null
  theme: Theme
  /** The short sound cue on a rejected bid. */
  sound: boolean
  /** The keyboard shortcuts overlay (`?`). */
  shortcutsOpen: boolean
  go: (route: Route) => void
  /** A screen with its tab at once (the URL, Back and Forward). */
  show: (view: View) => void
  setListTab: (tab: ListTab) => void
  setSearch: (search: string) => void
  setSaleTab: (tab: SaleTab) => void
  setSaleSearch: (search: string) => void
  setSellerTab: (tab: SellerTab) => void
  setSort: (sort: ListSort) => void
  toggleStar: (auctionId: string) => void
  pushToast: (toast: Omit<Toast, 'id'>) => void
  dismissToast: (id: number) => void
  openEndDialog: (auctionId: string | null) => void
  setTheme: (theme: Theme) => void
  setSound: (sound: boolean) => void
  showShortcuts: (open: boolean) => void
}

const MAX_TOASTS = 4
let toastIds = 0

export const createUiSlice: StateCreator<ConsoleState, [], [], UiSlice> = (set, get) => ({
  route: { screen: 'list' },
  listTab: 'live',
  search: '',
  saleTab: 'live',
  saleSearch: '',
  sellerTab: 'sales',
  sort: 'ending',
  starred: [],
  toasts: [],
  endDialog: null,
  theme: 'system',
  sound: true,
  shortcutsOpen: false,
  go: (route) => set({ route }),
  show: (view) => {
    const { route, ...tabs } = view
    set({ route, ...tabs })
  },
  setListTab: (listTab) => set({ listTab }),
  setSearch: (search) => set({ search }),
  setSaleTab: (saleTab) => set({ saleTab }),
  setSaleSearch: (saleSearch) => set({ saleSearch }),
  setSellerTab: (sellerTab) => set({ sellerTab }),
  setSort: (sort) => set({ sort }),
  toggleStar: (auctionId) => {
    const starred = get().starred
    set({
      starred: starred.includes(auctionId)
        ? starred.filter((id) => id !== auctionId)
        : [...starred, auctionId],
    })
  },
  pushToast: (toast) =>
    set({ toasts: [...get().toasts, { ...toast, id: ++toastIds }].slice(-MAX_TOASTS) }),
  dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
  openEndDialog: (endDialog) => set({ endDialog }),
  setTheme: (theme) => set({ theme }),
  setSound: (sound) => set({ sound }),
  showShortcuts: (shortcutsOpen) => set({ shortcutsOpen }),
})
