// The sale and lot commands, with the same access rules as the auction commands: reads need
// no profile (reserve amounts only for staff and the sale's seller); creating and changing
// need one (UNAUTHORIZED); the engine answers NOT_SELLER when a seller touches another's sale.
import type { CommandName } from '../../shared/contract'
import type { Actor, Lot } from '../../shared/domain'
import type { Failure } from '../../shared/errors'
import type { AuctionEngine } from '../engine'
import { withSaleActivity } from './activity'
import { actorOf, redact, requireProfile, sellerFor } from './access'
import type { LiveCommand } from './live-commands'
import type { ResultsCommand } from './results-commands'
import { withEngine, type CommandContext, type Handler, type SessionState } from './context'
import { watchRefused } from './watch-limit'

type SaleCommand = Exclude<
  Extract<CommandName, `sales:${string}` | `lots:${string}`>,
  LiveCommand | ResultsCommand
>

const redactAll = (lots: Lot[], viewer: Actor): Lot[] => lots.map((lot) => redact(lot, viewer))

/** Runs a change as the session's operator; without a profile, UNAUTHORIZED. */
function asOperator<T>(
  ctx: CommandContext,
  session: SessionState,
  act: (engine: AuctionEngine, actor: Actor) => Promise<T>,
): Promise<T | Failure> {
  const denied = requireProfile(session.profile)
  if (denied) return Promise.resolve(denied)
  const actor = actorOf(session.profile)
  return withEngine(ctx, (engine) => act(engine, actor))
}

export const saleHandlers: { [N in SaleCommand]: Handler<N> } = {
  'sales:list': (ctx, session, input) =>
    withEngine(ctx, (engine) => engine.listSales({ ...input, viewer: actorOf(session.profile) })),

  'sales:get': (ctx, session, input) =>
    withEngine(ctx, async (engine) => {
      const viewer = actorOf(session.profile)
      const found = await engine.getSale(input.saleId, viewer)
      return found.ok
        ? { ok: true as const, sale: await withSaleActivity(engine, viewer, found.sale) }
        : found
    }),

  'sales:lots': (ctx, session, { saleId, status }) =>
    withEngine(ctx, async (engine) => {
      const viewer = actorOf(session.profile)
      const found = await engine.listLots(saleId, status ? { status } : {}, viewer)
      return found.ok ? { ok: true as const, lots: redactAll(found.lots, viewer) } : found
    }),

  // The seller of a new sale is the actor the engine is given: the session's operator, or
  // the consignor staff named (staff still control it, as every sale).
  'sales:create': (ctx, session, { sellerId: consignor, ...input }) => {
    const denied = requireProfile(session.profile)
    if (denied || !session.profile) return Promise.resolve(denied as Failure)
    const sellerId = sellerFor(session.profile, consignor)
    if (typeof sellerId !== 'string') return Promise.resolve(sellerId)
    const actor =
      sellerId === session.profile.operatorId
        ? actorOf(session.profile)
        : { id: sellerId, staff: false }
    return withEngine(ctx, (engine) =>
      engine.createSale(input, actor, session.profile?.operatorId ?? actor.id),
    )
  },

  // A draft's title, description and terms; the engine answers NOT_SELLER and INVALID_STATUS.
  'sales:update': (ctx, session, { saleId, ...changes }) =>
    asOperator(ctx, session, (engine, actor) => engine.updateSale(saleId, changes, actor)),

  'sales:start': (ctx, session, input) =>
    asOperator(ctx, session, (engine, actor) => engine.startSale(input.saleId, actor)),
  'sales:end': (ctx, session, input) =>
    asOperator(ctx, session, (engine, actor) => engine.endSale(input.saleId, actor)),
  'sales:cancel': (ctx, session, input) =>
    asOperator(ctx, session, (engine, actor) => engine.cancelSale(input.saleId, actor)),

  'sales:watch': async (ctx, session, { saleId }) => {
    const refused = watchRefused(ctx, session, ctx.relay.isWatchingSale(session.id, saleId))
    if (refused) return refused
    // Subscribed first, so no event falls between the snapshot and the live stream. If
    // Redis is down the watch stays, and the relay pushes a snapshot once it is back.
    await ctx.relay.watchSale(session.id, saleId)
    return withEngine(ctx, async (engine) => {
      const viewer = actorOf(session.profile)
      const found = await engine.getSale(saleId, viewer)
      const lots = found.ok ? await engine.listLots(saleId, {}, viewer) : found
      if (!lots.ok) {
        if (lots.error.code !== 'REDIS_UNAVAILABLE') await ctx.relay.unwatchSale(session.id, saleId)
        return lots
      }
      return found.ok
        ? {
            ok: true as const,
            sale: await withSaleActivity(engine, viewer, found.sale),
            lots: redactAll(lots.lots, viewer),
          }
        : found
    })
  },

  'sales:unwatch': async (ctx, session, { saleId }) => {
    await ctx.relay.unwatchSale(session.id, saleId)
    return { ok: true }
  },

  'lots:add': (ctx, session, { saleId, ...lot }) =>
    asOperator(ctx, session, async (engine, actor) => {
      const added = await engine.addLot(saleId, lot, actor)
      return added.ok ? { ok: true as const, lot: redact(added.lot, actor) } : added
    }),

  'lots:update': (ctx, session, { lotId, changes }) =>
    asOperator(ctx, session, async (engine, actor) => {
      const updated = await engine.updateLot(lotId, changes, actor)
      return updated.ok ? { ok: true as const, lot: redact(updated.lot, actor) } : updated
    }),

  'lots:remove': (ctx, session, { lotId }) =>
    asOperator(ctx, session, (engine, actor) => engine.removeLot(lotId, actor)),

  'lots:reorder': (ctx, session, { saleId, order }) =>
    asOperator(ctx, session, async (engine, actor) => {
      const reordered = await engine.reorderLots(saleId, order, actor)
      return reordered.ok
        ? { ok: true as const, lots: redactAll(reordered.lots, actor) }
        : reordered
    }),

  // Rows are numbered by their position in `lots` (1 = the first): the console maps a
  // row's error back to the line of its own file.
  'lots:import': (ctx, session, { saleId, lots, requestId }) =>
    asOperator(ctx, session, async (engine, actor) => {
      const rows = lots.map((input, index) => ({ line: index + 1, input }))
      const imported = await engine.importLots(saleId, rows, actor, requestId ?? undefined)
      return imported.ok ? { ok: true as const, lots: redactAll(imported.lots, actor) } : imported
    }),
}
