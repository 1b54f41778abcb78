// `auction create|start|end|cancel|show|list`
import { z } from 'zod'
import type { Actor } from '../../../shared/domain'
import { AUCTION_STATUSES } from '../../../shared/domain'
import type { Failure } from '../../../shared/errors'
import type { AuctionEngine, CreateAuctionInput } from '../../engine'
import { check, durationSchema, isoTimeSchema, limitSchema, parse } from '../args'
import { UsageError } from '../output'

type Answer = Promise<{ ok: true } | Failure>
const STAFF: Actor = { id: 'staff', staff: true }

const bandsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' })
      return z.NEVER
    }
  })
  .pipe(
    z
      .array(
        z.object({
          from: z.union([z.number(), z.string()]),
          increment: z.union([z.number(), z.string()]),
        }),
      )
      .min(1, 'at least one band'),
  )

const softCloseSchema = durationSchema
  .refine((ms) => ms % 1000 === 0, 'whole seconds')
  .transform((ms) => ms / 1000)

async function create(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    {
      title: { type: 'string' },
      seller: { type: 'string' },
      'start-price': { type: 'string' },
      increment: { type: 'string' },
      'increment-table': { type: 'string' },
      reserve: { type: 'string' },
      currency: { type: 'string' },
      description: { type: 'string' },
      'starts-at': { type: 'string' },
      duration: { type: 'string' },
      'ends-at': { type: 'string' },
      'soft-close': { type: 'string' },
      start: { type: 'boolean' },
    },
    0,
  )
  const required = (flag: string): string => {
    const value = values[flag]
    if (typeof value !== 'string') throw new UsageError(`--${flag} is required`, flag)
    return value
  }
  const optional = <T>(flag: string, schema: z.ZodType<T>): T | undefined =>
    values[flag] === undefined ? undefined : check(schema, values[flag], flag)
  const input: CreateAuctionInput = {
    title: required('title'),
    sellerId: required('seller'),
    startingPrice: required('start-price'),
    increment: values.increment as string | undefined,
    incrementTable: optional('increment-table', bandsSchema),
    reservePrice: values.reserve as string | undefined,
    currency: (values.currency as string | undefined) ?? 'USD',
    description: (values.description as string | undefined) ?? '',
    startsAt: optional('starts-at', isoTimeSchema),
    durationMs: optional('duration', durationSchema),
    endsAt: optional('ends-at', isoTimeSchema),
    softCloseSeconds: optional('soft-close', softCloseSchema) ?? 0,
    start: values.start === true,
  }
  return engine.createAuction(input)
}

/** `--as ACTOR` is the acting seller; `--staff` acts as staff. */
function actorFrom(values: Record<string, string | boolean | undefined>): Actor {
  if (values.staff === true)
    return { ...STAFF, id: typeof values.as === 'string' ? values.as : STAFF.id }
  if (typeof values.as !== 'string')
    throw new UsageError('--as ACTOR (the seller) or --staff is required', 'as')
  return { id: values.as, staff: false }
}

function transition(run: (engine: AuctionEngine, id: string, actor: Actor) => Answer) {
  return (engine: AuctionEngine, args: string[]): Answer => {
    const { positionals, values } = parse(
      args,
      { as: { type: 'string' }, staff: { type: 'boolean' } },
      1,
    )
    return run(engine, positionals[0] as string, actorFrom(values))
  }
}

async function show(engine: AuctionEngine, args: string[]): Answer {
  const { positionals } = parse(args, {}, 1)
  return engine.getAuction(positionals[0] as string)
}

async function list(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    { status: { type: 'string' }, seller: { type: 'string' }, limit: { type: 'string' } },
    0,
  )
  return engine.listAuctions({
    status:
      values.status === undefined
        ? undefined
        : check(z.enum(AUCTION_STATUSES), values.status, 'status'),
    sellerId: values.seller as string | undefined,
    limit: values.limit === undefined ? 100 : check(limitSchema, values.limit, 'limit'),
  })
}

export const auctionCommands: Record<string, (engine: AuctionEngine, args: string[]) => Answer> = {
  create,
  start: transition((engine, id, actor) => engine.startAuction(id, actor)),
  end: transition((engine, id, actor) => engine.endAuction(id, actor)),
  cancel: transition((engine, id, actor) => engine.cancelAuction(id, actor)),
  show,
  list,
}
