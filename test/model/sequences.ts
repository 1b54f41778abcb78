// The property test's runs: a standalone auction or a sale (timed or live) with lots followed
// by random commands, or a live sale run by its clerk: absentee bids booked before it opens,
// then lots offered in turn (bid on, asked, warned, retracted, hammered or passed, now and
// then reopened) between other random commands.
import fc from 'fast-check'
import type { BidSource } from '../../src/shared/domain'
import {
  among,
  bid,
  bidOn,
  clock,
  form,
  createSpec,
  lotSpec,
  onLot,
  onSale,
  registerEntry,
  requestId,
  saleSpec,
  target,
  validSale,
  who,
  type Among,
  type BidderPick,
  type Command,
  type Opening,
} from './commands'
import { clerkCommand, clerkOps } from './live-commands'

const raise = (picks: fc.Arbitrary<Among>) =>
  fc.record({
    op: fc.constant('raise' as const),
    target,
    among: picks,
    steps: fc.integer({ min: -1, max: 8 }),
    requestId,
  })

const addLot = fc.record({ op: fc.constant('addLot' as const), sale: target, spec: lotSpec, who })

/** Absentee bids with a maximum (now and then another source) on a live sale's waiting lots. */
const book = bidOn(fc.constant<Among>('waiting'), ['absentee', 'absentee', 'absentee', 'phone'], 1)

/** An absentee bid at a maximum a few steps above the starting price: books that tie. */
const bookEntry = fc.record({
  op: fc.constant('bid' as const),
  target,
  among: fc.constant<Among>('waiting'),
  bidder: fc.constantFrom<BidderPick>('b1', 'b2', 'b3', 'b1', 'b2', 'seller'),
  amount: fc.record({
    kind: fc.constant('steps' as const),
    steps: fc.integer({ min: -1, max: 2 }),
    form,
  }),
  max: fc.record({
    kind: fc.constant('steps' as const),
    steps: fc.integer({ min: 0, max: 4 }),
    form,
  }),
  requestId,
  source: fc.constantFrom<BidSource>('absentee', 'absentee', 'absentee', 'absentee', 'online'),
})

/** Commands on any run: every kind, the clerk's now and then. */
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: bid, weight: 20 },
  { arbitrary: raise(among), weight: 4 },
  { arbitrary: onLot('start'), weight: 3 },
  { arbitrary: onLot('end'), weight: 1 },
  { arbitrary: onLot('cancel'), weight: 1 },
  { arbitrary: createSpec.map((spec) => ({ op: 'create' as const, spec })), weight: 1 },
  { arbitrary: saleSpec.map((spec) => ({ op: 'createSale' as const, spec })), weight: 1 },
  { arbitrary: addLot, weight: 3 },
  { arbitrary: onSale('startSale'), weight: 3 },
  { arbitrary: onSale('endSale'), weight: 2 },
  { arbitrary: onSale('cancelSale'), weight: 1 },
  { arbitrary: clock, weight: 6 },
  { arbitrary: clerkCommand, weight: 1 },
  { arbitrary: registerEntry, weight: 2 },
)

/** While a lot is on the block: bids mostly, and the clerk's asks, warnings and retracts
 * (and now and then a reopen of another lot, which the lot on the block refuses). */
const onTheBlock: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: bidOn(fc.constant<Among>('block')), weight: 8 },
  { arbitrary: clerkOps.floor, weight: 4 },
  { arbitrary: raise(fc.constant<Among>('block')), weight: 2 },
  { arbitrary: clerkOps.ask, weight: 2 },
  { arbitrary: clerkOps.warn, weight: 2 },
  { arbitrary: clerkOps.retract, weight: 2 },
  { arbitrary: clerkOps.reopen, weight: 2 },
)

/** One lot's turn: offered (or reopened), bid on, then hammered or passed (twice, or more). */
const lotTurn: fc.Arbitrary<Command[]> = fc
  .tuple(
    fc.oneof({ arbitrary: clerkOps.offer, weight: 4 }, { arbitrary: clerkOps.reopen, weight: 1 }),
    fc.array(onTheBlock, { maxLength: 5 }),
    fc.array(
      fc.oneof({ arbitrary: clerkOps.hammer, weight: 3 }, { arbitrary: clerkOps.pass, weight: 1 }),
      { minLength: 1, maxLength: 2 },
    ),
  )
  .map(([open, during, close]) => [open, ...during, ...close])

/** Anything else in a live sale's run: the clerk's commands in any order, books, the sale. */
const liveCommand: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: bidOn(fc.constantFrom<Among>('block', 'any')), weight: 4 },
  { arbitrary: book, weight: 2 },
  { arbitrary: bookEntry, weight: 2 },
  { arbitrary: clerkCommand, weight: 10 },
  { arbitrary: onSale('startSale'), weight: 1 },
  { arbitrary: onSale('endSale'), weight: 1 },
  { arbitrary: onSale('cancelSale'), weight: 1 },
  { arbitrary: addLot, weight: 1 },
  { arbitrary: onLot('end'), weight: 1 },
  { arbitrary: onLot('cancel'), weight: 1 },
  { arbitrary: clock, weight: 1 },
  { arbitrary: registerEntry, weight: 2 },
)

/** A sale with lots: started, left to the scheduler, or a draft. */
const withLots = (
  how: Opening,
  spec: Command,
  lots: Command[],
  registered: Command[] = [],
): Command[] => [
  spec,
  ...registered,
  ...lots,
  ...(how === 'start' ? [{ op: 'startSale' as const, sale: 0, who: 'seller' as const }] : []),
]

/** The first sale's register before it opens: a few paddles, now and then with a limit. */
const register = fc.array(
  registerEntry.map((entry): Command => ({ ...entry, sale: 0, mode: 'add' })),
  { maxLength: 3 },
)

/** A live sale's register: the bidders mostly with limits their bids across lots reach. */
const limitedRegister = fc.array(
  fc
    .tuple(registerEntry, fc.option(fc.integer({ min: 0, max: 8000 }), { nil: null, freq: 4 }))
    .map(([entry, limit]): Command => ({ ...entry, sale: 0, mode: 'add', who: 'staff', limit })),
  { maxLength: 3 },
)

const lots = (max: number) =>
  fc
    .array(lotSpec, { minLength: 1, maxLength: max })
    .map((specs) => specs.map((spec): Command => ({ op: 'addLot', sale: 0, spec, who: 'seller' })))

/** A standalone auction, or a sale with lots (mostly started). */
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
        .tuple(validSale(how), lots(5), register)
        .map(([spec, added, registered]) =>
          withLots(how, { op: 'createSale', spec }, added, registered),
        ),
    ),
)

/** A live sale with lots and absentee bids in their books, mostly open. */
const liveOpening: fc.Arbitrary<Command[]> = fc
  .constantFrom<Opening>('start', 'start', 'start', 'start', 'start', 'scheduled', 'draft')
  .chain((how) =>
    fc
      .tuple(validSale(how), lots(3), fc.array(bookEntry, { maxLength: 6 }), limitedRegister)
      .map(([spec, added, booked, registered]) =>
        withLots(
          how,
          { op: 'createSale', spec: { ...spec, mode: 'live', close: { kind: 'none', ms: 0 } } },
          [...added, ...booked],
          registered,
        ),
      ),
  )

/** A registered live sale's lot turn: offered by staff, bid on by the registered bidders at
 * prices their limits reach, hammered to the leader (below the reserve too) — so a paddle's
 * later bids count the lots it bought. */
const registeredTurn: fc.Arbitrary<Command[]> = fc
  .tuple(
    fc.array(
      bidOn(fc.constant<Among>('block')).map((command): Command => ({
        ...command,
        bidder: command.bidder === 'seller' ? 'b3' : command.bidder,
      })),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([bids]): Command[] => [
    { op: 'offer', sale: 0, lot: null, who: 'staff' },
    ...bids,
    { op: 'hammer', target: 0, among: 'block', paddle: null, belowReserve: true, who: 'staff' },
  ])

const registeredSale: fc.Arbitrary<Command[]> = fc
  .tuple(validSale('start'), lots(4), limitedRegister, fc.boolean())
  .map(([spec, added, registered, required]) =>
    withLots(
      'start',
      {
        op: 'createSale',
        spec: {
          ...spec,
          mode: 'live',
          close: { kind: 'none', ms: 0 },
          requireRegistration: required,
        },
      },
      added,
      registered,
    ),
  )

/** A run: its opening, then a sequence of commands. */
export const sequence: fc.Arbitrary<Command[]> = fc.oneof(
  {
    arbitrary: fc
      .tuple(opening, fc.array(command, { minLength: 1, maxLength: 20 }))
      .map(([first, rest]) => [...first, ...rest]),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(
        liveOpening,
        fc.array(
          fc.oneof(
            { arbitrary: lotTurn, weight: 3 },
            { arbitrary: liveCommand.map((one) => [one]), weight: 2 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
      )
      .map(([first, rest]) => [...first, ...rest.flat()]),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(registeredSale, fc.array(registeredTurn, { minLength: 2, maxLength: 4 }))
      .map(([first, turns]) => [...first, ...turns.flat()]),
    weight: 1,
  },
)
