// Keeps a set of auctions watched without counting this console as a viewer: list rows,
// the seller's live auctions and starred ones move live as events arrive.
import { useEffect } from 'react'
import { useFeed } from '../context'

export function useQuietWatches(auctionIds: readonly string[]): void {
  const feed = useFeed()
  // A string key: the effect re-runs when the set changes, not on every new array.
  const key = auctionIds.join(' ')
  useEffect(() => {
    if (!key) return
    const releases = key.split(' ').map((id) => feed.watches.acquire(id, { presence: false }))
    return () => releases.forEach((release) => release())
  }, [key, feed])
}
