// Clerk bid entry: paddle, source, amount (pre-filled with the asking price), optional
// maximum. The cursor starts in Paddle; Enter submits; F2 bids the asking price; Esc clears
// back to the asking price. After each accepted bid the source returns to the room's
// default (Floor), so a floor bid never goes in as the previous phone bid. While the
// console is not live, nothing can be sent: an unanswered bid waits for "retry when
// connected" with its request id (see hooks/useBidSubmit.ts).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Auction, BidSource } from '../../../shared/domain'
import { BID_SOURCES } from '../../../shared/domain'
import { currencyDigits, formatMoney, minorToDecimal } from '../../../shared/money'
import { useConsole } from '../context'
import { useBidSubmit } from '../hooks/useBidSubmit'
import { useShortcuts } from '../hooks/useShortcuts'
import { checkBid, isChecked, type BidErrors } from '../lib/bidForm'
import { BidOutcome } from './BidOutcome'
import { Kbd, keyshortcut } from './Kbd'

const SOURCE_LABEL: Record<BidSource, string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Online',
  absentee: 'Absentee',
}

/** What the source returns to after each bid: the room is the sale floor. */
const DEFAULT_SOURCE: BidSource = 'floor'

export function BidForm(props: { auction: Auction }) {
  const { auction } = props
  const ids = useId()
  const live = useConsole((state) => state.connection.state === 'live')
  const bid = useBidSubmit(auction)
  const asking = minorToDecimal(auction.askingPrice, currencyDigits(auction.currency))
  const [paddle, setPaddle] = useState('')
  const [source, setSource] = useState<BidSource>(DEFAULT_SOURCE)
  /** null: the amount follows the asking price; text: the clerk typed one. */
  const [typedAmount, setTypedAmount] = useState<string | null>(null)
  const [max, setMax] = useState('')
  const [errors, setErrors] = useState<BidErrors>({})
  const paddleInput = useRef<HTMLInputElement>(null)
  const amountInput = useRef<HTMLInputElement>(null)
  const maxInput = useRef<HTMLInputElement>(null)
  const amount = typedAmount ?? asking
  const open = auction.status === 'active'
  const canSend = open && live && !bid.pending

  // Opening the room puts the cursor where a clerk starts: the paddle.
  useEffect(() => {
    paddleInput.current?.focus()
  }, [])

  const backToPaddle = (): void => {
    paddleInput.current?.focus()
    paddleInput.current?.select()
  }

  async function send(atAsking: boolean): Promise<void> {
    if (!canSend) return
    const checked = checkBid({ paddle, amount: atAsking ? asking : amount, max }, auction.currency)
    if (!isChecked(checked)) {
      setErrors(checked)
      bid.clear() // the last answer is about another bid: only the field errors stand
      const first = checked.paddle ? paddleInput : checked.amount ? amountInput : maxInput
      first.current?.focus()
      return
    }
    setErrors({})
    if (await bid.submit(checked, source, atAsking ? 'F2' : 'Enter')) {
      setTypedAmount(null)
      setMax('')
      setSource(DEFAULT_SOURCE)
      backToPaddle()
    }
  }

  useShortcuts({
    bidAsking: canSend ? () => void send(true) : undefined,
    clearBid: () => {
      setTypedAmount(null)
      setMax('')
      setErrors({})
      bid.clear()
      backToPaddle()
    },
  })

  /** A field changed: its error and a rejection of the old input go. */
  const edit =
    <T,>(name: keyof BidErrors | 'source', setter: (value: T) => void) =>
    (value: T): void => {
      setter(value)
      if (name !== 'source') setErrors(({ [name]: _gone, ...rest }) => rest)
      bid.edited()
    }

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void send(false)
  }

  const field = (name: keyof BidErrors) => ({
    id: `${ids}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids}-${name}-error` : undefined,
  })
  const errorText = (name: keyof BidErrors) =>
    errors[name] ? (
      <span className="field__error" id={`${ids}-${name}-error`} role="alert">
        {errors[name]}
      </span>
    ) : null

  const idle = !open
    ? 'Bidding is closed.'
    : !live
      ? 'Offline: no bid can be placed until the connection is back.'
      : 'Enter places the bid · F2 bids the asking price · Esc clears'
  const placeLabel = bid.pending
    ? 'Placing…'
    : !live
      ? bid.unconfirmed
        ? 'Retry when connected'
        : 'Place bid (offline)'
      : bid.unconfirmed
        ? 'Retry bid'
        : 'Place bid'
  return (
    <form
      className="bid-form"
      onSubmit={onSubmit}
      aria-label="Bid entry"
      noValidate
      data-testid="bid-form"
    >
      <div className="bid-form__row">
        <div className="field field--paddle">
          <label htmlFor={`${ids}-paddle`}>Paddle</label>
          <input
            {...field('paddle')}
            ref={paddleInput}
            value={paddle}
            onChange={(e) => edit('paddle', setPaddle)(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            placeholder="e.g. 1042"
          />
          {errorText('paddle')}
        </div>
        <div className="field field--source">
          <label htmlFor={`${ids}-source`}>Source</label>
          <select
            id={`${ids}-source`}
            value={source}
            onChange={(e) => edit('source', setSource)(e.target.value as BidSource)}
          >
            {BID_SOURCES.map((value) => (
              <option key={value} value={value}>
                {SOURCE_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--amount">
          <label htmlFor={`${ids}-amount`}>Amount ({auction.currency})</label>
          <input
            {...field('amount')}
            ref={amountInput}
            value={amount}
            onChange={(e) => edit('amount', setTypedAmount)(e.target.value)}
            autoComplete="off"
            inputMode="decimal"
          />
          {errorText('amount')}
        </div>
        <div className="field field--max">
          <label htmlFor={`${ids}-max`}>Maximum (optional)</label>
          <input
            {...field('max')}
            ref={maxInput}
            value={max}
            onChange={(e) => edit('max', setMax)(e.target.value)}
            autoComplete="off"
            inputMode="decimal"
            placeholder="proxy / absentee"
          />
          {errorText('max')}
        </div>
      </div>
      <div className="bid-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!canSend}
          aria-keyshortcuts={keyshortcut('placeBid')}
        >
          {placeLabel} <Kbd name="placeBid" />
        </button>
        <button
          type="button"
          className="button"
          disabled={!canSend}
          aria-keyshortcuts={keyshortcut('bidAsking')}
          onClick={() => void send(true)}
        >
          Bid asking {formatMoney(auction.askingPrice, auction.currency)} <Kbd name="bidAsking" />
        </button>
        {typedAmount !== null && typedAmount !== asking ? (
          <button
            type="button"
            className="button button--quiet"
            aria-keyshortcuts={keyshortcut('clearBid')}
            onClick={() => setTypedAmount(null)}
          >
            Reset to asking <Kbd name="clearBid" />
          </button>
        ) : null}
      </div>
      {/* Not live, an earlier answer would pass for a current one: only a failure stays. */}
      <BidOutcome outcome={live || bid.outcome?.tone === 'bad' ? bid.outcome : null} idle={idle} />
    </form>
  )
}
