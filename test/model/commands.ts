// The commands of the property test's random sequences and their building blocks:
// standalone auctions and sales (timed and live) with lots, their starts, ends and cancels,
// bids on any lot (random bidders, the seller too; amounts valid, too low, at the asking
// price, malformed text, bad numbers), the clock moving on to times the rules care about,
// and scheduler passes. Request ids come from small pools so that retries happen. The live
// sale's clerk commands are in live-commands.ts; sequences.ts puts runs together.
import fc from 'fast-check'
import { BID_SOURCES, type BidSource, type IncrementBand } from '../../src/shared/domain'
import type { PremiumBand } from '../../src/shared/settlement'
import type { LiveCommand } from './live-commands'

export type Who = 'seller' | 'staff' | 'other'
export type BidderPick = 'b1' | 'b2' | 'b3' | 'seller'
export type AmountForm = 'number' | 'text'
/** `steps` increments away from a reference price that only the run knows (asking, amount…). */
export type AmountPick =
  { kind: 'steps'; steps: number; form: AmountForm } | { kind: 'raw'; value: string | number }

export const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A standalone auction; times are offsets from the run's clock at the command. */
export interface CreateSpec {
  currency: 'USD' | 'JPY' | 'BHD'
  startingPrice: number
  reservePrice: number | null
  increment: number | null
  incrementTable: IncrementBand[] | null
  initial: 'draft' | 'scheduled' | 'start'
  /** Offset of startsAt when scheduled: ≤ 0 is already due, ≥ the end is refused. */
  startsIn: number
  /** endsAt at this offset, or a duration counted from the start. */
  close: { kind: 'at' | 'duration'; ms: number }
  softCloseSeconds: number
  requestId: string | null
}

export interface SaleSpec {
  mode: 'timed' | 'live'
  who: 'seller' | 'staff'
  currency: 'USD' | 'JPY' | 'BHD'
  /** The lots' default increment; a sale may have none. */
  increment: number | null
  incrementTable: IncrementBand[] | null
  initial: 'draft' | 'scheduled' | 'start'
  startsIn: number
  /** Timed sales need exactly one of a first close time and a duration; live sales neither. */
  close: { kind: 'at' | 'duration' | 'none' | 'both'; ms: number }
  closeIntervalSeconds: number
  softCloseSeconds: number
  requestId: string | null
  requireRegistration: boolean
  /** Premium bands as the sale stores them (minor units, ppm); null: none. */
  premium: PremiumBand[] | null
}

export interface LotSpec {
  /** As typed: "07" and "7" are the same lot number, "A1" is none. */
  number: string
  startingPrice: number
  reservePrice: number | null
  estimate: [number, number] | null
  increment: number | null
  incrementTable: IncrementBand[] | null
  softCloseSeconds: number | null
  requestId: string | null
}

/** Where the clock goes: the index-th time some rule changes (± 1 ms), or ahead by ms. */
export type TimePick =
  { kind: 'next'; index: number; delta: -1 | 0 | 1 } | { kind: 'by'; ms: number }

/**
 * Which of the run's lots a command picks from (all of them when there is none such): open
 * for bidding, any, on the block, waiting in a live sale, sold or passed in a live sale.
 */
export type Among = 'active' | 'any' | 'block' | 'waiting' | 'ended'

/**
 * `target` indexes the run's lots (every auction is one), `sale` its sales (standalone
 * auctions' sales too), both modulo; -1 names one that does not exist.
 */
export type Command =
  | { op: 'create'; spec: CreateSpec }
  | { op: 'createSale'; spec: SaleSpec }
  | { op: 'addLot'; sale: number; spec: LotSpec; who: Who }
  | { op: 'startSale' | 'endSale' | 'cancelSale'; sale: number; who: Who }
  | { op: 'start' | 'end' | 'cancel'; target: number; who: Who }
  | {
      op: 'bid'
      target: number
      among: Among
      bidder: BidderPick
      amount: AmountPick
      max: AmountPick | null
      requestId: string | null
      source: BidSource
    }
  | { op: 'raise'; target: number; among: Among; steps: number; requestId: string | null }
  | { op: 'clock'; to: TimePick; tick: boolean }
  | {
      op: 'register'
      sale: number
      mode: 'add' | 'update'
      paddle: BidderPick
      approved: boolean
      /** Minor units; null: no limit. */
      limit: number | null
      who: Who
    }
  | LiveCommand

const RAW: (string | number)[] = [
  'asking', // as a maximum: no amount
  '-1',
  '+5',
  '1e3',
  'NaN',
  'Infinity',
  '',
  'abc',
  '1.2345',
  '12.',
  ' 5',
  '7.5',
  '0x1F',
  '100000000000000',
  -5,
  2.5,
  1e14,
]

export const target = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 12 },
  { arbitrary: fc.constant(-1), weight: 1 },
)
export const among = fc.constantFrom<Among>('active', 'active', 'active', 'any')
export const pool = (ids: string[], none = 3) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: none },
    { arbitrary: fc.constantFrom(...ids), weight: 2 },
  )
export const requestId = pool(['r1', 'r2', 'r3', 'r4'])
export const form = fc.constantFrom<AmountForm>('number', 'text')
export const raw = fc.constantFrom(...RAW).map((value) => ({ kind: 'raw' as const, value }))
const currency = fc.constantFrom<'USD' | 'JPY' | 'BHD'>('USD', 'JPY', 'BHD')
const softClose = fc.constantFrom(0, 0, 1, 60, 3600)

const table = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 500 })), {
    maxLength: 3,
  })
  .chain((rest) =>
    fc.integer({ min: 1, max: 500 }).map((first) => {
      const bands: IncrementBand[] = [{ from: 0, increment: first }]
      for (const [gap, increment] of rest) {
        bands.push({ from: (bands[bands.length - 1] as IncrementBand).from + gap, increment })
      }
      return bands
    }),
  )

/** Premium bands: one rate, or a rate up to a top and another above it (tops where bids go). */
const premiumBands: fc.Arbitrary<PremiumBand[]> = fc.oneof(
  fc.integer({ min: 0, max: 300_000 }).map((rate) => [{ upTo: null, rate }]),
  fc
    .tuple(
      fc.integer({ min: 1, max: 3000 }),
      fc.integer({ min: 0, max: 300_000 }),
      fc.integer({ min: 0, max: 300_000 }),
    )
    .map(([upTo, first, rest]) => [
      { upTo, rate: first },
      { upTo: null, rate: rest },
    ]),
)

/** A fixed step, a table, or (with a weight for it) neither. */
const steps = (none = 0) =>
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 1, max: 500 }), weight: 3 },
      { arbitrary: table, weight: 1 },
      { arbitrary: fc.constant(null), weight: none },
    )
    .map((step) => ({
      increment: typeof step === 'number' ? step : null,
      incrementTable: step !== null && typeof step !== 'number' ? step : null,
    }))

/** Offsets: already past, at once, soon, in an hour, far away. */
const startsIn = fc.constantFrom(-MINUTE, 0, 1, 30_000, MINUTE, HOUR, DAY)
const closesIn = fc.constantFrom(1, 1000, 30_000, MINUTE, 2 * MINUTE, HOUR, 2 * DAY)

export const createSpec: fc.Arbitrary<CreateSpec> = fc
  .record({
    currency,
    startingPrice: fc.integer({ min: 0, max: 5000 }),
    reservePrice: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
    step: steps(),
    initial: fc.constantFrom('draft', 'scheduled', 'start', 'start'),
    startsIn,
    close: fc.record({ kind: fc.constantFrom('at', 'at', 'duration'), ms: closesIn }),
    softCloseSeconds: softClose,
    requestId: pool(['c1', 'c2'], 1),
  })
  .map(({ step, ...rest }) => ({ ...rest, ...step }))

export const saleSpec: fc.Arbitrary<SaleSpec> = fc
  .record({
    mode: fc.constantFrom('timed', 'timed', 'live'),
    who: fc.constantFrom('seller', 'seller', 'staff'),
    currency,
    step: steps(1),
    initial: fc.constantFrom('draft', 'draft', 'scheduled', 'start'),
    startsIn,
    close: fc.record({
      kind: fc.oneof(
        { arbitrary: fc.constantFrom('at', 'duration'), weight: 6 },
        { arbitrary: fc.constantFrom('none', 'both'), weight: 1 },
      ),
      ms: closesIn,
    }),
    closeIntervalSeconds: fc.constantFrom(0, 0.5, 1, 30, 60),
    softCloseSeconds: softClose,
    requestId: pool(['c1', 'c2'], 1),
    requireRegistration: fc.constantFrom(false, false, true),
    premium: fc.option(premiumBands, { nil: null }),
  })
  .map(({ step, mode, close, ...rest }) => ({
    ...rest,
    ...step,
    mode,
    // A live sale has no close times; giving it one is the rare mistake.
    close: mode === 'live' && close.kind !== 'both' ? { ...close, kind: 'none' } : close,
  }))

/** A sale that the engine accepts, the first of a run: started once its lots are in, left
 * to the scheduler, or left a draft. */
export type Opening = 'start' | 'scheduled' | 'draft'
export const validSale = (opening: Opening) =>
  saleSpec.map((spec): SaleSpec => ({
    ...spec,
    initial: opening === 'scheduled' ? 'scheduled' : 'draft',
    close: {
      kind: spec.mode === 'live' ? 'none' : spec.close.kind === 'at' ? 'at' : 'duration',
      ms: Math.max(spec.close.ms, MINUTE),
    },
    startsIn: Math.min(spec.startsIn, 30_000),
  }))

const swapped = fc.oneof(
  { arbitrary: fc.constant(false), weight: 12 },
  { arbitrary: fc.constant(true), weight: 1 },
)

export const lotSpec: fc.Arbitrary<LotSpec> = fc
  .record({
    number: fc.constantFrom('1', '2', '3', '7', '07', '10', '12', '12A', '12a', '12B', '2A', 'A1'),
    startingPrice: fc.integer({ min: 0, max: 5000 }),
    reservePrice: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
    // Low ≤ high, now and then the other way round.
    estimate: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), swapped)
        .map(([a, b, swap]): [number, number] =>
          swap ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)],
        ),
      { nil: null, freq: 2 },
    ),
    step: steps(1),
    softCloseSeconds: fc.option(softClose, { nil: null }),
    requestId: pool(['l1', 'l2']),
    // Now and then a reserve a little above the start, where bids and books reach it.
    reserveAbove: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null, freq: 2 }),
  })
  .map(({ step, reserveAbove, ...rest }) => ({
    ...rest,
    ...step,
    reservePrice: reserveAbove === null ? rest.reservePrice : rest.startingPrice + reserveAbove,
  }))

export const who = fc.constantFrom<Who>('seller', 'seller', 'staff', 'other')

const maxPick = (none: number) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: none },
    {
      arbitrary: fc.record({
        kind: fc.constant('steps' as const),
        steps: fc.integer({ min: -1, max: 12 }),
        form,
      }),
      weight: 3,
    },
    { arbitrary: raw, weight: 1 },
  )

/** A bid on a lot picked `among`, from one of `sources`, with a maximum now and then. */
export const bidOn = (
  picks: fc.Arbitrary<Among>,
  sources: readonly BidSource[] = BID_SOURCES,
  noMax = 3,
) =>
  fc.record({
    op: fc.constant('bid' as const),
    target,
    among: picks,
    bidder: fc.constantFrom<BidderPick>('b1', 'b2', 'b3', 'b1', 'b2', 'seller'),
    amount: fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('steps' as const),
          steps: fc.integer({ min: -1, max: 6 }),
          form,
        }),
        weight: 6,
      },
      { arbitrary: raw, weight: 1 },
      // The floor key: the asking price when the bid lands, whatever it is by then.
      { arbitrary: fc.constant({ kind: 'raw' as const, value: 'asking' }), weight: 1 },
    ),
    max: maxPick(noMax),
    requestId,
    source: fc.constantFrom(...sources),
  })

export const bid = bidOn(among)

export const onLot = (op: 'start' | 'end' | 'cancel') =>
  fc.record({ op: fc.constant(op), target, who })
export const onSale = (op: 'startSale' | 'endSale' | 'cancelSale') =>
  fc.record({ op: fc.constant(op), sale: target, who })

const timePick: fc.Arbitrary<TimePick> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('next' as const),
      index: fc.integer({ min: 0, max: 3 }),
      delta: fc.constantFrom<-1 | 0 | 1>(-1, 0, 0, 1),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('by' as const),
      ms: fc.constantFrom(0, 1, 500, 30_000, MINUTE, HOUR, 3 * DAY),
    }),
    weight: 1,
  },
)

export const clock = fc.record({
  op: fc.constant('clock' as const),
  to: timePick,
  tick: fc.constantFrom(true, true, false),
})

/** A register entry for a bidder (now and then the seller), approved or not, a limit in the
 * range the run's prices reach, or none. */
export const registerEntry = fc.record({
  op: fc.constant('register' as const),
  sale: target,
  mode: fc.constantFrom<'add' | 'update'>('add', 'add', 'update'),
  paddle: fc.constantFrom<BidderPick>('b1', 'b2', 'b3', 'b1', 'b2', 'seller'),
  approved: fc.constantFrom(true, true, true, false),
  limit: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: null, freq: 2 }),
  who: fc.constantFrom<Who>('seller', 'staff', 'staff', 'other'),
})
