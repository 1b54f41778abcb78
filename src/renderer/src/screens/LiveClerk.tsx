// The clerk's screen of a live sale (staff, or the sale's seller): the lot on the block
// large, the Floor key and the paddle field, the clerk's actions, the last bids, the
// absentee book, the running order and the sale's totals. Every action has its key
// (lib/shortcuts.ts); what the main side refuses is said in words.
import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Lot, Sale } from '../../../shared/domain'
import type { CommandResult } from '../../../shared/contract'
import { formatMoney } from '../../../shared/money'
import { Kbd, keyshortcut } from '../components/Kbd'
import { SaleActions } from '../components/SaleActions'
import { ModeBadge, SaleStatusBadge } from '../components/SaleStatusBadge'
import { useConsole } from '../context'
import { useLiveCommands } from '../hooks/useLiveCommands'
import { useLotHistory } from '../hooks/useLotHistory'
import { useRegisterNames } from '../hooks/useRegisterNames'
import { useShortcuts } from '../hooks/useShortcuts'
import { askDown, askSplit, askUp } from '../lib/asking'
import { bookLotOf, focusLotOf } from '../lib/blockLot'
import { FLOOR_PADDLE, leaderName, leaderSource } from '../lib/liveLot'
import { bidNotice, liveErrorWords } from '../lib/liveWords'
import { arrivedLive } from '../store/bidList'
import { AbsenteeBook } from './live/AbsenteeBook'
import { BidKeys, type PaddleSource } from './live/BidKeys'
import { ClerkActions, type ClerkAction } from './live/ClerkActions'
import { ClerkPrompt, type Prompt } from './live/ClerkPrompt'
import { DisplayLinkButton, type DisplayLinkHandle } from './live/DisplayLinkButton'
import { LastBids } from './live/LastBids'
import { BlockPanel } from './live/BlockPanel'
import { RunningOrder, type RunningOrderHandle } from './live/RunningOrder'
import { SaleResults } from './sale/SaleResults'

type Notice = { tone: 'good' | 'warn' | 'bad'; text: string }

export function LiveClerk(props: { sale: Sale; lotIds: readonly string[] }) {
  const { sale, lotIds } = props
  const commands = useLiveCommands()
  const names = useRegisterNames(sale)
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const go = useConsole((state) => state.go)
  const lots = useConsole(
    useShallow((state) => lotIds.map((id) => state.auctions[id]).filter((l) => l !== undefined)),
  )
  const lot = focusLotOf(lots)
  const bookLot = bookLotOf(lots)
  useLotHistory(lot?.id ?? null)
  const history = useConsole((state) => (lot ? state.histories[lot.id] : undefined))
  const [notice, setNotice] = useState<Notice | null>(null)
  const [prompt, setPrompt] = useState<Prompt | null>(null)
  const [pending, setPending] = useState(false)
  const [source, setSource] = useState<PaddleSource>('phone')
  const paddleRef = useRef<HTMLInputElement>(null)
  const orderRef = useRef<RunningOrderHandle>(null)
  const displayRef = useRef<DisplayLinkHandle>(null)

  const saleOpen = sale.status === 'open'
  const onBlock = lot?.lotStatus === 'active' ? lot : undefined
  const money = (minor: number): string => formatMoney(minor, sale.currency)
  const failed = (answer: CommandResult<'lots:offer'>): string | null =>
    answer.ok ? null : liveErrorWords(answer.error, sale.currency)

  /** Runs a lot command; says what happened (or why not) in the notice line. */
  const run = async (
    answer: Promise<CommandResult<'lots:offer'>>,
    said: (lot: Lot) => string,
  ): Promise<string | null> => {
    const result = await answer
    if (result.ok) setNotice({ tone: 'good', text: said(result.lot) })
    else setNotice({ tone: 'bad', text: liveErrorWords(result.error, sale.currency) })
    return failed(result)
  }

  const bid = async (
    answer: Promise<CommandResult<'bids:place'>>,
    bidderId: string,
  ): Promise<boolean> => {
    setPending(true)
    const result = await answer
    setPending(false)
    if (result.ok) setNotice(bidNotice(result, bidderId, sale.currency, leaderName))
    else setNotice({ tone: 'bad', text: liveErrorWords(result.error, sale.currency) })
    return result.ok
  }

  const hammer = async (
    target: Lot,
    paddle: string | undefined,
    belowReserve: boolean,
  ): Promise<string | null> => {
    const result = await commands.hammer(target, { paddle, belowReserve })
    if (result.ok) {
      const sold = result.lot
      const price = money(sold.result?.finalPrice ?? sold.currentPrice)
      setNotice({
        tone: 'good',
        text: `Lot ${sold.number} sold to ${leaderName(sold.result?.winnerId ?? null)} for ${price}.`,
      })
      return null
    }
    if (result.error.code === 'RESERVE_NOT_MET' && !belowReserve) {
      setPrompt({ kind: 'below', lot: target, paddle })
      return null
    }
    if (result.error.code === 'PADDLE_REQUIRED' && !paddle) {
      setPrompt({ kind: 'paddle', lot: target })
      return null
    }
    const words = liveErrorWords(result.error, sale.currency)
    setNotice({ tone: 'bad', text: words })
    return words
  }

  const actions = {
    retract: (target: Lot, reason: string) =>
      run(
        commands.retract(target, reason),
        (l) => `Last bid on lot ${l.number} undone: ${reason}.`,
      ),
    reopen: (target: Lot, reason: string) =>
      run(commands.reopen(target, reason), (l) => `Lot ${l.number} reopened: ${reason}.`),
    pass: (target: Lot, reason: string) =>
      run(commands.pass(target, reason), (l) => `Lot ${l.number} passed.`),
    hammer,
  }

  const ask = (amount: number | null) =>
    onBlock && amount !== null
      ? () => void run(commands.ask(onBlock, amount), (l) => `Asking ${money(l.askingPrice)}.`)
      : undefined
  const floor = onBlock ? () => void bid(commands.floorBid(onBlock), FLOOR_PADDLE) : undefined
  const offerNext =
    saleOpen && !onBlock && lots.some((l) => l.lotStatus === 'waiting')
      ? () => void run(commands.offer(sale.id), (l) => `Lot ${l.number} is on the block.`)
      : undefined
  const sold = onBlock?.leaderId
    ? () =>
        onBlock.leaderId === FLOOR_PADDLE
          ? setPrompt({ kind: 'paddle', lot: onBlock })
          : void hammer(onBlock, undefined, false)
    : undefined

  const bidding: ClerkAction[] = [
    {
      name: 'warn',
      label: 'Fair warning',
      tone: 'warn',
      testId: 'warn',
      run:
        onBlock && !onBlock.warning
          ? () => void run(commands.warn(onBlock), (l) => `Fair warning on lot ${l.number}.`)
          : undefined,
    },
    { name: 'hammer', label: 'Sold', tone: 'primary', testId: 'sold', run: sold },
    {
      name: 'pass',
      label: 'Pass',
      testId: 'pass',
      run: onBlock ? () => setPrompt({ kind: 'pass', lot: onBlock }) : undefined,
    },
    {
      name: 'undo',
      label: 'Undo last bid',
      tone: 'danger',
      testId: 'undo',
      run: onBlock?.leaderId ? () => setPrompt({ kind: 'undo', lot: onBlock }) : undefined,
    },
  ]
  const asking: ClerkAction[] = [
    { name: 'askUp', label: 'Ask up', testId: 'ask-up', run: ask(onBlock ? askUp(onBlock) : null) },
    {
      name: 'askDown',
      label: 'Ask down',
      testId: 'ask-down',
      run: ask(onBlock ? askDown(onBlock) : null),
    },
    {
      name: 'split',
      label: 'Split',
      testId: 'split',
      run: ask(onBlock ? askSplit(onBlock) : null),
    },
    { name: 'nextLot', label: 'Next lot', tone: 'primary', testId: 'next-lot', run: offerNext },
  ]

  const byName = Object.fromEntries(
    [...bidding, ...asking].map((action) => [action.name, action.run]),
  )
  useShortcuts({
    back: () => go({ screen: 'list' }),
    floorBid: floor,
    paddle: onBlock ? () => paddleRef.current?.focus() : undefined,
    source: () => setSource(source === 'phone' ? 'online' : 'phone'),
    order: () => orderRef.current?.focus(),
    display: () => displayRef.current?.open(),
    rates: () => setPrompt({ kind: 'rates' }),
    ...byName,
  })

  // An internet bid that arrived live flashes once (its element is keyed by its id).
  const newest = history && history.count > 0 ? history.log[history.count - 1] : undefined
  const internetBid =
    newest && history && newest.source === 'online' && arrivedLive(history, newest.id)
      ? newest.id
      : null

  return (
    <main className="screen live" aria-labelledby="sale-title" data-testid="live-clerk">
      <header className="live__header">
        <button
          type="button"
          className="button button--quiet"
          aria-keyshortcuts={keyshortcut('back')}
          onClick={() => go({ screen: 'list' })}
        >
          ← Sales <Kbd name="back" />
        </button>
        <div className="room__heading">
          <h1 id="sale-title" data-testid="sale-title">
            {sale.title}
          </h1>
          <SaleStatusBadge status={sale.status} />
          <ModeBadge mode={sale.mode} />
        </div>
        <DisplayLinkButton sale={sale} ref={displayRef} onNotice={setNotice} />
        <button
          type="button"
          className="button"
          aria-keyshortcuts={keyshortcut('rates')}
          onClick={() => setPrompt({ kind: 'rates' })}
          data-testid="rates-button"
        >
          Rates <Kbd name="rates" />
        </button>
        <SaleActions sale={sale} shortcuts />
      </header>
      <p
        className={`live__notice live__notice--${notice?.tone ?? 'none'}`}
        role="status"
        data-testid="clerk-notice"
      >
        {notice?.text ??
          (saleOpen
            ? onBlock
              ? 'Space takes a floor bid at the asking price.'
              : 'No lot on the block: Alt+N offers the next one.'
            : sale.status === 'closed'
              ? 'The sale is over.'
              : 'Start the sale to offer its lots.')}
      </p>
      <div className="live__body">
        <div className="live__main">
          {lot ? (
            <BlockPanel
              lot={lot}
              source={leaderSource(lot, history)}
              internetBid={internetBid}
              names={names}
            />
          ) : (
            <section className="panel block">
              <p className="empty">This sale has no lots.</p>
            </section>
          )}
          {lot ? (
            <BidKeys
              lot={lot}
              open={onBlock !== undefined}
              pending={pending}
              paddleRef={paddleRef}
              source={source}
              onSource={setSource}
              onFloor={() => floor?.()}
              onPaddle={(paddle) =>
                onBlock
                  ? bid(commands.bidAsking(onBlock, paddle, source), paddle)
                  : Promise.resolve(false)
              }
            />
          ) : null}
          <div className="live__actions">
            <ClerkActions actions={bidding} label="The lot on the block" />
            <ClerkActions actions={asking} label="Asking price and next lot" />
          </div>
          {lot ? <LastBids lotId={lot.id} currency={sale.currency} /> : null}
        </div>
        <div className="live__side">
          <SaleResults sale={sale} lotIds={lotIds} />
          <nav className="live__links" aria-label="Sale">
            <button
              type="button"
              className="link"
              onClick={() => go({ screen: 'register', saleId: sale.id })}
            >
              Register
            </button>
            <button
              type="button"
              className="link"
              onClick={() =>
                go({ screen: 'results', saleId: sale.id, tab: staff ? 'report' : 'statements' })
              }
            >
              {staff ? 'Results' : 'My statement'}
            </button>
          </nav>
          <AbsenteeBook
            lotId={bookLot?.id ?? null}
            number={bookLot?.number ?? null}
            size={bookLot?.book ?? 0}
            currency={sale.currency}
          />
          <RunningOrder
            ref={orderRef}
            lotIds={lotIds}
            onOffer={
              saleOpen && !onBlock
                ? (target) =>
                    void run(
                      commands.offer(sale.id, target.id),
                      (l) => `Lot ${l.number} is on the block.`,
                    )
                : undefined
            }
            onReopen={
              saleOpen && !onBlock
                ? (target) => setPrompt({ kind: 'reopen', lot: target })
                : undefined
            }
          />
        </div>
      </div>
      {prompt ? (
        <ClerkPrompt
          prompt={prompt}
          sale={sale}
          actions={actions}
          onClose={() => setPrompt(null)}
        />
      ) : null}
    </main>
  )
}
