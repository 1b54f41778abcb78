// A sale's results, invoices, statements and report (`sales:results` …): read the sale's
// book, compute with src/shared/settlement.ts. Access is the caller's (staff; a seller their
// own statement): these answer whoever asks.
import type { Cluster, Redis } from 'ioredis'
import { fail, type Failure, type Result } from '../../../shared/errors'
import type { Invoice, SaleReport, SaleResults, Statement } from '../../../shared/results'
import { entityIdSchema } from '../../../shared/sale-schemas'
import { invoiceFor, invoicesOf, saleResults, statementFor, statementsOf } from './figures'
import { readSaleBook, type SaleBook } from './read'
import { saleReport } from './report'

type Client = Redis | Cluster

const badId = (field: string): Failure =>
  fail('INVALID_INPUT', `${field}: not a valid id`, { field })

/** Reads the book and answers `compute` of it; SALE_NOT_FOUND, or INVALID_INPUT on an id. */
async function withBook<T extends object>(
  redis: Client,
  saleId: string,
  ids: Record<string, string>,
  compute: (book: SaleBook) => T,
): Promise<Result<T>> {
  for (const [field, id] of Object.entries({ saleId, ...ids })) {
    if (!entityIdSchema.safeParse(id).success || id !== id.trim()) return badId(field)
  }
  const book = await readSaleBook(redis, saleId)
  if (!book) return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
  return { ok: true as const, ...compute(book) }
}

export const results = {
  sale: (redis: Client, saleId: string): Promise<Result<SaleResults>> =>
    withBook(redis, saleId, {}, saleResults),
  invoice: (redis: Client, saleId: string, paddle: string): Promise<Result<{ invoice: Invoice }>> =>
    withBook(redis, saleId, { paddle }, (book) => ({ invoice: invoiceFor(book, paddle) })),
  invoices: (redis: Client, saleId: string): Promise<Result<{ invoices: Invoice[] }>> =>
    withBook(redis, saleId, {}, (book) => ({ invoices: invoicesOf(book) })),
  statement: (
    redis: Client,
    saleId: string,
    sellerId: string,
  ): Promise<Result<{ statement: Statement }>> =>
    withBook(redis, saleId, { sellerId }, (book) => ({ statement: statementFor(book, sellerId) })),
  statements: (redis: Client, saleId: string): Promise<Result<{ statements: Statement[] }>> =>
    withBook(redis, saleId, {}, (book) => ({ statements: statementsOf(book) })),
  report: (redis: Client, saleId: string): Promise<Result<{ report: SaleReport }>> =>
    withBook(redis, saleId, {}, (book) => ({ report: saleReport(book) })),
}
