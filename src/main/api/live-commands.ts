// The clerk's commands of a live sale and the sale's audit log: staff, or the sale's seller
// (the engine answers NOT_SELLER for anyone else); every one needs a profile, and a bidder
// session none of them. Reads of the book redact maxima for a seller of another sale.
import type { CommandName } from '../../shared/contract'
import { saleIdOf, type Actor } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'
import type { AuctionEngine } from '../engine'
import { actorOf, requireProfile } from './access'
import { withEngine, type CommandContext, type Handler, type SessionState } from './context'

export type LiveCommand =
  | Extract<
      CommandName,
      | 'lots:offer'
      | 'lots:floor'
      | 'lots:ask'
      | 'lots:warn'
      | 'lots:hammer'
      | 'lots:pass'
      | 'lots:retract'
      | 'lots:reopen'
      | 'lots:withdraw'
      | 'lots:book'
      | 'sales:log'
      | 'sales:verifyLog'
      | 'sales:rates'
    >
  | 'display:link'

/** Runs a clerk's action as the session's operator; a bidder session never clerks. */
function asClerk<T>(
  ctx: CommandContext,
  session: SessionState,
  act: (engine: AuctionEngine, actor: Actor) => Promise<T>,
): Promise<T | Failure> {
  const denied = requireProfile(session.profile)
  if (denied) return Promise.resolve(denied)
  if (session.profile?.role === 'bidder') {
    return Promise.resolve(fail('UNAUTHORIZED', 'A bidder session cannot run the sale.'))
  }
  const actor = actorOf(session.profile)
  return withEngine(ctx, (engine) => act(engine, actor))
}

/**
 * Staff, or the seller of the sale: the log holds every bidder's maximum, and the book who
 * left a commission bid.
 */
async function staffOrSeller(
  engine: AuctionEngine,
  saleId: string,
  actor: Actor,
  what: string,
): Promise<Failure | null> {
  if (actor.staff) return null
  const sale = await engine.getSale(saleId)
  if (!sale.ok) return sale
  return sale.sale.sellerId === actor.id
    ? null
    : fail('NOT_SELLER', `Only staff and the sale's seller read its ${what}.`)
}

export const liveHandlers: { [N in LiveCommand]: Handler<N> } = {
  'lots:offer': (ctx, session, { saleId, lotId }) =>
    asClerk(ctx, session, (engine, actor) => engine.offerLot(saleId, lotId, actor)),
  'lots:floor': (ctx, session, { lotId, paddle, requestId }) =>
    asClerk(ctx, session, (engine, actor) =>
      engine.floorBid(lotId, { ...(paddle ? { paddle } : {}), requestId }, actor),
    ),
  'lots:ask': (ctx, session, { lotId, amount }) =>
    asClerk(ctx, session, (engine, actor) => engine.askLot(lotId, amount, actor)),
  'lots:warn': (ctx, session, { lotId }) =>
    asClerk(ctx, session, (engine, actor) => engine.warnLot(lotId, actor)),
  'lots:hammer': (ctx, session, { lotId, paddle, belowReserve }) =>
    asClerk(ctx, session, (engine, actor) =>
      engine.hammerLot(lotId, { ...(paddle ? { paddle } : {}), belowReserve }, actor),
    ),
  'lots:pass': (ctx, session, { lotId, reason }) =>
    asClerk(ctx, session, (engine, actor) => engine.passLot(lotId, actor, reason)),
  'lots:retract': (ctx, session, { lotId, reason }) =>
    asClerk(ctx, session, (engine, actor) => engine.retractBid(lotId, reason, actor)),
  'lots:reopen': (ctx, session, { lotId, reason }) =>
    asClerk(ctx, session, (engine, actor) => engine.reopenLot(lotId, reason, actor)),
  'lots:withdraw': (ctx, session, { lotId }) =>
    asClerk(ctx, session, (engine, actor) => engine.withdrawLot(lotId, actor)),
  // Who left a commission bid is the clerk's business only; maxima only for staff and seller.
  'lots:book': (ctx, session, { lotId }) =>
    asClerk(ctx, session, async (engine, actor) => {
      const refused = await staffOrSeller(engine, saleIdOf(lotId), actor, 'absentee book')
      return refused ?? engine.lotBook(lotId, actor)
    }),
  'sales:log': (ctx, session, { saleId, limit }) =>
    asClerk(ctx, session, async (engine, actor) => {
      const refused = await staffOrSeller(engine, saleId, actor, 'log')
      return refused ?? engine.saleLog(saleId, limit === undefined ? {} : { limit })
    }),
  'sales:verifyLog': (ctx, session, { saleId }) =>
    asClerk(ctx, session, async (engine, actor) => {
      const refused = await staffOrSeller(engine, saleId, actor, 'log')
      return refused ?? engine.verifySaleLog(saleId)
    }),
  'sales:rates': (ctx, session, { saleId, rates }) =>
    asClerk(ctx, session, (engine, actor) => engine.setDisplayRates(saleId, rates, actor)),
  'display:link': async (ctx, session, { saleId }) => {
    const denied = requireProfile(session.profile)
    if (denied) return denied
    if (session.profile?.role === 'bidder') {
      return fail('UNAUTHORIZED', 'A bidder session cannot open the room display.')
    }
    const open = ctx.openDisplay
    if (!open) {
      return fail('INVALID_INPUT', 'This console offers no room display link.', { field: 'saleId' })
    }
    return withEngine(ctx, async (engine) => {
      const found = await engine.getSale(saleId)
      if (!found.ok) return found
      const profile = session.profile
      if (profile?.role !== 'staff' && found.sale.sellerId !== profile?.operatorId) {
        return fail('NOT_SELLER', "Only staff and the sale's seller open its room display.")
      }
      return { ok: true as const, url: await open(saleId) }
    })
  },
}
