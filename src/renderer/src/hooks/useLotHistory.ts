// Holds a lot's bid history while a screen shows it: the newest page is read, live bids
// follow through the feed.
import { useEffect } from 'react'
import { useConsole, useFeed } from '../context'

export function useLotHistory(lotId: string | null): void {
  const feed = useFeed()
  const openHistory = useConsole((state) => state.openHistory)
  const closeHistory = useConsole((state) => state.closeHistory)
  useEffect(() => {
    if (!lotId) return
    openHistory(lotId)
    void feed.loadNewestBids(lotId)
    return () => closeHistory(lotId)
  }, [lotId, feed, openHistory, closeHistory])
}
