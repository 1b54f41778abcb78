// Clerk bid entry: paddle, source, amount (pre-filled with the asking price), optional
// maximum. Enter submits; F2 bids the asking price. Every submit carries a requestId and a
// double press never places two bids: while a submit is pending nothing else is sent, and
// an unconfirmed submit (no connection) is retried with the same requestId.
import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react'
import type { Auction, BidSource } from '../../../shared/domain'
import { BID_SOURCES } from '../../../shared/domain'
import type { CommandResult } from '../../../shared/contract'
import { currencyDigits, formatMoney, minorToDecimal } from '../../../shared/money'
import { useApi } from '../context'
import { checkBid, isChecked, type BidErrors } from '../lib/bidForm'
import { acceptedWords, rejectionWords, type Outcome } from '../lib/bidWords'

const SOURCE_LABEL: Record<BidSource, string> = {
  floor: 'Floor',
  phone: 'Phone',
  online: 'Online',
  absentee: 'Absentee',
}

export function BidForm(props: { auction: Auction }) {
  const { auction } = props
  const api = useApi()
  const ids = useId()
  const asking = minorToDecimal(auction.askingPrice, currencyDigits(auction.currency))
  const [paddle, setPaddle] = useState('')
  const [source, setSource] = useState<BidSource>('floor')
  /** null: the amount follows the asking price; text: the clerk typed one. */
  const [typedAmount, setTypedAmount] = useState<string | null>(null)
  const [max, setMax] = useState('')
  const [errors, setErrors] = useState<BidErrors>({})
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const pendingRef = useRef(false)
  const unconfirmed = useRef<{ key: string; requestId: string } | null>(null)
  const paddleInput = useRef<HTMLInputElement>(null)
  const amountInput = useRef<HTMLInputElement>(null)
  const maxInput = useRef<HTMLInputElement>(null)
  const amount = typedAmount ?? asking
  const open = auction.status === 'active'

  async function submit(atAsking: boolean): Promise<void> {
    if (pendingRef.current) return // the same submit is on its way: never a second bid
    const checked = checkBid({ paddle, amount: atAsking ? asking : amount, max }, auction.currency)
    if (!isChecked(checked)) {
      setErrors(checked)
      const first = checked.paddle ? paddleInput : checked.amount ? amountInput : maxInput
      first.current?.focus()
      return
    }
    setErrors({})
    const key = JSON.stringify([auction.id, checked.bidderId, checked.amount, checked.max, source])
    const requestId =
      unconfirmed.current?.key === key ? unconfirmed.current.requestId : crypto.randomUUID()
    unconfirmed.current = { key, requestId }
    pendingRef.current = true
    setPending(true)
    let answer: CommandResult<'bids:place'> | null
    try {
      answer = await api.call('bids:place', {
        auctionId: auction.id,
        bidderId: checked.bidderId,
        amount: checked.amount,
        ...(checked.max ? { max: checked.max } : {}),
        requestId,
        source,
      })
    } catch {
      answer = null
    }
    pendingRef.current = false
    setPending(false)
    if (answer?.ok) {
      unconfirmed.current = null
      setOutcome(acceptedWords(answer, checked.bidderId, auction.currency))
      setTypedAmount(null)
      setMax('')
      paddleInput.current?.select()
      return
    }
    const error = answer?.error ?? { code: 'REDIS_UNAVAILABLE' as const, message: 'no answer' }
    // Only an unanswered submit may have been placed: keep its requestId for the retry.
    if (error.code !== 'REDIS_UNAVAILABLE') unconfirmed.current = null
    setOutcome(rejectionWords(error, auction.currency))
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'F2' && !event.repeat) {
      event.preventDefault()
      void submit(true)
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void submit(false)
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
            onChange={(e) => setPaddle(e.target.value)}
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
            onChange={(e) => setSource(e.target.value as BidSource)}
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
            onChange={(e) => setTypedAmount(e.target.value)}
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
            onChange={(e) => setMax(e.target.value)}
            autoComplete="off"
            inputMode="decimal"
            placeholder="proxy / absentee"
          />
          {errorText('max')}
        </div>
      </div>
      <div className="bid-form__actions">
        <button type="submit" className="button button--primary" disabled={pending || !open}>
          {pending ? 'Placing…' : 'Place bid'}
        </button>
        <button
          type="button"
          className="button"
          disabled={pending || !open}
          aria-keyshortcuts="F2"
          onClick={() => void submit(true)}
        >
          Bid asking {formatMoney(auction.askingPrice, auction.currency)} <kbd>F2</kbd>
        </button>
        {typedAmount !== null && typedAmount !== asking ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setTypedAmount(null)}
          >
            Reset to asking
          </button>
        ) : null}
      </div>
      <p
        className={`bid-form__outcome ${outcome ? `outcome--${outcome.tone}` : ''}`}
        role="status"
        aria-live="polite"
        data-testid="bid-outcome"
      >
        {outcome?.text ??
          (open ? 'Enter submits · F2 bids the asking price' : 'Bidding is closed.')}
      </p>
    </form>
  )
}
