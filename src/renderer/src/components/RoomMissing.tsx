// What a room shows when the main side will not give us the auction: no such id (removed,
// or a wrong link), or not this operator's to see. Never an endless "Loading…".
import { useEffect, useRef } from 'react'
import type { CommandError } from '../../../shared/errors'
import { useConsole } from '../context'

export function RoomMissing(props: { auctionId: string; error: CommandError }) {
  const { auctionId, error } = props
  const go = useConsole((state) => state.go)
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => back.current?.focus(), [])
  const notFound = error.code === 'AUCTION_NOT_FOUND'
  return (
    <main
      className="screen screen--narrow room-missing"
      aria-labelledby="room-missing-title"
      data-testid="room-missing"
    >
      <h1 id="room-missing-title">{notFound ? 'Auction not found' : 'Auction unavailable'}</h1>
      <p>
        {notFound ? (
          <>
            There is no auction with the id <code>{auctionId}</code>. It may have been removed, or
            the link is wrong.
          </>
        ) : (
          <>This auction cannot be opened: {error.message}</>
        )}
      </p>
      <button
        type="button"
        className="button button--primary"
        ref={back}
        onClick={() => go({ screen: 'list' })}
      >
        ← Back to auctions
      </button>
    </main>
  )
}
