// A live sale's commands as the console sends them (the clerk's and the online bidder's).
// A lot or sale in an answer goes into the store at once (the events that follow find it
// current); a call that cannot reach the main side answers a Failure like any other. Bids
// keep their request id until answered, so a retry after no connection is never a second bid.
import type { AuctionApi, CommandInput, CommandName, CommandResult } from '../../../shared/contract'
import { AT_ASKING, type BidSource, type Lot } from '../../../shared/domain'
import { fail, type Failure } from '../../../shared/errors'
import { minorToDecimal, currencyDigits } from '../../../shared/money'
import { createRetryId } from '../lib/retryId'
import type { ConsoleStore } from '../store'

type LotAnswer = Promise<CommandResult<'lots:offer'>>
type BidAnswer = Promise<CommandResult<'bids:place'>>

export interface LiveCommands {
  offer: (saleId: string, lotId?: string) => LotAnswer
  floorBid: (lot: Lot, paddle?: string) => BidAnswer
  /** A bid at the asking price for a paddle (phone, online) or the operator's own (bidder). */
  bidAsking: (lot: Lot, bidderId: string, source: BidSource) => BidAnswer
  ask: (lot: Lot, amount: number) => LotAnswer
  warn: (lot: Lot) => LotAnswer
  hammer: (lot: Lot, options?: { paddle?: string; belowReserve?: boolean }) => LotAnswer
  pass: (lot: Lot, reason?: string) => LotAnswer
  retract: (lot: Lot, reason: string) => LotAnswer
  reopen: (lot: Lot, reason: string) => LotAnswer
  book: (lotId: string) => Promise<CommandResult<'lots:book'>>
  setRates: (
    saleId: string,
    rates: CommandInput<'sales:rates'>['rates'],
  ) => Promise<CommandResult<'sales:rates'>>
  displayLink: (saleId: string) => Promise<CommandResult<'display:link'>>
}

export function createLiveCommands(api: AuctionApi, store: ConsoleStore): LiveCommands {
  const call = <N extends CommandName>(
    name: N,
    input: CommandInput<N>,
  ): Promise<CommandResult<N>> =>
    api
      .call(name, input)
      .catch(
        () =>
          fail('REDIS_UNAVAILABLE', 'The console service cannot be reached.') as CommandResult<N>,
      )
  const keep = async (answer: LotAnswer): LotAnswer => {
    const result = await answer
    if (result.ok) store.getState().mergeSaleLots(result.lot.saleId, [result.lot])
    return result
  }
  const floorIds = createRetryId()
  const bidIds = createRetryId()

  const settled = async <T extends { ok: boolean } | Failure>(
    retry: ReturnType<typeof createRetryId>,
    answer: Promise<T>,
  ): Promise<T> => {
    const result = await answer
    retry.settle(result as { ok: boolean; error?: { code: string } })
    return result
  }

  return {
    offer: (saleId, lotId) => keep(call('lots:offer', { saleId, ...(lotId ? { lotId } : {}) })),
    floorBid: (lot, paddle) => {
      // One request id per press: a second press is a second bid, a retry of the same is not.
      const requestId = floorIds.idFor(`${lot.id}|${lot.seq}|${paddle ?? ''}`)
      const input = { lotId: lot.id, requestId, ...(paddle ? { paddle } : {}) }
      return settled(floorIds, call('lots:floor', input))
    },
    bidAsking: (lot, bidderId, source) => {
      const requestId = bidIds.idFor(`${lot.id}|${lot.seq}|${bidderId}|${source}`)
      const input = { auctionId: lot.id, bidderId, amount: AT_ASKING, requestId, source }
      return settled(bidIds, call('bids:place', input))
    },
    ask: (lot, amount) =>
      keep(
        call('lots:ask', {
          lotId: lot.id,
          amount: minorToDecimal(amount, currencyDigits(lot.currency)),
        }),
      ),
    warn: (lot) => keep(call('lots:warn', { lotId: lot.id })),
    hammer: (lot, options = {}) =>
      keep(
        call('lots:hammer', {
          lotId: lot.id,
          ...(options.paddle ? { paddle: options.paddle } : {}),
          belowReserve: options.belowReserve ?? false,
        }),
      ),
    pass: (lot, reason) =>
      keep(call('lots:pass', { lotId: lot.id, ...(reason ? { reason } : {}) })),
    retract: (lot, reason) => keep(call('lots:retract', { lotId: lot.id, reason })),
    reopen: (lot, reason) => keep(call('lots:reopen', { lotId: lot.id, reason })),
    book: (lotId) => call('lots:book', { lotId }),
    setRates: async (saleId, rates) => {
      const answer = await call('sales:rates', { saleId, rates })
      if (answer.ok) store.getState().upsertSales([answer.sale])
      return answer
    },
    displayLink: (saleId) => call('display:link', { saleId }),
  }
}
