// Start, end and cancel an auction, and its CSV export, for components. Each answer goes
// through the feed like a snapshot, so an end pressed here opens the end dialog here too.
import { useMemo } from 'react'
import type { Auction } from '../../../shared/domain'
import { useServices } from '../context'
import { exportAuction } from '../lib/exportAuction'

export type AuctionAction = 'start' | 'end' | 'cancel'

const COMMAND = { start: 'auctions:start', end: 'auctions:end', cancel: 'auctions:cancel' } as const

export interface AuctionCommands {
  /** Answers null when done, else what went wrong. */
  act: (action: AuctionAction, auction: Auction) => Promise<string | null>
  exportCsv: (auction: Auction) => Promise<string | null>
}

export function useAuctionCommands(): AuctionCommands {
  const { api, feed } = useServices()
  return useMemo(
    () => ({
      act: async (action, auction) => {
        const answer = await api.call(COMMAND[action], { auctionId: auction.id }).catch(() => null)
        if (answer?.ok) {
          feed.applyAuction(answer.auction)
          return null
        }
        return answer?.error.message ?? 'no connection'
      },
      exportCsv: (auction) => exportAuction(api, auction).catch((error: unknown) => String(error)),
    }),
    [api, feed],
  )
}
