// A sale's results: per-lot results, buyer invoices, consignor statements and the report.
// The policy lets only staff call all but `sales:statement`, which a seller may call for
// their own statement only (sellerId must be the signed-in operator: NOT_SELLER otherwise).
import type { CommandName } from '../../shared/contract'
import { fail } from '../../shared/errors'
import { actorOf, requireProfile } from './access'
import { withEngine, type Handler } from './context'

export type ResultsCommand = Extract<
  CommandName,
  | 'sales:results'
  | 'sales:invoice'
  | 'sales:invoices'
  | 'sales:statement'
  | 'sales:statements'
  | 'sales:report'
>

export const resultsHandlers: { [N in ResultsCommand]: Handler<N> } = {
  'sales:results': (ctx, _session, { saleId }) =>
    withEngine(ctx, (engine) => engine.saleResults(saleId)),
  'sales:invoice': (ctx, _session, { saleId, paddle }) =>
    withEngine(ctx, (engine) => engine.invoice(saleId, paddle)),
  'sales:invoices': (ctx, _session, { saleId }) =>
    withEngine(ctx, (engine) => engine.invoices(saleId)),
  'sales:statement': async (ctx, session, { saleId, sellerId }) => {
    const denied = requireProfile(session.profile)
    if (denied) return denied
    const actor = actorOf(session.profile)
    if (!actor.staff && actor.id !== sellerId) {
      return fail('NOT_SELLER', 'A seller sees only their own statement.', { field: 'sellerId' })
    }
    return withEngine(ctx, (engine) => engine.statement(saleId, sellerId))
  },
  'sales:statements': (ctx, _session, { saleId }) =>
    withEngine(ctx, (engine) => engine.statements(saleId)),
  'sales:report': (ctx, _session, { saleId }) =>
    withEngine(ctx, (engine) => engine.saleReport(saleId)),
}
