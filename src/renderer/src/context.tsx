// Hands the API, the store and the feed to the component tree, and the typed hooks to
// read them. Components never subscribe to pushes themselves: the feed does that.
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AuctionApi } from '../../shared/contract'
import type { Feed } from './live/feed'
import type { ConsoleState, ConsoleStore } from './store'

export interface ConsoleServices {
  api: AuctionApi
  store: ConsoleStore
  feed: Feed
}

const ConsoleContext = createContext<ConsoleServices | null>(null)

export function ConsoleProvider(props: { services: ConsoleServices; children: ReactNode }) {
  return <ConsoleContext.Provider value={props.services}>{props.children}</ConsoleContext.Provider>
}

export function useServices(): ConsoleServices {
  const services = useContext(ConsoleContext)
  if (!services) throw new Error('ConsoleProvider is missing')
  return services
}

export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(useServices().store, selector)
}

export const useApi = (): AuctionApi => useServices().api
export const useFeed = (): Feed => useServices().feed
