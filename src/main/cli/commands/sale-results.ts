// `sale results|invoice|statement|report SALE [--csv]`: a sale's results for staff (--staff);
// a seller reads their own statement (--as SELLER --seller SELLER). --csv prints the CSV
// export (src/shared/results-csv.ts) instead of the JSON document.
import type { Actor } from '../../../shared/domain'
import { fail, type Failure, type Result } from '../../../shared/errors'
import { invoicesCsv, reportCsv, resultsCsv, statementsCsv } from '../../../shared/results-csv'
import type { AuctionEngine } from '../../engine'
import { actorFrom, actorOptions } from '../actor'
import { flagReader, parse, type Parsed } from '../args'
import { textAnswer } from '../output'

type Answer = Promise<{ ok: true } | Failure>

const options = { ...actorOptions, csv: { type: 'boolean' } } as const

/** The sale's id, the actor and the flags. */
function read(
  args: string[],
  extra: Record<string, { type: 'string' }>,
): { saleId: string; actor: Actor; values: Parsed['values'] } {
  const { positionals, values } = parse(args, { ...options, ...extra }, 1)
  return { saleId: positionals[0] as string, actor: actorFrom(values), values }
}

const staffOnly = (actor: Actor, what: string): Failure | null =>
  actor.staff ? null : fail('UNAUTHORIZED', `${what} are for staff: give --staff`)

/** The answer, or its CSV when asked for. */
async function answer<T extends object>(
  values: Parsed['values'],
  found: Promise<Result<T>>,
  csv: (answer: T) => string,
): Answer {
  const result = await found
  if (!result.ok || values.csv !== true) return result
  return textAnswer(csv(result))
}

async function results(engine: AuctionEngine, args: string[]): Answer {
  const { saleId, actor, values } = read(args, {})
  return (
    staffOnly(actor, 'sale results') ??
    answer(values, engine.saleResults(saleId), (found) => resultsCsv(found))
  )
}

async function invoice(engine: AuctionEngine, args: string[]): Answer {
  const { saleId, actor, values } = read(args, { paddle: { type: 'string' } })
  const paddle = flagReader(values).required('paddle')
  return (
    staffOnly(actor, 'invoices') ??
    answer(values, engine.invoice(saleId, paddle), (found) => invoicesCsv([found.invoice]))
  )
}

async function statement(engine: AuctionEngine, args: string[]): Answer {
  const { saleId, actor, values } = read(args, { seller: { type: 'string' } })
  const sellerId = flagReader(values).required('seller')
  if (!actor.staff && actor.id !== sellerId) {
    return fail('NOT_SELLER', 'a seller sees only their own statement', { field: 'seller' })
  }
  return answer(values, engine.statement(saleId, sellerId), (found) =>
    statementsCsv([found.statement]),
  )
}

async function report(engine: AuctionEngine, args: string[]): Answer {
  const { saleId, actor, values } = read(args, {})
  return (
    staffOnly(actor, 'sale reports') ??
    answer(values, engine.saleReport(saleId), (found) => reportCsv(found.report))
  )
}

export const saleResultsCommands = { results, invoice, statement, report }
