// Sending a clerk's bid: one at a time (a double press never places two bids), with a
// request id kept for the retry of an unanswered one, a word first when the paddle already
// leads (its bid would only raise its own maximum), and the outcome in clerk words, a
// rejection with its sound cue.
import { useRef, useState } from 'react'
import type { CommandResult } from '../../../shared/contract'
import { AT_ASKING, type Auction, type BidSource } from '../../../shared/domain'
import { formatMoney, parseAmount, currencyDigits } from '../../../shared/money'
import { useApi, useConsole } from '../context'
import type { CheckedBid } from '../lib/bidForm'
import { acceptedWords, leaderWords, rejectionWords, type Outcome } from '../lib/bidWords'
import { playRejectCue } from '../lib/sound'
import { usePaddleNames } from './usePaddleNames'

export interface BidSubmit {
  pending: boolean
  outcome: Outcome | null
  /** A bid got no answer: the next send of the same bid reuses its request id. */
  unconfirmed: boolean
  /** The operator changed the form: a rejection or a pending warning no longer applies. */
  edited: () => void
  clear: () => void
  /** Sends a checked bid; answers true when it was accepted. `key` is what sent it. */
  submit: (bid: CheckedBid, source: BidSource, key: 'Enter' | 'F2') => Promise<boolean>
}

export function useBidSubmit(auction: Auction): BidSubmit {
  const api = useApi()
  const sound = useConsole((state) => state.sound)
  const nameOf = usePaddleNames(auction.sellerId)
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [unconfirmed, setUnconfirmed] = useState(false)
  const pendingRef = useRef(false)
  const held = useRef<{ key: string; requestId: string } | null>(null)
  /** The leader's bid the clerk was warned about: sending it again confirms it. */
  const warned = useRef<string | null>(null)

  const show = (next: Outcome): void => {
    setOutcome(next)
    if (next.tone === 'bad' && sound) playRejectCue()
  }

  async function submit(bid: CheckedBid, source: BidSource, key: 'Enter' | 'F2') {
    if (pendingRef.current) return false // the same submit is on its way: never a second bid
    const payload = JSON.stringify([auction.id, bid.bidderId, bid.amount, bid.max, source])
    if (bid.bidderId === auction.leaderId && !bid.max && warned.current !== payload) {
      warned.current = payload
      const minor = parseAmount(bid.amount, currencyDigits(auction.currency)) ?? 0
      setOutcome(leaderWords(bid.bidderId, formatMoney(minor, auction.currency), key))
      return false
    }
    warned.current = null
    const requestId = held.current?.key === payload ? held.current.requestId : crypto.randomUUID()
    held.current = { key: payload, requestId }
    pendingRef.current = true
    setPending(true)
    let answer: CommandResult<'bids:place'> | null
    try {
      answer = await api.call('bids:place', {
        auctionId: auction.id,
        bidderId: bid.bidderId,
        // F2 means "the asking price", not the figure on screen, which another console's bid
        // may have passed already.
        amount: key === 'F2' ? AT_ASKING : bid.amount,
        ...(bid.max ? { max: bid.max } : {}),
        requestId,
        source,
      })
    } catch {
      answer = null
    }
    pendingRef.current = false
    setPending(false)
    if (answer?.ok) {
      held.current = null
      setUnconfirmed(false)
      show(acceptedWords(answer, bid.bidderId, auction.currency, nameOf))
      return true
    }
    const error = answer?.error ?? { code: 'REDIS_UNAVAILABLE' as const, message: 'no answer' }
    // Only an unanswered submit may have been placed: keep its request id for the retry.
    if (error.code !== 'REDIS_UNAVAILABLE') held.current = null
    setUnconfirmed(held.current !== null)
    show(rejectionWords(error, auction.currency))
    return false
  }

  return {
    pending,
    outcome,
    unconfirmed,
    edited: () => {
      const warning = warned.current !== null
      warned.current = null
      // Results stay to be read back; a rejection or a warning was about the old input.
      setOutcome((current) => (current && (warning || current.tone === 'bad') ? null : current))
    },
    clear: () => {
      warned.current = null
      setOutcome(null)
    },
    submit,
  }
}
