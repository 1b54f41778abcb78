// Creating a sale (or a standalone auction, a timed sale of one lot) and moving it through
// its life: start, end, cancel. Each is one script; the registries follow as hints.
import type { Actor } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'
import {
  catalogueScore,
  saleCreateSchema,
  saleUpdateSchema,
  type SaleCreateInput,
  type SaleUpdateInput,
} from '../../shared/sale-schemas'
import { type EngineCore, runSaleScript, scriptFailure } from './core'
import { saleIdFor } from './ids'
import { saleKeys } from './keys'
import { saleFieldsFor } from './sale-fields'
import { termsFields } from './sale-terms'
import { invalidInput, validateCreate, type CreateAuctionInput } from './validation'

export interface Created {
  saleId: string
  duplicate: boolean
}

async function create(
  core: EngineCore,
  saleId: string,
  requestId: string,
  initial: 'draft' | 'scheduled' | 'start',
  fields: Record<string, string>,
  lot: Record<string, string> | null,
): Promise<Created | Failure> {
  // Announced first: whatever happens after the script, the sweep can find this sale.
  const due = initial === 'scheduled' ? Number(fields.startsAt) : initial === 'start' ? 0 : null
  await core.registry.announce(saleId, due)
  const reply = await runSaleScript(core, 'createSale', saleId, [
    requestId,
    initial,
    lot ? JSON.stringify(lot) : '',
    ...Object.entries({ id: saleId, ...fields }).flat(),
  ])
  const failure = scriptFailure(reply)
  if (failure) {
    // Nothing was created: the announcement would only keep the scheduler looking.
    await core.registry.forgetUnless(saleId)
    return failure
  }
  await core.registry.refresh(saleId)
  return { saleId, duplicate: reply[0] === 'dup' }
}

export async function createSale(
  core: EngineCore,
  raw: SaleCreateInput,
  actor: Actor,
  createdBy: string,
): Promise<Created | Failure> {
  const parsed = saleCreateSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const valid = saleFieldsFor(parsed.data, actor.id)
  if ('ok' in valid) return valid
  const requestId = parsed.data.requestId ?? ''
  return create(
    core,
    saleIdFor('sale', actor.id, requestId),
    requestId,
    valid.initial,
    // Staff may create a sale for a consignor: the log names who did.
    { ...valid.fields, createdBy },
    null,
  )
}

/**
 * A draft sale's title, description and terms (what is left out stays). The script checks
 * the owner and the status; a sale that now requires registration checks paddles from then.
 */
export async function updateSale(
  core: EngineCore,
  saleId: string,
  raw: SaleUpdateInput,
  actor: Actor,
): Promise<Failure | null> {
  const parsed = saleUpdateSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const currency = await core.redis.hget(saleKeys(saleId).sale, 'currency')
  if (currency === null) return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
  const { title, description, ...terms } = parsed.data
  const changes = termsFields(terms, currency)
  if ('ok' in changes) return changes
  const fields: Record<string, string> = { ...changes }
  if (title !== undefined) fields.title = title
  if (description !== undefined) fields.description = description
  const reply = await runSaleScript(core, 'updateSale', saleId, [
    actor.id,
    actor.staff ? '1' : '0',
    JSON.stringify(fields),
  ])
  return scriptFailure(reply)
}

/** `auction create`: a timed sale of one lot whose id is the sale's id. */
export async function createAuction(
  core: EngineCore,
  input: CreateAuctionInput,
): Promise<Created | Failure> {
  const valid = validateCreate(input)
  if ('ok' in valid) return valid
  const { fields } = valid
  const saleId = saleIdFor('auction', fields.sellerId as string, valid.requestId)
  const sale = {
    title: fields.title as string,
    description: fields.description as string,
    mode: 'timed',
    currency: fields.currency as string,
    digits: fields.digits as string,
    sellerId: fields.sellerId as string,
    startsAt: fields.startsAt as string,
    firstCloseAt: fields.endsAt as string,
    durationMs: fields.durationMs as string,
    closeIntervalMs: '0',
    softCloseSeconds: fields.softCloseSeconds as string,
    increment: fields.increment as string,
    incrementTable: fields.incrementTable as string,
    standalone: '1',
  }
  const lot = {
    number: '1',
    title: sale.title,
    description: sale.description,
    startingPrice: fields.startingPrice as string,
    reservePrice: fields.reservePrice as string,
    estimateLow: '',
    estimateHigh: '',
    increment: sale.increment,
    incrementTable: sale.incrementTable,
    softCloseSeconds: sale.softCloseSeconds,
    score: String(catalogueScore('1')),
    startsAt: sale.startsAt,
    endsAt: sale.firstCloseAt,
    durationMs: sale.durationMs,
  }
  return create(core, saleId, valid.requestId, valid.initial, sale, lot)
}

export type SaleTransition = 'startSale' | 'endSale' | 'cancelSale'

/** Start, end or cancel a whole sale; answers the failure or null. */
export async function transitionSale(
  core: EngineCore,
  script: SaleTransition,
  saleId: string,
  actor: Actor,
): Promise<Failure | null> {
  const withdraw = script === 'startSale' ? await core.registry.announceOpening(saleId) : null
  const reply = await runSaleScript(core, script, saleId, [actor.id, actor.staff ? '1' : '0'])
  const failure = scriptFailure(reply)
  if (failure) {
    // Then the lists as the sale is now: another console may have opened it meanwhile.
    if (withdraw) await withdraw().then(() => core.registry.refresh(saleId))
    return failure
  }
  await core.registry.refresh(saleId)
  return null
}

/** `auction end|cancel` on a lot of a sale: closes or withdraws that lot alone. */
export async function transitionLot(
  core: EngineCore,
  script: 'endLot' | 'withdrawLot',
  saleId: string,
  lotId: string,
  actor: Actor,
): Promise<Failure | null> {
  const reply = await runSaleScript(core, script, saleId, [
    lotId,
    actor.id,
    actor.staff ? '1' : '0',
  ])
  const failure = scriptFailure(reply)
  if (failure) return failure
  await core.registry.refresh(saleId)
  return null
}
