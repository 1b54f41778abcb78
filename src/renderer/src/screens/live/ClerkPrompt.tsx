// The clerk's dialogs, one at a time, each driven by the keyboard (Enter confirms, Esc
// cancels): the reason for an undo or a reopen, the paddle of a floor leader at the hammer,
// a pass (with a suggested reason), a sale below the reserve, and the display rates.
import type { Lot, Sale } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { KeyConfirm } from '../../components/KeyConfirm'
import { TextPrompt } from '../../components/TextPrompt'
import { RatesDialog } from './RatesDialog'

export type Prompt =
  | { kind: 'undo'; lot: Lot }
  | { kind: 'reopen'; lot: Lot }
  | { kind: 'pass'; lot: Lot }
  | { kind: 'paddle'; lot: Lot }
  | { kind: 'below'; lot: Lot; paddle: string | undefined }
  | { kind: 'rates' }

export interface PromptActions {
  retract: (lot: Lot, reason: string) => Promise<string | null>
  reopen: (lot: Lot, reason: string) => Promise<string | null>
  pass: (lot: Lot, reason: string) => Promise<string | null>
  hammer: (lot: Lot, paddle: string | undefined, belowReserve: boolean) => Promise<string | null>
}

export function ClerkPrompt(props: {
  prompt: Prompt
  sale: Sale
  actions: PromptActions
  onClose: () => void
}) {
  const { prompt, actions, onClose } = props
  const money = (minor: number): string => formatMoney(minor, props.sale.currency)
  const done = (run: Promise<string | null>): Promise<string | null> =>
    run.then((failed) => {
      if (!failed) onClose()
      return failed
    })
  switch (prompt.kind) {
    case 'rates':
      return <RatesDialog sale={props.sale} onClose={onClose} />
    case 'undo':
      return (
        <TextPrompt
          title={`Undo the last bid on lot ${prompt.lot.number}?`}
          message={`The lot goes back to before its last bid (now ${money(prompt.lot.currentPrice)}). The bid stays in the history, marked as undone with this reason.`}
          label="Reason"
          confirmLabel="Undo bid"
          danger
          onConfirm={(reason) => done(actions.retract(prompt.lot, reason))}
          onCancel={onClose}
          testId="undo-dialog"
        />
      )
    case 'reopen':
      return (
        <TextPrompt
          title={`Reopen lot ${prompt.lot.number}?`}
          message={`“${prompt.lot.title}” goes back on the block as it was at the hammer; its ${prompt.lot.lotStatus === 'sold' ? 'sale' : 'pass'} is void (kept in the log with this reason).`}
          label="Reason"
          confirmLabel="Reopen lot"
          danger
          onConfirm={(reason) => done(actions.reopen(prompt.lot, reason))}
          onCancel={onClose}
          testId="reopen-dialog"
        />
      )
    case 'paddle':
      return (
        <TextPrompt
          title={`Sold at ${money(prompt.lot.currentPrice)}: which paddle?`}
          message="The leader is a floor bidder. Type the paddle they hold up."
          label="Paddle"
          confirmLabel="Sold"
          maxLength={64}
          onConfirm={(paddle) => done(actions.hammer(prompt.lot, paddle, false))}
          onCancel={onClose}
          testId="paddle-dialog"
        />
      )
    case 'pass':
      return (
        <TextPrompt
          title={`Pass lot ${prompt.lot.number}?`}
          message={
            prompt.lot.bidCount > 0
              ? `“${prompt.lot.title}” is bought in at ${money(prompt.lot.currentPrice)}. It can be offered again or reopened later. The reason goes into the log.`
              : `“${prompt.lot.title}” is passed without a bid. It can be offered again later. The reason goes into the log.`
          }
          label="Reason"
          initial={prompt.lot.bidCount > 0 ? 'Bought in' : 'No bids'}
          confirmLabel="Pass lot"
          danger
          onConfirm={(reason) => done(actions.pass(prompt.lot, reason))}
          onCancel={onClose}
          testId="pass-dialog"
        />
      )
    case 'below':
      return (
        <KeyConfirm
          title="The reserve is not met"
          message={`Sell lot ${prompt.lot.number} below its reserve${prompt.lot.reservePrice !== null ? ` of ${money(prompt.lot.reservePrice)}` : ''} at ${money(prompt.lot.currentPrice)}? The result records it.`}
          confirmLabel="Sell below reserve"
          danger
          onConfirm={() => done(actions.hammer(prompt.lot, prompt.paddle, true))}
          onCancel={onClose}
          testId="below-dialog"
        />
      )
  }
}
