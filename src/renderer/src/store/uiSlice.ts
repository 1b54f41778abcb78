// Where the operator is and what the chrome shows: screen, list filters, watched
// (starred) auctions, toasts, the end dialog, theme and the operator profile.
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
  | { screen: 'settings' }
  | { screen: 'profile' }

export type ListTab = 'active' | 'scheduled' | 'ended' | 'cancelled'
export type ListSort = 'ending' | 'newest'
export type SellerTab = 'sales' | 'auctions'
export type Theme = 'system' | 'dark' | 'light'

export interface Toast {
  id: number
  text: string
  tone: 'info' | 'success' | 'warning'
  auctionId?: string
}

export interface UiSlice {
  profile: OperatorProfile | null
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
  setProfile: (profile: OperatorProfile) => void
  go: (route: Route) => void
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
}

const MAX_TOASTS = 4
let toastIds = 0

export const createUiSlice: StateCreator<ConsoleState, [], [], UiSlice> = (set, get) => ({
  profile: null,
  route: { screen: 'list' },
  listTab: 'active',
  search: '',
  saleTab: 'live',
  saleSearch: '',
  sellerTab: 'sales',
  sort: 'ending',
  starred: [],
  toasts: [],
  endDialog: null,
  theme: 'system',
  setProfile: (profile) => set({ profile, route: { screen: 'list' } }),
  go: (route) => set({ route }),
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
})
