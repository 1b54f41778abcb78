// The clerk's bid entry on a live lot: one large Floor key (Space) at the asking price,
// and a paddle field for phone and internet bids (Enter bids the asking price for it).
import { useState, type FormEvent, type RefObject } from 'react'
import type { BidSource, Lot } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { Kbd, keyshortcut } from '../../components/Kbd'

export type PaddleSource = Extract<BidSource, 'phone' | 'online'>

export function BidKeys(props: {
  lot: Lot
  open: boolean
  pending: boolean
  paddleRef: RefObject<HTMLInputElement | null>
  source: PaddleSource
  onSource: (source: PaddleSource) => void
  onFloor: () => void
  /** Answers true when the bid went in (the field then clears). */
  onPaddle: (paddle: string) => Promise<boolean>
}) {
  const { lot, open, pending, paddleRef, source, onSource, onFloor, onPaddle } = props
  const [paddle, setPaddle] = useState('')
  const asking = formatMoney(lot.askingPrice, lot.currency)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const value = paddle.trim()
    if (!value || !open) return
    if (await onPaddle(value)) setPaddle('')
  }

  return (
    <section className="panel bidkeys" aria-label="Bids">
      <button
        type="button"
        className="bidkeys__floor"
        disabled={!open || pending}
        aria-keyshortcuts="Space"
        onClick={onFloor}
        data-testid="floor-key"
      >
        <span className="bidkeys__floor-label">Floor</span>
        <span className="bidkeys__floor-amount">{open ? asking : '—'}</span>
        <Kbd name="floorBid" />
      </button>
      <form className="bidkeys__paddle" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="clerk-paddle">
          Paddle <Kbd name="paddle" />
        </label>
        <input
          id="clerk-paddle"
          ref={paddleRef}
          value={paddle}
          onChange={(event) => setPaddle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && paddle) {
              event.preventDefault()
              setPaddle('')
            }
          }}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          placeholder="e.g. 214"
          data-testid="paddle-input"
        />
        <div className="bidkeys__sources" role="radiogroup" aria-label="Source">
          {(['phone', 'online'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              role="radio"
              aria-checked={source === choice}
              className={`chip${source === choice ? ' chip--on' : ''}`}
              aria-keyshortcuts={keyshortcut('source')}
              onClick={() => onSource(choice)}
            >
              {choice === 'phone' ? 'Phone' : 'Internet'}
            </button>
          ))}
          <Kbd name="source" />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!open || pending || !paddle.trim()}
        >
          Bid {open ? asking : ''} <kbd aria-hidden="true">Enter</kbd>
        </button>
      </form>
    </section>
  )
}
