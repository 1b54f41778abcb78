// The answer to the last bid, unmistakable at a glance: green with ✓ when it leads, amber
// with ! when a proxy outbid it (or before a leader's bid is sent), red with ✕ when it was
// rejected. Otherwise a quiet hint, or why bids cannot be placed now.
import type { Outcome } from '../lib/bidWords'

const ICON: Record<Outcome['tone'], string> = { good: '✓', warn: '!', bad: '✕' }

export function BidOutcome(props: { outcome: Outcome | null; idle: string }) {
  const { outcome } = props
  return (
    <p
      className={`bid-form__outcome ${outcome ? `outcome outcome--${outcome.tone}` : 'outcome--idle'}`}
      role="status"
      aria-live="polite"
    >
      {outcome ? (
        <span className="outcome__icon" aria-hidden="true">
          {ICON[outcome.tone]}
        </span>
      ) : null}
      <span data-testid="bid-outcome">{outcome?.text ?? props.idle}</span>
    </p>
  )
}
