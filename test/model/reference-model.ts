// A reference model of the auction rules of issue 2 in plain TypeScript: no Redis, no I/O,
// and a clock the caller passes to every command. The property test runs it beside the Lua
// engine and demands the same answers and the same state.
//
// It starts where the engine's input schema ends (ids, sources and create fields are
// already well-formed; create amounts are minor units) and mirrors the engine's decisions
// where the issue leaves room:
// - the reserve rule records an extra automatic 'leading' entry for the leader at the
//   reserve price (also after a max_raised, whose own answer then has bidId null);
// - a max_raised adds no history entry of its own;
// - bid ids are 1-based positions in the auction's history;
// - a rejected bid is not remembered under its requestId;
// - AUCTION_ENDED applies from now >= endsAt; ending sets endsAt to now when it was later;
// - ending an ended auction and cancelling a cancelled one succeed without a change;
//   ending anything else that is not active is AUCTION_NOT_ACTIVE, starting anything but a
//   draft or scheduled auction INVALID_STATUS.
import type {
  Actor,
  Auction,
  AuctionResult,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  BidResultKind,
  BidSource,
  IncrementBand,
} from '../../src/shared/domain'
import type { CommandError, ErrorCode, Failure } from '../../src/shared/errors'

const MAX_MINOR = 10n ** 13n

export interface ModelCreate {
  id: string
  title: string
  description?: string
  sellerId: string
  currency: string
  /** Minor-unit digits of the currency (USD 2, JPY 0, BHD 3). */
  digits: number
  startingPrice: number
  reservePrice: number | null
  increment?: number
  incrementTable?: IncrementBand[]
  startsAt: number | null
  endsAt: number | null
  durationMs: number | null
  softCloseSeconds: number
  start: boolean
}

export interface ModelBid {
  auctionId: string
  bidderId: string
  amount: string | number
  max?: string | number | null
  requestId?: string | null
  source?: BidSource
}

interface State {
  spec: ModelCreate
  status: AuctionStatus
  price: number
  leaderId: string | null
  leaderMax: number
  bidCount: number
  startsAt: number | null
  endsAt: number | null
  durationMs: number | null
  seq: number
  createdAt: number
  result?: AuctionResult
  history: BidEntry[]
  requests: Map<string, BidAccepted>
}

type Ok<T> = { ok: true } & T
const failure = (code: ErrorCode, extra: Partial<CommandError> = {}): Failure => ({
  ok: false,
  error: { code, message: code, ...extra },
})

/** Decimal text or minor units → minor units; null when malformed or out of range. */
export function modelAmount(value: string | number, digits: number): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= Number(MAX_MINOR) ? value + 0 : null
  }
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value)
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  const minor =
    BigInt(match[1] as string) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || 0)
  return minor > MAX_MINOR ? null : Number(minor)
}

export class ReferenceModel {
  private readonly auctions = new Map<string, State>()

  create(spec: ModelCreate, now: number): Ok<{ auction: Auction }> | Failure {
    if (spec.endsAt !== null && spec.endsAt <= now)
      return failure('INVALID_INPUT', { field: 'endsAt' })
    if (spec.endsAt !== null && spec.startsAt !== null && spec.startsAt >= spec.endsAt) {
      return failure('INVALID_INPUT', { field: 'startsAt' })
    }
    const state: State = {
      spec,
      status: spec.startsAt !== null ? 'scheduled' : 'draft',
      price: spec.startingPrice,
      leaderId: null,
      leaderMax: 0,
      bidCount: 0,
      startsAt: spec.startsAt,
      endsAt: spec.endsAt,
      durationMs: spec.durationMs,
      seq: 1,
      createdAt: now,
      history: [],
      requests: new Map(),
    }
    if (spec.start) this.activate(state, now)
    this.auctions.set(spec.id, state)
    return { ok: true, auction: this.view(spec.id) as Auction }
  }

  start(id: string, actor: Actor, now: number): Ok<{ auction: Auction }> | Failure {
    const a = this.auctions.get(id)
    if (!a) return failure('AUCTION_NOT_FOUND')
    if (!mayAct(a, actor)) return failure('NOT_SELLER')
    if (a.status !== 'draft' && a.status !== 'scheduled') {
      return failure('INVALID_STATUS', { status: a.status })
    }
    const ends = a.durationMs !== null ? now + a.durationMs : a.endsAt
    if (ends !== null && ends <= now) return failure('INVALID_INPUT', { field: 'endsAt' })
    this.activate(a, now)
    return { ok: true, auction: this.view(id, actor) as Auction }
  }

  end(id: string, actor: Actor, now: number): Ok<{ auction: Auction }> | Failure {
    const a = this.auctions.get(id)
    if (!a) return failure('AUCTION_NOT_FOUND')
    if (!mayAct(a, actor)) return failure('NOT_SELLER')
    if (a.status !== 'ended') {
      if (a.status !== 'active') return failure('AUCTION_NOT_ACTIVE', { status: a.status })
      this.close(a, now)
    }
    return { ok: true, auction: this.view(id, actor) as Auction }
  }

  cancel(id: string, actor: Actor, _now: number): Ok<{ auction: Auction }> | Failure {
    const a = this.auctions.get(id)
    if (!a) return failure('AUCTION_NOT_FOUND')
    if (!mayAct(a, actor)) return failure('NOT_SELLER')
    if (a.status === 'ended') return failure('INVALID_STATUS', { status: a.status })
    if (a.status !== 'cancelled') {
      a.status = 'cancelled'
      a.seq++
    }
    return { ok: true, auction: this.view(id, actor) as Auction }
  }

  /** What a scheduler does at `now`: start what is due, close what is due. */
  schedulerPass(now: number): void {
    for (const a of this.auctions.values()) {
      if (a.status === 'scheduled' && a.startsAt !== null && a.startsAt <= now) {
        const ends = a.durationMs !== null ? now + a.durationMs : a.endsAt
        if (ends === null || ends > now) this.activate(a, now)
      } else if (a.status === 'active' && a.endsAt !== null && a.endsAt <= now) {
        this.close(a, now)
      }
    }
  }

  bid(input: ModelBid, now: number): BidAccepted | Failure {
    const a = this.auctions.get(input.auctionId)
    const previous = input.requestId ? a?.requests.get(input.requestId) : undefined
    if (previous) return { ...previous, duplicate: true }
    if (!a) return failure('AUCTION_NOT_FOUND')
    const amount = modelAmount(input.amount, a.spec.digits)
    if (amount === null) return failure('INVALID_AMOUNT', { field: 'amount' })
    let max = amount
    if (input.max !== undefined && input.max !== null) {
      const parsed = modelAmount(input.max, a.spec.digits)
      if (parsed === null) return failure('INVALID_AMOUNT', { field: 'max' })
      max = parsed
    }
    if (max < amount) return failure('MAX_BELOW_AMOUNT')
    if (a.status !== 'active') return failure('AUCTION_NOT_ACTIVE', { status: a.status })
    if (a.endsAt !== null && now >= a.endsAt) return failure('AUCTION_ENDED')
    if (input.bidderId === a.spec.sellerId) return failure('SELLER_CANNOT_BID')
    const asking = askingPrice(a)
    if (amount < asking) return failure('BID_TOO_LOW', { minimumBid: asking })

    const bidder = input.bidderId
    const source = input.source ?? 'online'
    const seq = a.seq + 1
    const record = (
      who: string,
      value: number,
      kind: 'manual' | 'auto',
      outcome: 'leading' | 'outbid',
    ) => {
      const entry: BidEntry = {
        id: a.history.length + 1,
        bidderId: who,
        amount: value,
        kind,
        outcome,
        source,
        at: now,
        seq,
      }
      a.history.push(entry)
      return entry.id
    }
    const oldPrice = a.price
    let own: number | null = null
    let result: BidResultKind
    if (a.leaderId === bidder) {
      if (max <= a.leaderMax) return failure('ALREADY_LEADING')
      a.leaderMax = max
      result = 'max_raised'
    } else if (a.leaderId === null) {
      a.leaderId = bidder
      a.leaderMax = max
      a.price = amount
      own = record(bidder, amount, 'manual', 'leading')
      result = 'leading'
    } else if (max > a.leaderMax) {
      const price = Math.max(amount, Math.min(max, a.leaderMax + inc(a, a.leaderMax)))
      if (a.leaderMax > a.price) record(a.leaderId, a.leaderMax, 'auto', 'outbid')
      a.leaderId = bidder
      a.leaderMax = max
      a.price = price
      own = record(bidder, price, 'manual', 'leading')
      result = 'leading'
    } else {
      // The earlier maximum wins a tie.
      const price = Math.min(a.leaderMax, max + inc(a, max))
      own = record(bidder, max, 'manual', 'outbid')
      a.price = price
      record(a.leaderId, price, 'auto', 'leading')
      result = 'outbid'
    }
    const reserve = a.spec.reservePrice
    if (reserve !== null && a.leaderMax >= reserve && a.price < reserve) {
      a.price = reserve
      record(a.leaderId, reserve, 'auto', 'leading')
    }
    a.bidCount = a.history.length

    let extended = false
    const window = a.spec.softCloseSeconds * 1000
    if (window > 0 && a.price !== oldPrice && a.endsAt !== null && a.endsAt - now < window) {
      a.endsAt = now + window
      extended = true
    }
    a.seq = seq + (extended ? 1 : 0)

    const answer: BidAccepted = {
      ok: true,
      bidId: own,
      auctionId: input.auctionId,
      result,
      price: a.price,
      leaderId: a.leaderId,
      bidCount: a.bidCount,
      endsAt: a.endsAt,
      extended,
      duplicate: false,
      reserveMet: reserveMet(a),
      maxAmount: max,
      askingPrice: askingPrice(a),
    }
    if (input.requestId) a.requests.set(input.requestId, answer)
    return answer
  }

  /** The auction as `viewer` sees it (no viewer: the engine's own, reserve included). */
  view(id: string, viewer?: Actor): Auction | undefined {
    const a = this.auctions.get(id)
    if (!a) return undefined
    const { spec } = a
    const seesReserve = !viewer || viewer.staff || viewer.id === spec.sellerId
    const auction: Auction = {
      id: spec.id,
      title: spec.title,
      description: spec.description ?? '',
      sellerId: spec.sellerId,
      status: a.status,
      currency: spec.currency,
      startingPrice: spec.startingPrice,
      reservePrice: seesReserve ? spec.reservePrice : null,
      hasReserve: spec.reservePrice !== null,
      reserveMet: reserveMet(a),
      ...(spec.incrementTable
        ? { incrementTable: spec.incrementTable }
        : { increment: spec.increment }),
      currentPrice: a.price,
      askingPrice: askingPrice(a),
      leaderId: a.leaderId,
      bidCount: a.bidCount,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      durationMs: a.durationMs,
      softCloseSeconds: spec.softCloseSeconds,
      seq: a.seq,
      createdAt: a.createdAt,
    }
    if (a.result) auction.result = { ...a.result }
    return auction
  }

  /** The whole history, oldest first. */
  history(id: string): BidEntry[] {
    return [...(this.auctions.get(id)?.history ?? [])]
  }

  /** The leader's secret maximum (the test uses it to aim "raise" commands). */
  leaderMax(id: string): number {
    return this.auctions.get(id)?.leaderMax ?? 0
  }

  private activate(a: State, now: number): void {
    if (a.durationMs !== null) a.endsAt = now + a.durationMs
    a.status = 'active'
    a.startsAt = now
    a.durationMs = null
    a.seq++
  }

  private close(a: State, now: number): void {
    const met = reserveMet(a)
    a.result = {
      winnerId: a.leaderId !== null && met ? a.leaderId : null,
      finalPrice: a.price,
      reserveMet: met,
    }
    a.status = 'ended'
    if (a.endsAt === null || a.endsAt > now) a.endsAt = now
    a.seq++
  }
}

const mayAct = (a: State, actor: Actor): boolean => actor.staff || actor.id === a.spec.sellerId

/** The increment at price x: the fixed one, or the last band whose from ≤ x. */
function inc(a: State, x: number): number {
  const table = a.spec.incrementTable
  if (!table) return a.spec.increment as number
  let step = (table[0] as IncrementBand).increment
  for (const band of table) if (band.from <= x) step = band.increment
  return step
}

function askingPrice(a: State): number {
  return a.leaderId === null ? a.spec.startingPrice : a.price + inc(a, a.price)
}

function reserveMet(a: State): boolean {
  const reserve = a.spec.reservePrice
  return reserve === null || (a.leaderId !== null && a.price >= reserve)
}
