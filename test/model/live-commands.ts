// The live sale's commands in the property test's random sequences: the clerk's offer (the
// next lot or one named), floor bids, asking prices, fair warnings, hammers (paddles named
// right and wrong, below the reserve or not), passes, retracts, reopens, withdrawals and the
// room display's rates, by staff mostly, now and then by the seller or someone else.
import fc from 'fast-check'
import type { DisplayRate } from '../../src/shared/domain'
import {
  form,
  raw,
  requestId,
  target,
  type Among,
  type AmountPick,
  type BidderPick,
  type Who,
} from './commands'

/** A paddle for the hammer: the leader's, another bidder's, a new one, the anonymous floor. */
export type PaddlePick = BidderPick | 'p9' | 'floor' | 'leader'

export type LiveCommand =
  | { op: 'offer'; sale: number; lot: { target: number; among: Among } | null; who: Who }
  | {
      op: 'floor'
      target: number
      among: Among
      paddle: BidderPick | 'p9' | null
      requestId: string | null
      who: Who
    }
  /** `amount`: in half increments above the current price. */
  | { op: 'ask'; target: number; among: Among; amount: AmountPick; who: Who }
  | { op: 'warn' | 'pass' | 'withdraw'; target: number; among: Among; who: Who }
  | {
      op: 'hammer'
      target: number
      among: Among
      paddle: PaddlePick | null
      belowReserve: boolean
      who: Who
    }
  | { op: 'retract' | 'reopen'; target: number; among: Among; reason: string; who: Who }
  | { op: 'rates'; sale: number; rates: DisplayRate[]; who: Who }

/** null `none` times in `none + some`. */
const orNull = <T>(arbitrary: fc.Arbitrary<T>, none: number, some: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: none }, { arbitrary, weight: some })

/** The clerk is staff mostly; a seller runs their own sale; anyone else is refused. */
const clerk = fc.constantFrom<Who>('staff', 'staff', 'staff', 'staff', 'seller', 'other')
/** The lot on the block mostly; any lot now and then. */
const onBlock = fc.constantFrom<Among>('block', 'block', 'block', 'block', 'block', 'any')
const reason = fc.constantFrom('bid in error', 'bid in error', ' missed internet bid ', '  ')

const offer = fc.record({
  op: fc.constant('offer' as const),
  sale: target,
  lot: orNull(
    fc.record({ target, among: fc.constantFrom<Among>('waiting', 'ended', 'ended', 'any') }),
    2,
    1,
  ),
  who: clerk,
})

const floor = fc.record({
  op: fc.constant('floor' as const),
  target,
  among: onBlock,
  paddle: orNull(fc.constantFrom<BidderPick | 'p9'>('p9', 'b1', 'b2', 'seller'), 3, 1),
  requestId,
  who: clerk,
})

const ask = fc.record({
  op: fc.constant('ask' as const),
  target,
  among: onBlock,
  amount: fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('steps' as const),
        steps: fc.integer({ min: -1, max: 4 }),
        form,
      }),
      weight: 8,
    },
    { arbitrary: raw, weight: 1 },
  ),
  who: clerk,
})

const onLot = (op: 'warn' | 'pass' | 'withdraw', among: fc.Arbitrary<Among> = onBlock) =>
  fc.record({ op: fc.constant(op), target, among, who: clerk })

const hammer = fc.record({
  op: fc.constant('hammer' as const),
  target,
  among: onBlock,
  paddle: orNull(
    fc.constantFrom<PaddlePick>('leader', 'p9', 'p9', 'b1', 'b2', 'floor', 'seller'),
    1,
    1,
  ),
  belowReserve: fc.boolean(),
  who: clerk,
})

const withReason = (op: 'retract' | 'reopen', among: fc.Arbitrary<Among>) =>
  fc.record({ op: fc.constant(op), target, among, reason, who: clerk })

const RATES: DisplayRate[][] = [
  [{ currency: 'EUR', rate: '1.17' }],
  [
    { currency: 'USD', rate: '1.27' },
    { currency: 'JPY', rate: '187.5' },
  ],
  [],
  // Refused: a rate of zero, a currency twice.
  [{ currency: 'EUR', rate: '0' }],
  [
    { currency: 'CHF', rate: '1.1' },
    { currency: 'CHF', rate: '1.2' },
  ],
]

const rates = fc.record({
  op: fc.constant('rates' as const),
  sale: target,
  rates: fc.constantFrom(...RATES),
  who: clerk,
})

/** Each of the clerk's commands, for runs that put them in the order of a sale. */
export const clerkOps = {
  offer,
  floor,
  ask,
  warn: onLot('warn'),
  hammer,
  pass: onLot('pass'),
  retract: withReason('retract', onBlock),
  reopen: withReason('reopen', fc.constantFrom<Among>('ended', 'ended', 'ended', 'any')),
  withdraw: onLot('withdraw', fc.constantFrom<Among>('waiting', 'block', 'ended', 'any')),
  rates,
}

/** The clerk's commands in any order, weighted for a live sale's run. */
export const clerkCommand: fc.Arbitrary<LiveCommand> = fc.oneof(
  { arbitrary: clerkOps.offer, weight: 6 },
  { arbitrary: clerkOps.floor, weight: 5 },
  { arbitrary: clerkOps.ask, weight: 3 },
  { arbitrary: clerkOps.warn, weight: 3 },
  { arbitrary: clerkOps.hammer, weight: 6 },
  { arbitrary: clerkOps.pass, weight: 3 },
  { arbitrary: clerkOps.retract, weight: 5 },
  { arbitrary: clerkOps.reopen, weight: 2 },
  { arbitrary: clerkOps.withdraw, weight: 3 },
  { arbitrary: clerkOps.rates, weight: 2 },
)
