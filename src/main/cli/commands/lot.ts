// `lot add|edit|remove|import`: a draft sale's catalogue.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { parseCatalogue } from '../../../shared/catalogue-csv'
import { fail, type Failure } from '../../../shared/errors'
import type { LotAddInput, LotUpdateInput } from '../../../shared/sale-schemas'
import type { AuctionEngine } from '../../engine'
import { actorFrom, actorOptions, transition } from '../actor'
import { atMostOne, bandsSchema, flagReader, parse, softCloseSchema, type Parsed } from '../args'
import { UsageError } from '../output'

type Answer = Promise<{ ok: true } | Failure>

/** "200-300" or "200.00-300.00" → low and high; "250" → both. The engine checks the money. */
const estimateSchema = z
  .string()
  .regex(/^\s*[^\s-]+\s*(-\s*[^\s-]+\s*)?$/, 'an amount or a range such as 200-300')
  .transform((text) => {
    const [low, high] = text.split('-').map((part) => part.trim()) as [string, string?]
    return { estimateLow: low, estimateHigh: high ?? low }
  })

/** The flags of a lot's fields, shared by add and edit. */
const LOT_OPTIONS = {
  number: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  'start-price': { type: 'string' },
  reserve: { type: 'string' },
  estimate: { type: 'string' },
  increment: { type: 'string' },
  'increment-table': { type: 'string' },
  'soft-close': { type: 'string' },
  /** Whose lot it is (consignor statements); '' returns it to the sale's seller. */
  consignor: { type: 'string' },
} as const

/** The lot fields the flags give. An empty value clears an optional field: `--reserve ''`
 * removes the reserve, `--increment ''` returns the lot to the sale's default increment. */
function lotFields(values: Parsed['values']): LotUpdateInput {
  const { text, optional } = flagReader(values)
  atMostOne(values, 'increment', 'increment-table')
  const cleared = (flag: string): boolean => text(flag)?.trim() === ''
  const clearable = <T>(flag: string, read: () => T): T | null => (cleared(flag) ? null : read())
  const estimate = clearable('estimate', () => optional('estimate', estimateSchema))
  const fields: LotUpdateInput = {
    number: text('number'),
    title: text('title'),
    description: text('description'),
    startingPrice: text('start-price'),
    reservePrice: clearable('reserve', () => text('reserve')),
    estimateLow: estimate === null ? null : estimate?.estimateLow,
    estimateHigh: estimate === null ? null : estimate?.estimateHigh,
    increment: clearable('increment', () => text('increment')),
    incrementTable: clearable('increment-table', () => optional('increment-table', bandsSchema)),
    softCloseSeconds: optional('soft-close', softCloseSchema),
    consignor: clearable('consignor', () => text('consignor')),
  }
  // Only what was given: an edit leaves every other field as it is.
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as LotUpdateInput
}

async function add(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { ...LOT_OPTIONS, 'request-id': { type: 'string' }, ...actorOptions },
    1,
  )
  const { required, text } = flagReader(values)
  const input: LotAddInput = {
    ...lotFields(values),
    number: required('number'),
    title: required('title'),
    startingPrice: required('start-price'),
    requestId: text('request-id'),
  }
  return engine.addLot(positionals[0] as string, input, actorFrom(values))
}

async function edit(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...LOT_OPTIONS, ...actorOptions }, 1)
  const changes = lotFields(values)
  if (Object.keys(changes).length === 0) {
    throw new UsageError('nothing to change: give at least one field flag, e.g. --title')
  }
  return engine.updateLot(positionals[0] as string, changes, actorFrom(values))
}

/** All or nothing: a catalogue with any bad row imports no lot. */
async function importCsv(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { csv: { type: 'string' }, 'request-id': { type: 'string' }, ...actorOptions },
    1,
  )
  const { required, text } = flagReader(values)
  const saleId = positionals[0] as string
  const path = required('csv')
  const actor = actorFrom(values)
  let csv: string
  try {
    csv = await readFile(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return fail('INVALID_INPUT', `--csv: cannot read ${path}: ${reason}`, { field: 'csv' })
  }
  // Money is checked for the sale's currency, so the sale comes first.
  const found = await engine.getSale(saleId, actor)
  if (!found.ok) return found
  const { rows, errors } = parseCatalogue(csv, found.sale.currency)
  if (errors.length > 0) {
    return fail(
      'INVALID_CATALOGUE',
      `${errors.length} bad row(s) in ${path}; nothing was imported`,
      { rows: errors },
    )
  }
  return engine.importLots(saleId, rows, actor, text('request-id'))
}

export const lotCommands: Record<string, (engine: AuctionEngine, args: string[]) => Answer> = {
  add,
  edit,
  remove: transition((engine, id, actor) => engine.removeLot(id, actor)),
  import: importCsv,
}
