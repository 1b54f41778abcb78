// Random command sequences for the property test: standalone auctions and sales (timed and
// live) with lots, their starts, ends and cancels, bids on any lot (random bidders, the
// seller too; amounts valid, too low, at the asking price, malformed text, bad numbers), the clock moving on to
// times the rules care about, and scheduler passes. Request ids come from small pools so
// that retries happen.
import fc from 'fast-check'
import { BID_SOURCES, type BidSource, type IncrementBand } from '../../src/shared/domain'

export type Who = 'seller' | 'staff' | 'other'
export type BidderPick = 'b1' | 'b2' | 'b3' | 'seller'
export type AmountForm = 'number' | 'text'
/** `steps` increments away from a reference price that only the run knows (asking, amount…). */
export type AmountPick =
  { kind: 'steps'; steps: number; form: AmountForm } | { kind: 'raw'; value: string | number }

const MINUTE = 60_000
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

/** Bids mostly go to lots open for bidding (when there are any), sometimes to any lot. */
export type Among = 'active' | 'any'

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

const target = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 12 },
  { arbitrary: fc.constant(-1), weight: 1 },
)
const among = fc.constantFrom<Among>('active', 'active', 'active', 'any')
const pool = (ids: string[], none = 3) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: none },
    { arbitrary: fc.constantFrom(...ids), weight: 2 },
  )
const requestId = pool(['r1', 'r2', 'r3', 'r4'])
const form = fc.constantFrom<AmountForm>('number', 'text')
const raw = fc.constantFrom(...RAW).map((value) => ({ kind: 'raw' as const, value }))
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

const createSpec: fc.Arbitrary<CreateSpec> = fc
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

const saleSpec: fc.Arbitrary<SaleSpec> = fc
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
type Opening = 'start' | 'scheduled' | 'draft'
const validSale = (opening: Opening) =>
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

const lotSpec: fc.Arbitrary<LotSpec> = fc
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
  })
  .map(({ step, ...rest }) => ({ ...rest, ...step }))

const who = fc.constantFrom<Who>('seller', 'seller', 'staff', 'other')

const bid = fc.record({
  op: fc.constant('bid' as const),
  target,
  among,
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
  max: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant('steps' as const),
        steps: fc.integer({ min: -1, max: 12 }),
        form,
      }),
      weight: 3,
    },
    { arbitrary: raw, weight: 1 },
  ),
  requestId,
  source: fc.constantFrom(...BID_SOURCES),
})

const onLot = (op: 'start' | 'end' | 'cancel') => fc.record({ op: fc.constant(op), target, who })
const onSale = (op: 'startSale' | 'endSale' | 'cancelSale') =>
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

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: bid, weight: 20 },
  {
    arbitrary: fc.record({
      op: fc.constant('raise' as const),
      target,
      among,
      steps: fc.integer({ min: -1, max: 8 }),
      requestId,
    }),
    weight: 4,
  },
  { arbitrary: onLot('start'), weight: 3 },
  { arbitrary: onLot('end'), weight: 1 },
  { arbitrary: onLot('cancel'), weight: 1 },
  { arbitrary: createSpec.map((spec) => ({ op: 'create' as const, spec })), weight: 1 },
  { arbitrary: saleSpec.map((spec) => ({ op: 'createSale' as const, spec })), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('addLot' as const), sale: target, spec: lotSpec, who }),
    weight: 3,
  },
  { arbitrary: onSale('startSale'), weight: 3 },
  { arbitrary: onSale('endSale'), weight: 2 },
  { arbitrary: onSale('cancelSale'), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('clock' as const),
      to: timePick,
      tick: fc.constantFrom(true, true, false),
    }),
    weight: 6,
  },
)

/** How a run begins: a standalone auction, or a sale with lots (mostly started). */
const opening: fc.Arbitrary<Command[]> = fc.oneof(
  fc
    .tuple(createSpec, fc.boolean())
    .map(([spec, start]): Command[] => [
      { op: 'create', spec: start ? { ...spec, initial: 'start' } : spec },
    ]),
  fc
    .constantFrom<Opening>('start', 'start', 'start', 'start', 'scheduled', 'scheduled', 'draft')
    .chain((how) =>
      fc
        .tuple(validSale(how), fc.array(lotSpec, { minLength: 1, maxLength: 5 }))
        .map(([spec, lots]): Command[] => [
          { op: 'createSale', spec },
          ...lots.map((lot): Command => ({ op: 'addLot', sale: 0, spec: lot, who: 'seller' })),
          ...(how === 'start'
            ? [{ op: 'startSale' as const, sale: 0, who: 'seller' as const }]
            : []),
        ]),
    ),
)

/** A run: its opening, then a sequence of commands. */
export const sequence: fc.Arbitrary<Command[]> = fc
  .tuple(opening, fc.array(command, { minLength: 1, maxLength: 20 }))
  .map(([first, rest]) => [...first, ...rest])
