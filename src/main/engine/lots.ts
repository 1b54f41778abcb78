// Building a sale's catalogue while it is a draft or scheduled: add one lot, import many
// (all or none), edit or remove one. Money is checked here against the sale's currency;
// the scripts check what needs the sale's state (status, owner, numbers taken).
import type { Actor, Auction } from '../../shared/domain'
import { fail, type CatalogueRowError, type Failure } from '../../shared/errors'
import {
  lotAddSchema,
  lotInputSchema,
  lotNumberSchema,
  lotUpdateSchema,
  type LotAddInput,
  type LotInput,
  type LotUpdateInput,
} from '../../shared/sale-schemas'
import { saleIdOf } from '../../shared/domain'
import { type EngineCore, runSaleScript, scriptFailure } from './core'
import { lotKeys, saleKeys } from './keys'
import { lotChangesFor, lotFieldsFor, type SaleDefaults } from './lot-fields'
import { readLot } from './reads'
import { invalidInput } from './validation'

export interface CatalogueRow {
  /** Where the row came from (a CSV line), for the error report. */
  line: number
  input: LotInput
}

async function saleDefaults(core: EngineCore, saleId: string): Promise<SaleDefaults | Failure> {
  const [currency, increment, incrementTable, softClose] = await core.redis.hmget(
    saleKeys(saleId).sale,
    'currency',
    'increment',
    'incrementTable',
    'softCloseSeconds',
  )
  if (!currency) return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
  return {
    currency,
    increment: increment ?? '',
    incrementTable: incrementTable ?? '',
    softCloseSeconds: Number(softClose ?? 0),
  }
}

/** Stored fields never hold `ok`, so this tells them from a Failure. */
const isFailure = (value: object): value is Failure => (value as Failure).ok === false

const actorArgs = (actor: Actor): string[] => [actor.id, actor.staff ? '1' : '0']

async function readAll(core: EngineCore, ids: string[], actor: Actor): Promise<Auction[]> {
  const lots = await Promise.all(ids.map((id) => readLot(core.redis, id, actor)))
  return lots.filter((lot): lot is Auction => lot !== null)
}

/** Runs addLots; a taken number in row i is reported against rows[i].line. */
async function addLots(
  core: EngineCore,
  saleId: string,
  requestId: string,
  actor: Actor,
  lots: Record<string, string>[],
  lines: number[],
): Promise<string[] | Failure> {
  const reply = await runSaleScript(core, 'addLots', saleId, [
    requestId,
    ...actorArgs(actor),
    ...lots.map((lot) => JSON.stringify(lot)),
  ])
  const failure = scriptFailure(reply)
  if (failure) {
    const taken = failure.error.rows as
      { index: number; code: string; message: string }[] | undefined
    if (!taken) return failure
    if (lines.length === 1)
      return fail('LOT_NUMBER_TAKEN', taken[0]?.message ?? '', { field: 'number' })
    return catalogueFailure(
      taken.map((row) => ({
        line: lines[row.index - 1] ?? row.index,
        code: row.code,
        message: row.message,
      })),
    )
  }
  return reply.slice(1).map(String)
}

const catalogueFailure = (rows: CatalogueRowError[]): Failure =>
  fail(
    'INVALID_CATALOGUE',
    `${rows.length} row(s) of the catalogue are not valid; nothing was imported`,
    {
      rows,
    },
  )

export async function addLot(
  core: EngineCore,
  saleId: string,
  raw: LotAddInput,
  actor: Actor,
): Promise<{ lot: Auction; duplicate: boolean } | Failure> {
  const parsed = lotAddSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const sale = await saleDefaults(core, saleId)
  if ('ok' in sale) return sale
  const fields = lotFieldsFor(parsed.data, sale)
  if (isFailure(fields)) return fields
  const requestId = parsed.data.requestId ?? ''
  const before = requestId ? await core.redis.hexists(saleKeys(saleId).requests, requestId) : 0
  const ids = await addLots(core, saleId, requestId, actor, [fields], [1])
  if (!Array.isArray(ids)) return ids
  const [lot] = await readAll(core, ids, actor)
  if (!lot) return fail('AUCTION_NOT_FOUND', 'the lot was removed meanwhile')
  return { lot, duplicate: before === 1 }
}

/** Rows whose number the sale already has, or an earlier row repeats (rows not yet faulted). */
async function numbersTaken(
  core: EngineCore,
  saleId: string,
  numbered: { line: number; number: string }[],
  faulted: CatalogueRowError[],
): Promise<CatalogueRowError[]> {
  if (numbered.length === 0) return []
  const taken = await core.redis.hmget(
    saleKeys(saleId).numbers,
    ...numbered.map((row) => row.number),
  )
  const seen = new Set<string>()
  const found: CatalogueRowError[] = []
  numbered.forEach(({ line, number }, i) => {
    const bad = taken[i] !== null || seen.has(number)
    seen.add(number)
    if (bad && !faulted.some((error) => error.line === line)) {
      found.push({
        line,
        code: 'LOT_NUMBER_TAKEN',
        message: `lot ${number} is already in this sale`,
      })
    }
  })
  return found
}

export async function importLots(
  core: EngineCore,
  saleId: string,
  rows: CatalogueRow[],
  actor: Actor,
  requestId = '',
): Promise<{ lots: Auction[] } | Failure> {
  if (rows.length === 0) return fail('INVALID_CATALOGUE', 'the catalogue has no lots', { rows: [] })
  const sale = await saleDefaults(core, saleId)
  if ('ok' in sale) return sale
  const errors: CatalogueRowError[] = []
  const lots: Record<string, string>[] = []
  const numbered: { line: number; number: string }[] = []
  for (const row of rows) {
    const parsed = lotInputSchema.safeParse(row.input)
    const fields = parsed.success ? lotFieldsFor(parsed.data, sale) : invalidInput(parsed.error)
    if (parsed.success) numbered.push({ line: row.line, number: parsed.data.number })
    if (isFailure(fields))
      errors.push({ line: row.line, code: fields.error.code, message: fields.error.message })
    else lots.push(fields)
  }
  if (errors.length > 0) {
    // Every bad row in one report: numbers taken or repeated too, not only once the money is
    // fixed (the script checks them again, atomically, when the file is otherwise good).
    errors.push(...(await numbersTaken(core, saleId, numbered, errors)))
    return catalogueFailure(errors.sort((a, b) => a.line - b.line))
  }
  const ids = await addLots(
    core,
    saleId,
    requestId,
    actor,
    lots,
    rows.map((row) => row.line),
  )
  if (!Array.isArray(ids)) return ids
  return { lots: await readAll(core, ids, actor) }
}

export async function updateLot(
  core: EngineCore,
  lotId: string,
  raw: LotUpdateInput,
  actor: Actor,
): Promise<{ lot: Auction } | Failure> {
  const parsed = lotUpdateSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const saleId = saleIdOf(lotId)
  const sale = await saleDefaults(core, saleId)
  if ('ok' in sale) return fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
  const [estimateLow, estimateHigh] = await core.redis.hmget(
    lotKeys(lotId).lot,
    'estimateLow',
    'estimateHigh',
  )
  const changes = lotChangesFor(parsed.data, sale, {
    estimateLow: estimateLow ?? '',
    estimateHigh: estimateHigh ?? '',
  })
  if (isFailure(changes)) return changes
  const reply = await runSaleScript(core, 'updateLot', saleId, [
    lotId,
    ...actorArgs(actor),
    JSON.stringify(changes),
  ])
  const failure = scriptFailure(reply)
  if (failure) return failure
  const lot = await readLot(core.redis, lotId, actor)
  return lot ? { lot } : fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
}

export async function removeLot(
  core: EngineCore,
  lotId: string,
  actor: Actor,
): Promise<{ lotId: string } | Failure> {
  const saleId = saleIdOf(lotId)
  const reply = await runSaleScript(core, 'removeLot', saleId, [lotId, ...actorArgs(actor)])
  const failure = scriptFailure(reply)
  if (failure) return failure
  return { lotId }
}

/** Sets the catalogue order by hand: every lot number of the sale, once, in the new order. */
export async function reorderLots(
  core: EngineCore,
  saleId: string,
  numbers: string[],
  actor: Actor,
): Promise<Failure | null> {
  const normalised: string[] = []
  for (const [index, raw] of numbers.entries()) {
    const parsed = lotNumberSchema.safeParse(raw)
    if (!parsed.success) {
      return fail('INVALID_INPUT', `order.${index}: not a lot number`, { field: 'order' })
    }
    normalised.push(parsed.data)
  }
  const reply = await runSaleScript(core, 'reorderLots', saleId, [
    ...actorArgs(actor),
    ...normalised,
  ])
  return scriptFailure(reply)
}
