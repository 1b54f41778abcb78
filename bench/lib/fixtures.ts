// Auctions for the benchmarks, created through the engine like the app creates them.
import type { AuctionEngine, CreateAuctionInput } from '../../src/main/engine'

export const BENCH_SELLER = 'bench-seller'

/** USD, starting at 1.00 with a 0.01 increment: every bid at the asking price is one cent up. */
export const STARTING_MINOR = 100

/** Creates `count` auctions, `concurrency` at a time; `shape(i)` overrides the defaults. */
export async function createAuctions(
  engine: AuctionEngine,
  count: number,
  shape: (index: number) => Partial<CreateAuctionInput> = () => ({}),
  concurrency = 32,
): Promise<string[]> {
  const ids: string[] = new Array<string>(count)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      const result = await engine.createAuction({
        title: `Bench lot ${index}`,
        sellerId: BENCH_SELLER,
        startingPrice: '1.00',
        increment: '0.01',
        durationMs: 3_600_000,
        start: true,
        ...shape(index),
      })
      if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result.error)}`)
      ids[index] = result.auction.id
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return ids
}
