// The clerk's commands of a live sale: each one script on the sale's slot (offer, ask, fair
// warning, hammer, pass, retract, reopen), plus the reads of a lot's absentee book. The
// floor bid is a bid (bids.ts) at the asking price.
import { z } from 'zod'
import type { Actor, BookEntry, DisplayRate } from '../../shared/domain'
import { saleIdOf } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'
import { currencyDigits, isValidMinor, parseAmount } from '../../shared/money'
import { type EngineCore, runSaleScript, scriptFailure } from './core'
import { lotKeys, saleKeys } from './keys'
import type { ScriptName } from './scripts'
import { idSchema } from './validation'

export type LotScript = Extract<
  ScriptName,
  'askLot' | 'warnLot' | 'hammerLot' | 'passLot' | 'retractBid' | 'reopenLot'
>

const reasonSchema = z.string().trim().min(1).max(200)

/** A clerk's action on one lot of a live sale; the failure, or null. */
export async function runLotScript(
  core: EngineCore,
  script: LotScript,
  lotId: string,
  actor: Actor,
  args: string[] = [],
): Promise<Failure | null> {
  const reply = await runSaleScript(core, script, saleIdOf(lotId), [
    lotId,
    actor.id,
    actor.staff ? '1' : '0',
    ...args,
  ])
  return scriptFailure(reply)
}

/** The lot put on the block, or the failure. */
export async function offerLot(
  core: EngineCore,
  saleId: string,
  lotId: string | undefined,
  actor: Actor,
): Promise<{ lotId: string } | Failure> {
  const reply = await runSaleScript(core, 'offerLot', saleId, [
    lotId ?? '',
    actor.id,
    actor.staff ? '1' : '0',
  ])
  return scriptFailure(reply) ?? { lotId: String(reply[1]) }
}

/** The reason of a retract or reopen, trimmed; or INVALID_INPUT. */
export function reasonOf(reason: unknown): string | Failure {
  const parsed = reasonSchema.safeParse(reason)
  return parsed.success
    ? parsed.data
    : fail('INVALID_INPUT', 'reason: say why, in at most 200 characters', { field: 'reason' })
}

/** `lot ask`: the amount in the lot's currency as minor units text, or INVALID_AMOUNT. */
export async function askAmount(
  core: EngineCore,
  lotId: string,
  amount: string | number,
): Promise<string | Failure> {
  const currency = await core.redis.hget(lotKeys(lotId).lot, 'currency')
  if (currency === null) return fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
  const minor = typeof amount === 'number' ? amount : parseAmount(amount, currencyDigits(currency))
  if (minor === null || !Number.isInteger(minor) || !isValidMinor(minor) || minor <= 0) {
    return fail('INVALID_AMOUNT', 'amount: not a valid amount', { field: 'amount' })
  }
  return String(minor)
}

/**
 * A lot's absentee book, highest maximum first (the earlier first on a tie). Maxima only for
 * staff and the seller: a bidder's maximum is their secret.
 */
export async function readBook(
  core: EngineCore,
  lotId: string,
  viewer: Actor | undefined,
): Promise<BookEntry[] | Failure> {
  const keys = lotKeys(lotId)
  const [sellerId, raw] = await Promise.all([
    core.redis.hget(keys.lot, 'sellerId'),
    core.redis.hgetall(`${keys.lot}:book`),
  ])
  if (sellerId === null) return fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
  const mayseeMax = !viewer || viewer.staff || viewer.id === sellerId
  return Object.entries(raw)
    .map(([bidderId, text]) => {
      const [max, serial, at] = text.split('|').map(Number)
      return { bidderId, max: max as number, serial: serial as number, at: at as number }
    })
    .sort((a, b) => b.max - a.max || a.serial - b.serial)
    .map(({ bidderId, max, at }) => ({ bidderId, max: mayseeMax ? max : null, at }))
}

const rateSchema = z
  .array(
    z.object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      rate: z.string().regex(/^\d{1,9}(\.\d{1,8})?$/),
    }),
  )
  .max(4)

/** The room display's indicative rates, checked; or INVALID_INPUT. */
export async function setDisplayRates(
  core: EngineCore,
  saleId: string,
  rates: DisplayRate[],
  actor: Actor,
): Promise<Failure | null> {
  const parsed = rateSchema.safeParse(rates)
  const currencies = new Set(parsed.data?.map((rate) => rate.currency))
  if (!parsed.success || currencies.size !== parsed.data.length) {
    return fail(
      'INVALID_INPUT',
      'rates: at most four currencies, each once, rate as decimal text',
      {
        field: 'rates',
      },
    )
  }
  if (parsed.data.some((rate) => Number(rate.rate) <= 0)) {
    return fail('INVALID_INPUT', 'rates: every rate above zero', { field: 'rates' })
  }
  const saleCurrency = await core.redis.hget(saleKeys(saleId).sale, 'currency')
  if (saleCurrency !== null && currencies.has(saleCurrency)) {
    return fail('INVALID_INPUT', "rates: the sale's own currency needs no rate", {
      field: 'rates',
    })
  }
  const reply = await runSaleScript(core, 'setDisplayRates', saleId, [
    actor.id,
    actor.staff ? '1' : '0',
    JSON.stringify(parsed.data),
  ])
  return scriptFailure(reply)
}

export const validLotId = (lotId: string): boolean => idSchema.safeParse(lotId).success
