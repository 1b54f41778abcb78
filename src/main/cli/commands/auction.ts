// `auction create|start|end|cancel|show|list`
import { z } from 'zod'
import { AUCTION_STATUSES } from '../../../shared/domain'
import type { Failure } from '../../../shared/errors'
import type { AuctionEngine, CreateAuctionInput } from '../../engine'
import { transition } from '../actor'
import {
  bandsSchema,
  check,
  durationSchema,
  flagReader,
  isoTimeSchema,
  limitSchema,
  parse,
  softCloseSchema,
} from '../args'
import { createOptions } from '../createOptions'

type Answer = Promise<{ ok: true } | Failure>

async function create(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    {
      ...createOptions,
      seller: { type: 'string' },
      'start-price': { type: 'string' },
      reserve: { type: 'string' },
      'ends-at': { type: 'string' },
    },
    0,
  )
  const { required, optional } = flagReader(values)
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
    requestId: values['request-id'] as string | undefined,
  }
  return engine.createAuction(input)
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
