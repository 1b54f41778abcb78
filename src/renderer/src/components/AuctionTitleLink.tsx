import type { Auction } from '../../../shared/domain'
import { useConsole } from '../context'

/** An auction's title as a button that opens its room. */
export function AuctionTitleLink({ auction }: { auction: Pick<Auction, 'id' | 'title'> }) {
  const go = useConsole((state) => state.go)
  return (
    <button
      type="button"
      className="link strong"
      onClick={() => go({ screen: 'room', auctionId: auction.id })}
    >
      {auction.title}
    </button>
  )
}
