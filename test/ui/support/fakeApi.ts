// An in-memory AuctionApi for component tests only: records calls, answers from
// per-command handlers, and lets a test push events as the main side would.
import type {
  AuctionApi,
  CommandInput,
  CommandName,
  CommandResult,
  PushEvents,
  PushName,
} from '../../../src/shared/contract'
import type { Auction, AuctionEvent, Lot, Sale, SaleEvent } from '../../../src/shared/domain'
import { saleIdOf } from '../../../src/shared/domain'
import { fail } from '../../../src/shared/errors'

type Handler = (input: unknown) => unknown

export interface FakeApi extends AuctionApi {
  calls: { name: CommandName; input: unknown }[]
  callsOf: (name: CommandName) => unknown[]
  handle: <N extends CommandName>(
    name: N,
    handler: (input: CommandInput<N>) => CommandResult<N> | Promise<CommandResult<N>>,
  ) => void
  push: <P extends PushName>(name: P, payload: PushEvents[P]) => void
}

export function createFakeApi(): FakeApi {
  const handlers = new Map<CommandName, Handler>()
  const listeners = new Map<PushName, Set<(payload: never) => void>>()
  const calls: FakeApi['calls'] = []
  return {
    calls,
    callsOf: (name) => calls.filter((call) => call.name === name).map((call) => call.input),
    handle: (name, handler) => handlers.set(name, handler as Handler),
    push: (name, payload) => {
      for (const listener of listeners.get(name) ?? [])
        (listener as (p: typeof payload) => void)(payload)
    },
    call: async <N extends CommandName>(name: N, input: CommandInput<N>) => {
      calls.push({ name, input })
      const handler = handlers.get(name)
      if (!handler) return fail('INTERNAL', `no fake handler for ${name}`) as CommandResult<N>
      return (await handler(input)) as CommandResult<N>
    },
    on: (name, handler) => {
      const set = listeners.get(name) ?? new Set()
      set.add(handler as (payload: never) => void)
      listeners.set(name, set)
      return () => void set.delete(handler as (payload: never) => void)
    },
  }
}

/** A live USD auction at seq `seq`. */
export function auctionAt(seq: number, overrides: Partial<Auction> = {}): Auction {
  return {
    id: 'lot-1',
    saleId: 'lot-1',
    number: '1',
    onBlock: false,
    warning: false,
    askOverride: null,
    book: 0,
    hammerAt: null,
    estimateLow: null,
    estimateHigh: null,
    lotStatus: 'active',
    title: 'Clock, walnut case',
    description: '',
    sellerId: 'seller-1',
    status: 'active',
    currency: 'USD',
    startingPrice: 1000,
    reservePrice: null,
    reserveMet: true,
    hasReserve: false,
    increment: 100,
    currentPrice: 1000,
    askingPrice: 1000,
    leaderId: null,
    bidCount: 0,
    startsAt: 1_000,
    endsAt: 10_000_000_000_000,
    durationMs: null,
    softCloseSeconds: 0,
    seq,
    createdAt: 1_000,
    ...overrides,
  }
}

/**
 * A bid_placed event at `seq` with a price; bid ids follow the bid count. `prevSeq` is the
 * lot's previous event (seq - 1 for a standalone auction).
 */
export function bidEvent(
  seq: number,
  price: number,
  bidCount = seq,
  auctionId = 'lot-1',
  prevSeq = seq - 1,
): AuctionEvent {
  return {
    type: 'bid_placed',
    auctionId,
    lotId: auctionId,
    saleId: saleIdOf(auctionId),
    seq,
    prevSeq,
    lotStatus: 'active',
    at: 2_000 + seq,
    status: 'active',
    price,
    leaderId: `p${seq}`,
    bidCount,
    reserveMet: true,
    askingPrice: price + 100,
    startsAt: 1_000,
    endsAt: 10_000_000_000_000,
    bidderId: `p${seq}`,
    bids: [
      {
        id: bidCount,
        bidderId: `p${seq}`,
        amount: price,
        kind: 'manual',
        outcome: 'leading',
        source: 'floor',
        at: 2_000 + seq,
        seq,
      },
    ],
  }
}

/** An open timed sale "S1" at `seq`. */
export function saleAt(seq: number, overrides: Partial<Sale> = {}): Sale {
  return {
    id: 'S1',
    onBlockLotId: null,
    displayRates: [],
    title: 'Autumn sale of clocks',
    description: '',
    mode: 'timed',
    status: 'open',
    currency: 'USD',
    sellerId: 'seller-1',
    startsAt: 1_000,
    firstCloseAt: 10_000_000_000_000,
    durationMs: null,
    closeIntervalSeconds: 60,
    softCloseSeconds: 0,
    increment: 100,
    lotCount: 0,
    lotCounts: { waiting: 0, active: 0, sold: 0, passed: 0, withdrawn: 0, cancelled: 0 },
    seq,
    createdAt: 1_000,
    closedAt: null,
    standalone: false,
    ...overrides,
  }
}

/** Lot `n` of sale S1 ("S1.n", number "n"), last changed at sale seq `seq`. */
export function lotOf(n: number, seq: number, overrides: Partial<Lot> = {}): Lot {
  return auctionAt(seq, {
    id: `S1.${n}`,
    saleId: 'S1',
    number: String(n),
    title: `Lot ${n}`,
    ...overrides,
  })
}

/** A sale-level event of S1. */
export function saleEvent(
  seq: number,
  type: SaleEvent['type'],
  extra: Partial<SaleEvent> = {},
): SaleEvent {
  return {
    type,
    saleId: 'S1',
    seq,
    at: 5_000 + seq,
    status: 'open',
    lotCount: 2,
    ...extra,
  } as SaleEvent
}

/** A frame scheduler the test runs by hand. */
export function manualFrames(): {
  schedule: (run: () => void) => void
  runFrame: () => void
  pending: () => number
} {
  let queue: (() => void)[] = []
  return {
    schedule: (run) => void queue.push(run),
    runFrame: () => {
      const due = queue
      queue = []
      for (const run of due) run()
    },
    pending: () => queue.length,
  }
}

/** Lets pending promise callbacks run. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
