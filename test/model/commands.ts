// Random command sequences for the property test: create/start/bid/raise/end/cancel with
// random bidders (the seller too), amounts (valid, too low, malformed text, bad numbers)
// and requestIds drawn from a small pool so that repeats happen.
import fc from 'fast-check'
import { BID_SOURCES, type BidSource, type IncrementBand } from '../../src/shared/domain'

export type Who = 'seller' | 'staff' | 'other'
export type BidderPick = 'b1' | 'b2' | 'b3' | 'seller'
export type AmountForm = 'number' | 'text'
/** `steps` increments away from a reference price that only the run knows (asking, amount…). */
export type AmountPick =
  { kind: 'steps'; steps: number; form: AmountForm } | { kind: 'raw'; value: string | number }

export interface CreateSpec {
  currency: 'USD' | 'JPY' | 'BHD'
  startingPrice: number
  reservePrice: number | null
  increment: number | null
  incrementTable: IncrementBand[] | null
  initial: 'draft' | 'scheduled' | 'start'
  softCloseSeconds: number
}

/** `target` indexes the run's auctions (modulo); -1 is an auction that does not exist. */
export type Command =
  | { op: 'create'; spec: CreateSpec }
  | { op: 'start' | 'end' | 'cancel'; target: number; who: Who }
  | {
      op: 'bid'
      target: number
      bidder: BidderPick
      amount: AmountPick
      max: AmountPick | null
      requestId: string | null
      source: BidSource
    }
  | { op: 'raise'; target: number; steps: number; requestId: string | null }

const RAW: (string | number)[] = [
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

const target = fc.integer({ min: -1, max: 3 })
const requestId = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom('r1', 'r2', 'r3', 'r4'), weight: 2 },
)
const form = fc.constantFrom<AmountForm>('number', 'text')
const raw = fc.constantFrom(...RAW).map((value) => ({ kind: 'raw' as const, value }))

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

export const createSpec: fc.Arbitrary<CreateSpec> = fc
  .record({
    currency: fc.constantFrom('USD', 'JPY', 'BHD'),
    startingPrice: fc.integer({ min: 0, max: 5000 }),
    reservePrice: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
    step: fc.oneof(fc.integer({ min: 1, max: 500 }), table),
    initial: fc.constantFrom('draft', 'scheduled', 'start', 'start'),
    softCloseSeconds: fc.constantFrom(0, 60, 3600),
  })
  .map(({ step, ...rest }) => ({
    ...rest,
    increment: typeof step === 'number' ? step : null,
    incrementTable: typeof step === 'number' ? null : step,
  }))

const bid = fc.record({
  op: fc.constant('bid' as const),
  target,
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

const transition = (op: 'start' | 'end' | 'cancel') =>
  fc.record({
    op: fc.constant(op),
    target,
    who: fc.constantFrom<Who>('seller', 'staff', 'other'),
  })

export const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: bid, weight: 10 },
  {
    arbitrary: fc.record({
      op: fc.constant('raise' as const),
      target,
      steps: fc.integer({ min: -1, max: 8 }),
      requestId,
    }),
    weight: 2,
  },
  { arbitrary: transition('start'), weight: 2 },
  { arbitrary: transition('end'), weight: 1 },
  { arbitrary: transition('cancel'), weight: 1 },
  { arbitrary: createSpec.map((spec) => ({ op: 'create' as const, spec })), weight: 1 },
)

/** A run: one auction to begin with, then a short sequence of commands. */
export const sequence = fc.tuple(createSpec, fc.array(command, { minLength: 1, maxLength: 14 }))
