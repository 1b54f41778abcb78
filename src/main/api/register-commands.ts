// The sale's bidder register: staff, or the sale's seller (NOT_SELLER for anyone else, for
// reads too: the register holds bidders' names, contacts and credit limits). A bidder
// session runs none of it.
import type { CommandName } from '../../shared/contract'
import type { Actor } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'
import type { AuctionEngine } from '../engine'
import { actorOf, requireProfile } from './access'
import { withEngine, type CommandContext, type Handler, type SessionState } from './context'

export type RegisterCommand = Extract<
  CommandName,
  'register:list' | 'register:add' | 'register:update' | 'register:approve' | 'register:import'
>

/** Runs `act` as the session's operator when it is staff or the sale's seller. */
function onRegister<T>(
  ctx: CommandContext,
  session: SessionState,
  saleId: string,
  act: (engine: AuctionEngine, actor: Actor) => Promise<T>,
): Promise<T | Failure> {
  const denied = requireProfile(session.profile)
  if (denied) return Promise.resolve(denied)
  if (session.profile?.role === 'bidder') {
    return Promise.resolve(
      fail('UNAUTHORIZED', "A bidder session cannot read the sale's register."),
    )
  }
  const actor = actorOf(session.profile)
  return withEngine(ctx, async (engine) => {
    if (!actor.staff) {
      const found = await engine.getSale(saleId)
      if (!found.ok) return found
      if (found.sale.sellerId !== actor.id) {
        return fail('NOT_SELLER', "Only staff and the sale's seller keep its register.")
      }
    }
    return act(engine, actor)
  })
}

export const registerHandlers: { [N in RegisterCommand]: Handler<N> } = {
  'register:list': (ctx, session, { saleId }) =>
    onRegister(ctx, session, saleId, (engine) => engine.registerList(saleId)),
  'register:add': (ctx, session, { saleId, ...input }) =>
    onRegister(ctx, session, saleId, (engine, actor) => engine.registerAdd(saleId, input, actor)),
  'register:update': (ctx, session, { saleId, ...input }) =>
    onRegister(ctx, session, saleId, (engine, actor) =>
      engine.registerUpdate(saleId, input, actor),
    ),
  'register:approve': (ctx, session, { saleId, paddle, approved }) =>
    onRegister(ctx, session, saleId, (engine, actor) =>
      engine.registerApprove(saleId, { paddle, approved }, actor),
    ),
  // Row n of the report is the n-th entry sent.
  'register:import': (ctx, session, { saleId, entries }) =>
    onRegister(ctx, session, saleId, (engine, actor) =>
      engine.registerImport(
        saleId,
        entries.map((input, index) => ({ line: index + 1, input })),
        actor,
      ),
    ),
}
