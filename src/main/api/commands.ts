// One handler per command of the contract, on already validated input. Each answers a
// Result; the service wraps them so that nothing thrown gets out.
import type { CommandName } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import type { AuctionEngine } from '../engine'
import { withLotActivity } from './activity'
import { actorOf, redact, requireProfile, sellerFor } from './access'
import { withEngine, type CommandContext, type Handler, type SessionState } from './context'
import { authHandlers } from './auth-commands'
import { liveHandlers } from './live-commands'
import { operatorHandlers } from './operator-commands'
import { printHandlers } from './print-commands'
import { registerHandlers } from './register-commands'
import { resultsHandlers } from './results-commands'
import { saleHandlers } from './sale-commands'
import { watchRefused } from './watch-limit'

export type { CommandContext, SessionState } from './context'

type Handlers = { [N in CommandName]: Handler<N> }

export const handlers: Handlers = {
  'auctions:list': (ctx, session, input) =>
    withEngine(ctx, (engine) =>
      engine.listAuctions({ ...input, viewer: actorOf(session.profile) }),
    ),

  'auctions:get': (ctx, session, input) =>
    withEngine(ctx, async (engine) => {
      const viewer = actorOf(session.profile)
      const found = await engine.getAuction(input.auctionId, viewer)
      return found.ok
        ? { ok: true as const, auction: await withLotActivity(engine, viewer, found.auction) }
        : found
    }),

  'auctions:create': async (ctx, session, input) => {
    const denied = requireProfile(session.profile)
    if (denied || !session.profile) return denied as Failure
    const { sellerId: consignor, ...request } = input
    const sellerId = sellerFor(session.profile, consignor)
    if (typeof sellerId !== 'string') return sellerId
    return withEngine(ctx, (engine) => engine.createAuction({ ...request, sellerId }))
  },

  'auctions:start': (ctx, session, input) =>
    transition(ctx, session, (engine, actor) => engine.startAuction(input.auctionId, actor)),
  'auctions:end': (ctx, session, input) =>
    transition(ctx, session, (engine, actor) => engine.endAuction(input.auctionId, actor)),
  'auctions:cancel': (ctx, session, input) =>
    transition(ctx, session, (engine, actor) => engine.cancelAuction(input.auctionId, actor)),

  'bids:place': async (ctx, session, input) => {
    const denied = requireProfile(session.profile)
    if (denied || !session.profile) return denied as Failure
    const profile = session.profile
    if (profile.role === 'bidder' && input.bidderId !== profile.operatorId) {
      return fail('UNAUTHORIZED', 'A bidder bids only as their own paddle.', { field: 'bidderId' })
    }
    return withEngine(ctx, async (engine) => {
      if (profile.role === 'seller') {
        // A seller console must not bid up its own lots, whatever bidder id it types.
        const found = await engine.getAuction(input.auctionId)
        if (found.ok && found.auction.sellerId === profile.operatorId) {
          return fail('SELLER_CANNOT_BID', 'A seller cannot place bids on their own auction.')
        }
      }
      return engine.placeBid({ ...input, operatorId: profile.operatorId })
    })
  },

  'bids:history': (ctx, _session, input) =>
    withEngine(ctx, (engine) => engine.history(input.auctionId, input)),

  'auctions:watch': async (ctx, session, input) => {
    const { auctionId } = input
    const refused = watchRefused(ctx, session, ctx.relay.isWatching(session.id, auctionId))
    if (refused) return refused
    // The watch is registered first: if Redis is down it stays, and the snapshot is
    // pushed when the link is live again.
    await ctx.relay.watch(session.id, auctionId)
    return withEngine(ctx, async (engine) => {
      const found = await engine.getAuction(auctionId, actorOf(session.profile))
      if (!found.ok && found.error.code !== 'REDIS_UNAVAILABLE') {
        await ctx.relay.unwatch(session.id, auctionId)
        await ctx.presence.leave(auctionId, session.id)
        return found
      }
      let viewers: number
      if (input.presence) viewers = await ctx.presence.join(auctionId, session.id)
      else {
        await ctx.presence.leave(auctionId, session.id)
        viewers = await ctx.presence.count(auctionId)
      }
      const viewer = actorOf(session.profile)
      return found.ok
        ? {
            ok: true as const,
            auction: await withLotActivity(engine, viewer, found.auction),
            viewers,
          }
        : found
    })
  },

  'auctions:unwatch': async (ctx, session, input) => {
    await ctx.relay.unwatch(session.id, input.auctionId)
    await ctx.presence.leave(input.auctionId, session.id)
    return { ok: true }
  },

  'clock:now': (ctx) =>
    withEngine(ctx, async (engine) => ({ ok: true as const, now: await engine.serverTime() })),

  'connection:status': async (ctx) => ({ ok: true, ...ctx.manager.status() }),

  'settings:get': async (ctx) => {
    const { hasPassword, ...settings } = ctx.settings.read()
    return {
      ok: true,
      settings: { ...settings, hasPassword },
      ...(ctx.manager.overridden ? { overriddenBy: 'REDIS_URL' as const } : {}),
    }
  },

  'settings:save': async (ctx, _session, input) => {
    const saved = ctx.settings.save(input)
    if (!saved.ok) return saved
    await ctx.manager.reconfigure()
    // Answer with a settled state when it comes quickly; later changes are pushed.
    return { ok: true, ...(await ctx.manager.settle(5000)) }
  },

  'settings:test': (ctx, _session, input) => ctx.manager.test(input),

  ...authHandlers,
  ...operatorHandlers,
  ...saleHandlers,
  ...liveHandlers,
  ...registerHandlers,
  ...resultsHandlers,
  ...printHandlers,
}

function transition(
  ctx: CommandContext,
  session: SessionState,
  act: (
    engine: AuctionEngine,
    actor: ReturnType<typeof actorOf>,
  ) => ReturnType<AuctionEngine['startAuction']>,
) {
  const denied = requireProfile(session.profile)
  if (denied) return Promise.resolve(denied)
  const actor = actorOf(session.profile)
  return withEngine(ctx, async (engine) => {
    const result = await act(engine, actor)
    return result.ok ? { ...result, auction: redact(result.auction, actor) } : result
  })
}
