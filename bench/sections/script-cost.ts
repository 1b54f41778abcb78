// Section 2: what one accepted bid costs Redis, this engine's bid script (as a Function, FCALL,
// as the engine runs it) against the previous engine's (bench/fixtures/legacy, EVALSHA). Each batch is a pipeline of accepted bids on one
// hot lot (old: one auction), so Redis runs them back to back; the cost is the CPU time of
// Redis's main thread (INFO cpu; the background fsync thread left out) ÷ bids. CPU time, unlike calls per second, hardly moves when other
// work shares the machine, so this is the steadiest form of the new ÷ old comparison. The
// batches alternate, new then old, for several rounds; the median of each side is taken.
import { randomUUID } from 'node:crypto'
import type { ChainableCommander, Redis } from 'ioredis'
import { lotKeys, saleKeys } from '../../src/main/engine'
import { functionLibrary } from '../../src/main/engine/functions'
import { scriptSources } from '../../src/main/engine/scripts'
import { saleIdOf } from '../../src/shared/domain'
import { minorToDecimal } from '../../src/shared/money'
import { legacyAuctionKeys, legacyScriptSource } from '../fixtures/legacy/engine'
import { counterBids, type BidSource } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { percentile, round } from '../lib/stats'
import { hotLotFixture, legacyFixture } from './throughput'

export interface ScriptCost {
  /** Accepted bids per pipelined batch. */
  bidsPerBatch: number
  rounds: number
  /** Redis CPU µs per accepted bid: median over the rounds, and each round. */
  newUs: number
  oldUs: number
  newRounds: number[]
  oldRounds: number[]
  /** newUs ÷ oldUs: above 1, a bid costs Redis more than it did. */
  ratio: number
}

const FAR_ABOVE = 10_000_000

type Pipeline = ChainableCommander & Record<string, (...args: string[]) => ChainableCommander>

async function redisCpuUs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu')
  const field = (name: string): number =>
    Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0)
  return (field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread')) * 1e6
}

/** One batch: `count` bids queued by `queue`, run as one pipeline; Redis µs per bid. */
async function batch(
  redis: Redis,
  count: number,
  queue: (pipeline: Pipeline) => void,
): Promise<number> {
  const pipeline = redis.pipeline() as Pipeline
  for (let i = 0; i < count; i++) queue(pipeline)
  const before = await redisCpuUs(redis)
  const replies = (await pipeline.exec()) ?? []
  const after = await redisCpuUs(redis)
  const refused = replies.find(([error, reply]) => error || (reply as string[])[0] !== 'ok')
  if (refused) throw new Error(`script cost: a bid was not accepted: ${JSON.stringify(refused)}`)
  return (after - before) / count
}

const bidArgs = (bids: BidSource): string[] => {
  const { amount, bidderId } = bids.next(0)
  return [randomUUID(), bidderId, `d:${minorToDecimal(amount, 2)}`, '', 'online', '']
}

export async function scriptCost(ctx: BenchContext): Promise<ScriptCost> {
  const { scriptCostBids: count, scriptCostRounds: rounds } = ctx.sizes
  const placeBid = scriptSources().get('placeBid')
  if (!placeBid) throw new Error('script cost: no placeBid script')
  // As the engine runs it: its Function library (FCALL).
  const library = functionLibrary('placeBid', placeBid)
  await ctx.redis.call('FUNCTION', 'LOAD', 'REPLACE', library.code)
  ctx.redis.defineCommand('benchLegacyPlaceBid', {
    lua: legacyScriptSource('placeBid'),
    numberOfKeys: 3,
  })
  const lotId = (await hotLotFixture(ctx)).ids[0] as string
  const auctionId = (await legacyFixture(ctx, 1)).ids[0] as string
  const lot = lotKeys(lotId)
  const sale = saleKeys(saleIdOf(lotId))
  const old = legacyAuctionKeys(auctionId)
  // Amounts far above the priming bids, so every bid leads.
  const newBids = counterBids(1, FAR_ABOVE)
  const oldBids = counterBids(1, FAR_ABOVE)
  const runNew = () =>
    batch(ctx.redis, count, (p) =>
      p.call('FCALL', library.name, 2, lot.lot, sale.sale, 'PUBLISH', lotId, ...bidArgs(newBids)),
    )
  const runOld = () =>
    batch(ctx.redis, count, (p) =>
      p.benchLegacyPlaceBid?.(
        ...[old.auction, old.bids, old.requests],
        ...['PUBLISH', auctionId, ...bidArgs(oldBids)],
      ),
    )
  await runNew() // warm: the scripts cached, the lists and hashes grown
  await runOld()
  const newRounds: number[] = []
  const oldRounds: number[] = []
  for (let r = 0; r < rounds; r++) {
    newRounds.push(round(await runNew(), 1))
    oldRounds.push(round(await runOld(), 1))
  }
  const median = (values: number[]): number =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    )
  const result: ScriptCost = {
    bidsPerBatch: count,
    rounds,
    newUs: median(newRounds),
    oldUs: median(oldRounds),
    newRounds,
    oldRounds,
    ratio: round(median(newRounds) / median(oldRounds)),
  }
  ctx.log(
    `script cost: Redis CPU per bid ${result.newUs} µs (new) vs ${result.oldUs} µs (old), ` +
      `× ${result.ratio}`,
  )
  return result
}
