// Property test: 1,000 random command sequences run against the Lua engine (real Redis)
// and the reference model; every answer and the whole state after every step must match.
//
// Wall-clock rules are kept out of reach on purpose, so the outcome never depends on how
// fast the machine is: every auction ends at a fixed time two days ahead (no durations,
// whose end would count from the server's "now"), scheduled ones start one day ahead, no
// scheduler runs, and a soft close of at most an hour can never trigger two days out. So
// AUCTION_ENDED, extensions and scheduler passes never occur here (the engine tests cover
// them). The model gets its own fixed clock T0; timestamps that come from "now" (createdAt,
// startsAt on start, endsAt on end, history `at`) are compared as the token 'now'.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine, CreateAuctionInput } from '../../src/main/engine'
import type { Actor, Auction, BidAccepted, BidEntry } from '../../src/shared/domain'
import type { Failure } from '../../src/shared/errors'
import { currencyDigits, incrementAt, minorToDecimal } from '../../src/shared/money'
import { openEngine, uniqueId } from '../support/engine'
import { sequence, type AmountPick, type Command, type CreateSpec, type Who } from './commands'
import { ReferenceModel } from './reference-model'

const RUNS = 1000
const DAY = 24 * 3_600_000

let engine: AuctionEngine
let close: () => Promise<void>
let T0: number
beforeAll(async () => {
  ;({ engine, close } = await openEngine())
  T0 = await engine.serverTime()
})
afterAll(() => close())

/** A time from the clock ('now') or a fixed one (days ahead): see the header. */
const time = (value: number | null): number | string | null =>
  value === null ? null : value < T0 + DAY / 2 ? 'now' : value

const normAuction = (a: Auction | undefined) =>
  a && { ...a, createdAt: time(a.createdAt), startsAt: time(a.startsAt), endsAt: time(a.endsAt) }
const normHistory = (bids: BidEntry[]) => bids.map((b) => ({ ...b, at: time(b.at) }))
type Answer = { ok: true } | BidAccepted | Failure
const normAnswer = (answer: Answer) => {
  if (!answer.ok) {
    const { code, field, status, minimumBid } = (answer as Failure).error
    return { ok: false, code, field, status, minimumBid }
  }
  if ('result' in answer) return { ...answer, endsAt: time(answer.endsAt) }
  return { ok: true }
}

/** Tallies what the runs exercised, so a generator that drifts into triviality fails. */
const seen = new Map<string, number>()
const tally = (label: string) => seen.set(label, (seen.get(label) ?? 0) + 1)

class Run {
  private readonly model = new ReferenceModel()
  private readonly auctions: { id: string; sellerId: string; spec: CreateSpec }[] = []

  async create(spec: CreateSpec): Promise<void> {
    const sellerId = uniqueId('s')
    const input: CreateAuctionInput = {
      title: 'Lot',
      sellerId,
      currency: spec.currency,
      startingPrice: spec.startingPrice,
      reservePrice: spec.reservePrice,
      increment: spec.increment,
      incrementTable: spec.incrementTable,
      startsAt: spec.initial === 'scheduled' ? T0 + DAY : null,
      endsAt: T0 + 2 * DAY,
      softCloseSeconds: spec.softCloseSeconds,
      start: spec.initial === 'start',
    }
    const real = await engine.createAuction(input)
    if (!real.ok) expect.fail(`create failed: ${JSON.stringify(real.error)}`)
    const id = real.auction.id
    const modelled = this.model.create(
      {
        id,
        title: 'Lot',
        sellerId,
        currency: spec.currency,
        digits: currencyDigits(spec.currency),
        startingPrice: spec.startingPrice,
        reservePrice: spec.reservePrice,
        ...(spec.incrementTable
          ? { incrementTable: spec.incrementTable }
          : { increment: spec.increment as number }),
        startsAt: input.startsAt ?? null,
        endsAt: input.endsAt ?? null,
        durationMs: null,
        softCloseSeconds: spec.softCloseSeconds,
        start: spec.initial === 'start',
      },
      T0,
    )
    expect(normAnswer(real)).toEqual(normAnswer(modelled))
    this.auctions.push({ id, sellerId, spec })
    await this.compare(id)
  }

  async step(command: Command): Promise<void> {
    if (command.op === 'create') return this.create(command.spec)
    const lot =
      command.target < 0 ? undefined : this.auctions[command.target % this.auctions.length]
    const id = lot?.id ?? uniqueId('ghost')
    const actor = (who: Who): Actor =>
      who === 'staff'
        ? { id: 'clerk', staff: true }
        : { id: who === 'seller' ? (lot?.sellerId ?? 'nobody') : 'b1', staff: false }

    let real: Answer
    let modelled: Answer
    if (command.op === 'bid' || command.op === 'raise') {
      const input = this.bidInput(command, id, lot?.sellerId, lot?.spec)
      real = await engine.placeBid(input)
      modelled = this.model.bid(input, T0)
    } else {
      const who = actor(command.who)
      if (command.op === 'start') {
        real = await engine.startAuction(id, who)
        modelled = this.model.start(id, who, T0)
      } else if (command.op === 'end') {
        real = await engine.endAuction(id, who)
        modelled = this.model.end(id, who, T0)
      } else {
        real = await engine.cancelAuction(id, who)
        modelled = this.model.cancel(id, who, T0)
      }
    }
    expect(normAnswer(real)).toEqual(normAnswer(modelled))
    tally(`${command.op}:${this.label(real)}`)
    if (lot) await this.compare(id)
  }

  /** Every auction of the run, also as a bidder sees it. */
  async finish(): Promise<void> {
    for (const { id } of this.auctions) {
      await this.compare(id)
      const viewer = { id: 'b2', staff: false }
      const real = await engine.getAuction(id, viewer)
      expect(normAuction(real.ok ? real.auction : undefined)).toEqual(
        normAuction(this.model.view(id, viewer)),
      )
    }
  }

  private async compare(id: string): Promise<void> {
    const [real, history] = await Promise.all([
      engine.getAuction(id),
      engine.history(id, { limit: 1000 }),
    ])
    if (!real.ok || !history.ok) expect.fail(`read failed for ${id}`)
    expect(normAuction(real.auction)).toEqual(normAuction(this.model.view(id)))
    expect(normHistory(history.bids.slice().reverse())).toEqual(normHistory(this.model.history(id)))
    if (real.auction.bidCount > 0 && history.bids.some((b) => b.kind === 'auto')) tally('auto')
  }

  private bidInput(
    command: Extract<Command, { op: 'bid' | 'raise' }>,
    auctionId: string,
    sellerId: string | undefined,
    spec: CreateSpec | undefined,
  ) {
    const view = this.model.view(auctionId)
    const asking = view?.askingPrice ?? 1000
    const step = view ? incrementAt(view.currentPrice, view.increment, view.incrementTable) : 100
    const digits = currencyDigits(spec?.currency ?? 'USD')
    const pick = (p: AmountPick, base: number) =>
      p.kind === 'raw'
        ? p.value
        : p.form === 'number'
          ? Math.max(0, base + p.steps * step)
          : minorToDecimal(Math.max(0, base + p.steps * step), digits)
    if (command.op === 'raise') {
      return {
        auctionId,
        bidderId: view?.leaderId ?? 'b1',
        amount: asking,
        max: this.model.leaderMax(auctionId) + command.steps * step,
        requestId: command.requestId,
      }
    }
    const amount = pick(command.amount, asking)
    const base = typeof amount === 'number' ? amount : asking
    return {
      auctionId,
      bidderId: command.bidder === 'seller' ? (sellerId ?? 'b3') : command.bidder,
      amount,
      max: command.max && pick(command.max, base),
      requestId: command.requestId,
      source: command.source,
    }
  }

  private label(answer: Answer): string {
    if (!answer.ok) return (answer as Failure).error.code
    if ('result' in answer) return answer.duplicate ? 'duplicate' : answer.result
    return 'ok'
  }
}

describe('reference model ≡ Lua engine', () => {
  it(`${RUNS} random command sequences give identical answers and state`, async () => {
    await fc.assert(
      fc.asyncProperty(sequence, async ([first, commands]) => {
        const run = new Run()
        await run.create(first)
        for (const command of commands) await run.step(command)
        await run.finish()
      }),
      { numRuns: RUNS },
    )
    // The runs reached every rule: answers of each kind, and automatic entries.
    for (const label of [
      'bid:leading',
      'bid:outbid',
      'raise:max_raised',
      'bid:duplicate',
      'bid:AUCTION_NOT_FOUND',
      'bid:INVALID_AMOUNT',
      'bid:MAX_BELOW_AMOUNT',
      'bid:AUCTION_NOT_ACTIVE',
      'bid:SELLER_CANNOT_BID',
      'bid:BID_TOO_LOW',
      'raise:ALREADY_LEADING',
      'start:ok',
      'start:NOT_SELLER',
      'start:INVALID_STATUS',
      'end:ok',
      'end:AUCTION_NOT_ACTIVE',
      'cancel:ok',
      'cancel:INVALID_STATUS',
      'auto',
    ]) {
      expect(seen.get(label) ?? 0, label).toBeGreaterThan(0)
    }
  }, 300_000)
})
