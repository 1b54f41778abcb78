// The live sale's commands of a property-test run: each goes to the Lua engine and to the
// reference model at the same clock (see run.ts, which compares the answers and the state).
import type { AuctionEngine } from '../../src/main/engine'
import type { Actor, BidAccepted } from '../../src/shared/domain'
import { saleIdOf } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { currencyDigits, incrementAt, minorToDecimal } from '../../src/shared/money'
import type { Among, Who } from './commands'
import type { LiveCommand, PaddlePick } from './live-commands'
import type { ReferenceModel } from './reference-model'

export type Answer = { ok: true } | BidAccepted | Failure
/** Both answers (engine, model) and the ids whose state the command may have changed. */
export type Applied = [[Answer, Answer], string[]]

/** What a step needs of its run. */
export interface StepContext {
  engine: AuctionEngine
  model: ReferenceModel
  now: number
  saleOf(index: number): string
  lotOf(index: number, among: Among): string
  actor(who: Who, saleId: string): Actor
}

export async function applyLive(command: LiveCommand, run: StepContext): Promise<Applied> {
  const { engine, model, now } = run
  if (command.op === 'offer' || command.op === 'rates') {
    const saleId = run.saleOf(command.sale)
    const actor = run.actor(command.who, saleId)
    if (command.op === 'rates') {
      const real = await engine.setDisplayRates(saleId, command.rates, actor)
      return [[real, model.setDisplayRates(saleId, command.rates, actor, now)], [saleId]]
    }
    const lotId = command.lot ? run.lotOf(command.lot.target, command.lot.among) : undefined
    const real = await engine.offerLot(saleId, lotId, actor)
    const modelled = model.offer(saleId, lotId ?? null, actor, now)
    return [[real, modelled], modelled.ok ? [saleId, modelled.lot.id] : [saleId]]
  }
  const id = run.lotOf(command.target, command.among)
  const actor = run.actor(command.who, saleIdOf(id))
  const both = (real: Answer, modelled: Answer): Applied => [[real, modelled], [id]]
  switch (command.op) {
    case 'floor': {
      const paddle = command.paddle === null ? null : paddleOf(command.paddle, run, id)
      const input = { paddle, requestId: command.requestId }
      const real = await engine.floorBid(id, withoutNulls(input), actor)
      return both(real, model.floor(id, input, actor, now))
    }
    case 'ask': {
      const amount = askAmount(command.amount, run.model, id)
      return both(await engine.askLot(id, amount, actor), model.ask(id, amount, actor, now))
    }
    case 'warn':
      return both(await engine.warnLot(id, actor), model.warn(id, actor, now))
    case 'pass':
      return both(await engine.passLot(id, actor), model.pass(id, actor, now))
    case 'withdraw':
      return both(await engine.withdrawLot(id, actor), model.withdraw(id, actor, now))
    case 'hammer': {
      const paddle = command.paddle === null ? null : paddleOf(command.paddle, run, id)
      const options = { paddle, belowReserve: command.belowReserve }
      const real = await engine.hammerLot(id, withoutNulls(options), actor)
      return both(real, model.hammer(id, options, actor, now))
    }
    case 'retract': {
      const real = await engine.retractBid(id, command.reason, actor)
      return both(real, model.retract(id, command.reason, actor, now))
    }
    case 'reopen': {
      const real = await engine.reopenLot(id, command.reason, actor)
      return both(real, model.reopen(id, command.reason, actor, now))
    }
  }
}

/** The paddle a pick names on this lot: its leader's, the seller's, or as picked. */
function paddleOf(pick: PaddlePick, run: StepContext, id: string): string {
  const view = run.model.view(id)
  if (pick === 'leader') return view?.leaderId ?? 'b1'
  if (pick === 'seller') return view?.sellerId ?? 'b3'
  return pick
}

/** The engine's options leave out what is not given. */
function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>
  }
}

/** An asking price some half increments above the current price, as a number or as text. */
function askAmount(
  pick: Extract<LiveCommand, { op: 'ask' }>['amount'],
  model: ReferenceModel,
  id: string,
): string | number {
  if (pick.kind === 'raw') return pick.value
  const view = model.view(id)
  const price = view?.currentPrice ?? 1000
  const step = view ? incrementAt(price, view.increment, view.incrementTable) : 100
  const amount = Math.max(0, price + pick.steps * Math.max(1, Math.floor(step / 2)))
  return pick.form === 'number'
    ? amount
    : minorToDecimal(amount, currencyDigits(view?.currency ?? 'USD'))
}
