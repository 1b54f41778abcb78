// An online bidder's view of a live sale: the lot on the block and one button, "Bid
// <asking>", which bids the asking price of the moment it lands as this operator's own
// paddle. Where the bidder stands is said in words and follows every event.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Lot, Sale } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { useConsole } from '../../context'
import { useLiveCommands } from '../../hooks/useLiveCommands'
import { focusLotOf } from '../../lib/blockLot'
import { bidAnswerWords, bidErrorWords, standingOf, type BidderLine } from '../../lib/bidderWords'
import { estimateWords, phaseOf, PHASE_LABEL } from '../../lib/liveWords'

/** The answer to our last bid, held while the lot is as that answer left it. */
interface HeldAnswer {
  lotId: string
  /** A refusal holds until anything happens to the lot; an accepted bid while it stands. */
  seq: number | null
  price: number
  leaderId: string | null
  line: BidderLine
}

function stillHolds(answer: HeldAnswer, lot: Lot): boolean {
  if (answer.lotId !== lot.id) return false
  if (answer.seq !== null) return lot.seq === answer.seq
  return (
    lot.lotStatus === 'active' &&
    lot.currentPrice === answer.price &&
    lot.leaderId === answer.leaderId
  )
}

export function BidderLive(props: { sale: Sale; lotIds: readonly string[]; me: string }) {
  const { sale, me } = props
  const commands = useLiveCommands()
  const lots = useConsole(
    useShallow((state) =>
      props.lotIds.map((id) => state.auctions[id]).filter((l) => l !== undefined),
    ),
  )
  const lot = focusLotOf(lots)
  const [answer, setAnswer] = useState<HeldAnswer | null>(null)
  const [pending, setPending] = useState(false)
  const money = (minor: number): string => formatMoney(minor, sale.currency)

  if (!lot || sale.status !== 'open') {
    return (
      <section className="panel bidder" data-testid="bidder-view">
        <h2>{sale.title}</h2>
        <p className="bidder__state">
          {sale.status === 'closed'
            ? 'The sale is over. Thank you.'
            : 'Waiting for the sale to begin.'}
        </p>
      </section>
    )
  }
  const phase = phaseOf(lot)
  const open = phase === 'open' || phase === 'warning'
  const standing = standingOf(lot, me)
  const leading = open && lot.leaderId === me
  // The answer to our own bid stays until the lot moves on; then the lot's standing speaks.
  const line =
    answer && stillHolds(answer, lot)
      ? answer.line
      : (standing ??
        (open && lot.leaderId
          ? { tone: 'warn' as const, text: `Outbid: the bid is ${money(lot.currentPrice)}.` }
          : null))

  const place = async (): Promise<void> => {
    if (pending || !open) return
    setPending(true)
    const result = await commands.bidAsking(lot, me, 'online')
    setPending(false)
    setAnswer(
      result.ok
        ? {
            lotId: lot.id,
            seq: null,
            price: result.price,
            leaderId: result.leaderId,
            line: bidAnswerWords(result, sale.currency),
          }
        : {
            lotId: lot.id,
            seq: lot.seq,
            price: lot.currentPrice,
            leaderId: lot.leaderId,
            line: bidErrorWords(result.error, sale.currency),
          },
    )
  }

  const estimate = estimateWords(lot)
  return (
    <section
      className={`panel bidder bidder--${phase}`}
      aria-label="Lot on the block"
      data-testid="bidder-view"
    >
      <div className="bidder__top">
        <span className="muted">{sale.title}</span>
        <ConnectionBadge />
      </div>
      <p className="bidder__number">Lot {lot.number}</p>
      <h2 className="bidder__title" data-testid="bidder-title">
        {lot.title}
      </h2>
      {estimate ? <p className="muted">Estimate {estimate}</p> : null}
      <p className="bidder__price">
        <span className="muted">{lot.bidCount > 0 ? 'Current bid' : 'Starting at'}</span>
        <strong data-testid="bidder-price">
          {money(lot.bidCount > 0 ? lot.currentPrice : lot.startingPrice)}
        </strong>
      </p>
      <p className={`bidder__phase bidder__phase--${phase}`} data-testid="bidder-phase">
        {PHASE_LABEL[phase]}
      </p>
      <button
        type="button"
        className="button button--primary bidder__bid"
        disabled={!open || pending || leading}
        onClick={() => void place()}
        data-testid="bidder-bid"
      >
        {open ? `Bid ${money(lot.askingPrice)}` : 'Bidding closed'}
      </button>
      <p
        className={`bidder__line bidder__line--${line?.tone ?? 'info'}`}
        role="status"
        data-testid="bidder-line"
      >
        {line?.text ?? (open ? 'Press Bid to bid the asking price.' : '')}
      </p>
    </section>
  )
}
