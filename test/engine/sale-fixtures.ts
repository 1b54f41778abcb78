// Helpers for the sale tests: unwrapping answers, a sale with lots in one call, and a log of
// everything published on sales' channels, fed by a real subscriber connection.
import { expect } from 'vitest'
import { openEventFeed, type AuctionEngine } from '../../src/main/engine'
import type { Actor, Lot, Sale, SaleChannelEvent } from '../../src/shared/domain'
import type { Failure, Result } from '../../src/shared/errors'
import type { LotInput, SaleCreateInput } from '../../src/shared/sale-schemas'

/** The answer must be ok; fails the test with the error otherwise. */
export function ok<T extends object>(answer: Result<T>, what = 'call'): { ok: true } & T {
  if (!answer.ok) expect.fail(`${what} failed: ${JSON.stringify(answer.error)}`)
  return answer
}

/** The answer must be a rejection; answers its error. */
export function refused(answer: { ok: boolean } | Failure): Failure['error'] {
  if (answer.ok) expect.fail(`expected a rejection, got ${JSON.stringify(answer)}`)
  return (answer as Failure).error
}

/** One catalogue row: start 10.00, the sale's increment. */
export const lotInput = (number: string, overrides: Partial<LotInput> = {}): LotInput => ({
  number,
  title: `Lot ${number}`,
  startingPrice: '10.00',
  ...overrides,
})

/** A timed draft sale (USD, increment 1.00, first close in an hour, one lot a minute). */
export async function createSale(
  engine: AuctionEngine,
  actor: Actor,
  overrides: Partial<SaleCreateInput> = {},
): Promise<Sale> {
  const input: SaleCreateInput = {
    title: 'Test sale',
    mode: 'timed',
    increment: '1.00',
    ...(overrides.mode === 'live' ? {} : { durationMs: 3_600_000 }),
    ...overrides,
  }
  return ok(await engine.createSale(input, actor), 'createSale').sale
}

/** A sale with these lot numbers added one by one, in the order given. */
export async function saleWithLots(
  engine: AuctionEngine,
  actor: Actor,
  numbers: string[],
  overrides: Partial<SaleCreateInput> = {},
): Promise<{ sale: Sale; lots: Lot[] }> {
  const sale = await createSale(engine, actor, overrides)
  const lots: Lot[] = []
  for (const number of numbers) {
    lots.push(ok(await engine.addLot(sale.id, lotInput(number), actor), 'addLot').lot)
  }
  return { sale, lots }
}

export async function saleOf(engine: AuctionEngine, saleId: string): Promise<Sale> {
  return ok(await engine.getSale(saleId), 'getSale').sale
}

export async function lotsOf(engine: AuctionEngine, saleId: string): Promise<Lot[]> {
  return ok(await engine.listLots(saleId), 'listLots').lots
}

export interface SaleLog {
  events: SaleChannelEvent[]
  /** Waits until the log holds an event matching `match`; answers it. */
  waitFor(
    match: (event: SaleChannelEvent) => boolean,
    timeoutMs?: number,
  ): Promise<SaleChannelEvent>
  close(): Promise<void>
}

/** Every event published on these sales' channels (and on the named channels), in order. */
export async function saleLog(
  url: string,
  saleIds: string[],
  channels: string[] = [],
): Promise<SaleLog> {
  const events: SaleChannelEvent[] = []
  const feed = await openEventFeed(
    { url },
    () => expect.fail('a watched sale delivers to the sale handler'),
    (event) => events.push(event),
  )
  for (const saleId of saleIds) await feed.watchSale(saleId)
  for (const channel of channels) await feed.watchChannel(channel)
  return {
    events,
    async waitFor(match, timeoutMs = 10_000) {
      let found: SaleChannelEvent | undefined
      await expect
        .poll(() => (found = events.find(match)), { timeout: timeoutMs, interval: 10 })
        .toBeDefined()
      return found as SaleChannelEvent
    },
    close: () => feed.close(),
  }
}

/** The lot id an event concerns (lot events, and lot_added / lot_updated / lot_removed). */
export const lotIdOf = (event: SaleChannelEvent): string | undefined =>
  'lotId' in event ? event.lotId : undefined
