// The sale and lot commands as the console sends them: each answer that carries a sale or
// lots goes into the store at once (the events that follow find it current), and a call
// that cannot reach the main side answers a Failure like any other.
import type { AuctionApi, CommandInput, CommandName, CommandResult } from '../../../shared/contract'
import type { LotInput } from '../../../shared/sale-schemas'
import type { SaleStatus } from '../../../shared/domain'
import { fail } from '../../../shared/errors'
import type { ConsoleStore } from '../store'

export type SaleAction = 'start' | 'end' | 'cancel'

const ACTION_COMMAND = {
  start: 'sales:start',
  end: 'sales:end',
  cancel: 'sales:cancel',
} as const

export interface SaleCommands {
  createSale: (request: CommandInput<'sales:create'>) => Promise<CommandResult<'sales:create'>>
  act: (action: SaleAction, saleId: string) => Promise<CommandResult<'sales:start'>>
  /** A draft's title, description or settlement terms. */
  updateSale: (request: CommandInput<'sales:update'>) => Promise<CommandResult<'sales:update'>>
  addLot: (saleId: string, input: LotInput, requestId: string) => Promise<CommandResult<'lots:add'>>
  updateLot: (lotId: string, changes: LotInput) => Promise<CommandResult<'lots:update'>>
  removeLot: (saleId: string, lotId: string) => Promise<CommandResult<'lots:remove'>>
  importLots: (
    saleId: string,
    lots: LotInput[],
    requestId: string,
  ) => Promise<CommandResult<'lots:import'>>
  /** Reads the sales of these statuses (a seller's own only); answers an error or null. */
  loadSales: (statuses: readonly SaleStatus[], sellerId?: string) => Promise<string | null>
  hammerTotal: (saleId: string) => Promise<number | null>
}

export function createSaleCommands(api: AuctionApi, store: ConsoleStore): SaleCommands {
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
  const state = () => store.getState()

  return {
    createSale: async (request) => {
      const answer = await call('sales:create', request)
      if (answer.ok) state().upsertSales([answer.sale])
      return answer
    },
    updateSale: async (request) => {
      const answer = await call('sales:update', request)
      if (answer.ok) state().upsertSales([answer.sale])
      return answer
    },
    act: async (action, saleId) => {
      const answer = await call(ACTION_COMMAND[action], { saleId })
      if (answer.ok) state().upsertSales([answer.sale])
      return answer
    },
    addLot: async (saleId, input, requestId) => {
      const answer = await call('lots:add', { saleId, ...input, requestId })
      if (answer.ok) state().mergeSaleLots(saleId, [answer.lot])
      return answer
    },
    updateLot: async (lotId, changes) => {
      const answer = await call('lots:update', { lotId, changes })
      if (answer.ok) state().mergeSaleLots(answer.lot.saleId, [answer.lot])
      return answer
    },
    removeLot: async (saleId, lotId) => {
      const answer = await call('lots:remove', { lotId })
      if (answer.ok) state().dropSaleLot(saleId, lotId)
      return answer
    },
    importLots: async (saleId, lots, requestId) => {
      const answer = await call('lots:import', { saleId, lots, requestId })
      if (answer.ok) state().mergeSaleLots(saleId, answer.lots)
      return answer
    },
    loadSales: async (statuses, sellerId) => {
      const answers = await Promise.all(
        statuses.map((status) =>
          call('sales:list', { status, limit: 500, ...(sellerId ? { sellerId } : {}) }),
        ),
      )
      for (const answer of answers) if (answer.ok) state().upsertSales(answer.sales)
      const failed = answers.find((answer) => !answer.ok)
      return failed && !failed.ok ? failed.error.message : null
    },
    hammerTotal: (saleId) => hammerTotal(api, saleId),
  }
}

/** The hammer total of a sale's sold lots (minor units), or null when it cannot be read. */
export async function hammerTotal(api: AuctionApi, saleId: string): Promise<number | null> {
  const answer = await api.call('sales:lots', { saleId, status: 'sold' }).catch(() => null)
  if (!answer?.ok) return null
  return answer.lots.reduce((sum, lot) => sum + (lot.result?.finalPrice ?? lot.currentPrice), 0)
}
