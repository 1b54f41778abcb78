// The clerk's commands of a live sale (`sale offer`, `lot floor|ask|warn|hammer|pass|retract|
// reopen|withdraw|book`) and the sale's audit log (`sale log`, `sale verify-log`, `sale rates`).
import { z } from 'zod'
import type { Failure } from '../../../shared/errors'
import type { AuctionEngine } from '../../engine'
import { actorFrom, actorOptions, transition } from '../actor'
import { countSchema, flagReader, parse } from '../args'

type Answer = Promise<{ ok: true } | Failure>
type Command = (engine: AuctionEngine, args: string[]) => Answer

const logLimitSchema = countSchema.pipe(z.number().max(999_999, 'at most 999999'))

/** `VERB LOT --reason R (--as | --staff)`: retract and reopen. */
const withReason =
  (
    run: (
      engine: AuctionEngine,
      lotId: string,
      reason: string,
      actor: ReturnType<typeof actorFrom>,
    ) => Answer,
  ): Command =>
  (engine, args) => {
    const { positionals, values } = parse(args, { ...actorOptions, reason: { type: 'string' } }, 1)
    const reason = flagReader(values).required('reason')
    return run(engine, positionals[0] as string, reason, actorFrom(values))
  }

async function offer(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...actorOptions, lot: { type: 'string' } }, 1)
  return engine.offerLot(
    positionals[0] as string,
    flagReader(values).text('lot'),
    actorFrom(values),
  )
}

async function floor(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { ...actorOptions, paddle: { type: 'string' }, 'request-id': { type: 'string' } },
    1,
  )
  const { text } = flagReader(values)
  const paddle = text('paddle')
  const requestId = text('request-id')
  return engine.floorBid(
    positionals[0] as string,
    { ...(paddle ? { paddle } : {}), ...(requestId ? { requestId } : {}) },
    actorFrom(values),
  )
}

async function ask(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...actorOptions, amount: { type: 'string' } }, 1)
  const amount = flagReader(values).required('amount')
  return engine.askLot(positionals[0] as string, amount, actorFrom(values))
}

async function hammer(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { ...actorOptions, paddle: { type: 'string' }, 'below-reserve': { type: 'boolean' } },
    1,
  )
  const paddle = flagReader(values).text('paddle')
  return engine.hammerLot(
    positionals[0] as string,
    { ...(paddle ? { paddle } : {}), belowReserve: values['below-reserve'] === true },
    actorFrom(values),
  )
}

/** `lot pass LOT [--reason R]`: the reason is optional, and logged when given. */
async function pass(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...actorOptions, reason: { type: 'string' } }, 1)
  return engine.passLot(
    positionals[0] as string,
    actorFrom(values),
    flagReader(values).text('reason'),
  )
}

async function book(engine: AuctionEngine, args: string[]): Answer {
  const { positionals } = parse(args, {}, 1)
  return engine.lotBook(positionals[0] as string)
}

async function log(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { limit: { type: 'string' } }, 1)
  const limit = flagReader(values).optional('limit', logLimitSchema)
  return engine.saleLog(positionals[0] as string, limit === undefined ? {} : { limit })
}

async function verifyLog(engine: AuctionEngine, args: string[]): Answer {
  const { positionals } = parse(args, {}, 1)
  return engine.verifySaleLog(positionals[0] as string)
}

/** `sale rates SALE --rate EUR=1.17 --rate USD=1.27` (none clears them). */
async function rates(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { ...actorOptions, rate: { type: 'string', multiple: true } },
    1,
  )
  const given = (values.rate as unknown as string[] | undefined) ?? []
  const parsed = given.map((pair) => {
    const [currency = '', rate = ''] = pair.split('=')
    return { currency, rate }
  })
  return engine.setDisplayRates(positionals[0] as string, parsed, actorFrom(values))
}

export const clerkLotCommands: Record<string, Command> = {
  floor,
  ask,
  warn: transition((engine, id, actor) => engine.warnLot(id, actor)),
  hammer,
  pass,
  retract: withReason((engine, id, reason, actor) => engine.retractBid(id, reason, actor)),
  reopen: withReason((engine, id, reason, actor) => engine.reopenLot(id, reason, actor)),
  withdraw: transition((engine, id, actor) => engine.withdrawLot(id, actor)),
  book,
}

export const clerkSaleCommands: Record<string, Command> = {
  offer,
  log,
  'verify-log': verifyLog,
  rates,
}
