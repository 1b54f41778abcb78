// Sales, lots and auctions for the benchmarks, created through the engine as the app creates
// them (createSale, importLots, startSale; createAuction for a standalone auction).
import type { AuctionEngine, CreateAuctionInput } from '../../src/main/engine'
import type { Actor } from '../../src/shared/domain'
import type { SaleCreateInput } from '../../src/shared/sale-schemas'

export const BENCH_SELLER = 'bench-seller'
export const BENCH_ACTOR: Actor = { id: BENCH_SELLER, staff: false }

/** USD, starting at 1.00 with a 0.01 increment: every bid at the asking price is one cent up. */
export const STARTING_MINOR = 100

/** Runs `work(0 … count-1)`, `concurrency` at a time, answers in index order. */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      results[index] = await work(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return results
}

const must = <T extends { ok: boolean }>(what: string, result: T): T & { ok: true } => {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`)
  return result as T & { ok: true }
}

/** Creates `count` standalone auctions (timed sales of one lot), `concurrency` at a time. */
export function createAuctions(
  engine: AuctionEngine,
  count: number,
  shape: (index: number) => Partial<CreateAuctionInput> = () => ({}),
  concurrency = 32,
): Promise<string[]> {
  return inParallel(count, concurrency, async (index) => {
    const result = await engine.createAuction({
      title: `Bench auction ${index}`,
      sellerId: BENCH_SELLER,
      startingPrice: '1.00',
      increment: '0.01',
      durationMs: 3_600_000,
      start: true,
      ...shape(index),
    })
    return must('createAuction', result).auction.id
  })
}

export interface BenchSale {
  saleId: string
  /** In catalogue order, which is the closing order of a timed sale. */
  lotIds: string[]
}

/**
 * A draft timed sale of `lots` lots (one CSV-like import), each at 1.00 with the sale's
 * 0.01 increment. By default its first lot closes two hours after it opens, one a minute
 * after that: nothing closes during a measurement.
 */
export async function createDraftSale(
  engine: AuctionEngine,
  lots: number,
  shape: Partial<SaleCreateInput> = {},
  label = 'Bench sale',
): Promise<BenchSale> {
  const sale = must(
    'createSale',
    await engine.createSale(
      { title: label, mode: 'timed', increment: '0.01', durationMs: 7_200_000, ...shape },
      BENCH_ACTOR,
    ),
  ).sale
  const rows = Array.from({ length: lots }, (_, i) => ({
    line: i + 2, // a CSV file's first row of data, under its header
    input: { number: String(i + 1), title: `${label}, lot ${i + 1}`, startingPrice: '1.00' },
  }))
  const imported = must('importLots', await engine.importLots(sale.id, rows, BENCH_ACTOR))
  return { saleId: sale.id, lotIds: imported.lots.map((lot) => lot.id) }
}

export async function startSale(engine: AuctionEngine, saleId: string): Promise<void> {
  must('startSale', await engine.startSale(saleId, BENCH_ACTOR))
}

/** `lots` lots in open timed sales of at most `perSale` lots each; answers every sale. */
export function createOpenSales(
  engine: AuctionEngine,
  lots: number,
  perSale: number,
  concurrency = 8,
): Promise<BenchSale[]> {
  const sales = Math.ceil(lots / perSale)
  return inParallel(sales, concurrency, async (index) => {
    const size = Math.min(perSale, lots - index * perSale)
    const sale = await createDraftSale(engine, size, {}, `Bench sale ${index + 1}`)
    await startSale(engine, sale.saleId)
    return sale
  })
}

/** The lots of several sales as one list, sale by sale in catalogue order. */
export const allLots = (sales: readonly BenchSale[]): string[] => sales.flatMap((s) => s.lotIds)
