// `sale create|update|show|list|lots|reorder|start|end|cancel` (results: sale-results.ts)
import type { Failure } from '../../../shared/errors'
import {
  saleCreateSchema,
  saleListSchema,
  saleLotsSchema,
  type SaleCreateInput,
} from '../../../shared/sale-schemas'
import type { AuctionEngine } from '../../engine'
import { actorFrom, actorOptions, transition } from '../actor'
import {
  atMostOne,
  bandsSchema,
  check,
  durationSchema,
  flagReader,
  intervalSecondsSchema,
  isoTimeSchema,
  limitSchema,
  parse,
  softCloseSchema,
} from '../args'
import { createOptions } from '../createOptions'
import { UsageError } from '../output'
import { termsFrom, termsOptions } from '../terms'
import { saleResultsCommands } from './sale-results'

type Answer = Promise<{ ok: true } | Failure>

async function create(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    {
      ...createOptions,
      mode: { type: 'string' },
      'close-interval': { type: 'string' },
      'first-close-at': { type: 'string' },
      ...termsOptions,
      ...actorOptions,
    },
    0,
  )
  const { text, required, optional } = flagReader(values)
  atMostOne(values, 'increment', 'increment-table')
  atMostOne(values, 'first-close-at', 'duration')
  const input: SaleCreateInput = {
    title: required('title'),
    mode: check(saleCreateSchema.shape.mode, required('mode'), 'mode'),
    currency: text('currency'),
    description: text('description'),
    startsAt: optional('starts-at', isoTimeSchema),
    start: values.start === true,
    increment: text('increment'),
    incrementTable: optional('increment-table', bandsSchema),
    softCloseSeconds: optional('soft-close', softCloseSchema),
    closeIntervalSeconds: optional('close-interval', intervalSecondsSchema),
    firstCloseAt: optional('first-close-at', isoTimeSchema),
    durationMs: optional('duration', durationSchema),
    requestId: text('request-id'),
    ...termsFrom(values),
  }
  // The actor is the seller: nobody creates a sale on someone else's behalf but staff.
  return engine.createSale(input, actorFrom(values))
}

/** `sale update SALE`: a draft's title, description and terms; what is not given stays. */
async function update(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    {
      title: { type: 'string' },
      description: { type: 'string' },
      ...termsOptions,
      ...actorOptions,
    },
    1,
  )
  const { text } = flagReader(values)
  const changes = {
    ...termsFrom(values),
    ...(values.title === undefined ? {} : { title: text('title') }),
    ...(values.description === undefined ? {} : { description: text('description') }),
  }
  if (Object.keys(changes).length === 0) {
    throw new UsageError('nothing to change: give at least one flag, e.g. --commission 15%')
  }
  return engine.updateSale(positionals[0] as string, changes, actorFrom(values))
}

async function show(engine: AuctionEngine, args: string[]): Answer {
  const { positionals } = parse(args, {}, 1)
  return engine.getSale(positionals[0] as string)
}

async function list(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    {
      status: { type: 'string' },
      mode: { type: 'string' },
      seller: { type: 'string' },
      limit: { type: 'string' },
    },
    0,
  )
  const { optional } = flagReader(values)
  return engine.listSales({
    status: optional('status', saleListSchema.shape.status),
    mode: optional('mode', saleListSchema.shape.mode),
    sellerId: optional('seller', saleListSchema.shape.sellerId),
    limit: optional('limit', limitSchema) ?? 100,
  })
}

async function lots(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { status: { type: 'string' } }, 1)
  const status = flagReader(values).optional('status', saleLotsSchema.shape.status)
  return engine.listLots(positionals[0] as string, { status })
}

/** `sale reorder SALE --order 3,1,12A,2`: every lot number once, in the new catalogue order. */
async function reorder(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...actorOptions, order: { type: 'string' } }, 1)
  const order = flagReader(values).required('order')
  const numbers = order.split(',').map((number) => number.trim())
  return engine.reorderLots(positionals[0] as string, numbers, actorFrom(values))
}

export const saleCommands: Record<string, (engine: AuctionEngine, args: string[]) => Answer> = {
  create,
  update,
  ...saleResultsCommands,
  show,
  list,
  lots,
  reorder,
  start: transition((engine, id, actor) => engine.startSale(id, actor)),
  end: transition((engine, id, actor) => engine.endSale(id, actor)),
  cancel: transition((engine, id, actor) => engine.cancelSale(id, actor)),
}
