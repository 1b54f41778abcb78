// `npx tsx bench/cuts.ts [rounds]`: where an accepted bid's Redis time goes. The engine's bid
// function (its library, FCALL, as the engine runs it) is loaded again with an early return
// before each of a series of points in lua/placeBid-2.lua, and each cut takes pipelined
// batches of 20,000 bids that every rule accepts, on a fresh hot lot, on a private
// redis-server. The figure is Redis µs per FCALL (INFO commandstats), the lowest of
// `rounds` batches (default 4); each row's step is what the code between its point and the
// one before costs. A dev aid: BENCHMARKS.md quotes it. A point whose text is gone from the
// script fails loudly.
import { randomUUID } from 'node:crypto'
import { lotKeys, saleKeys } from '../src/main/engine'
import { functionLibrary } from '../src/main/engine/functions'
import { scriptSources } from '../src/main/engine/scripts'
import { saleIdOf } from '../src/shared/domain'
import { startRedis } from '../test/support/redis-server'
import { LowestPerCall } from './lib/batches'
import { FULL, openContext } from './lib/context'
import { hotLotFixture } from './sections/throughput'

const BATCH = 20_000

/** [what the step before the point does, the text the script returns before]. */
const POINTS: readonly (readonly [string, string])[] = [
  ['start, with 2 keys and 8 arguments', 'local MAX_MINOR'],
  ['HGET the request id', '-- The fields the rejecting rules need'],
  ['HMGET 11 fields, decode them', 'local function parse_amount'],
  ['parse the amount, the asking price', "if a.lotStatus ~= 'active' then"],
  ['the status rule', 'local now = now_ms()'],
  ['TIME, the other rejecting rules', '-- Every rule but one passed'],
  ['HMGET 9 more fields', '-- Credit limits'],
  ['the proxy-bid rules', '-- Numbers become text once each'],
  ['the numbers as text', '-- Every rule passed: before the first write'],
  ['8 ACL checks (acl_check_cmd)', 'local written = '],
  ['the cluster guard (skipped here)', "-- The sale's seqs of this call's events"],
  ['HMGET the sale seq and log head', 'local entries_json, ids_json'],
  ['the history line, RPUSH, the bids JSON', 'if live then\n  local kept'],
  ['the undo entry (live lots only)', 'local met = reserve_met(a)'],
  ['the event, PUBLISH', "if live then\n  redis.call('HSET'"],
  ['HSET 7 lot fields', 'local log_head = append_log_after'],
  ['the audit-log entry: text, XADD, SHA-1', "redis.call('HSET', sale_key, 'seq'"],
  ['HSET the sale seq and log head', '-- Compact on purpose'],
  ['the answer', "if request_id ~= '' then redis.call('HSET'"],
]

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 4)
  const server = await startRedis({ extraArgs: ['--appendonly', 'no'] })
  const ctx = await openContext(server.url, FULL, { exclusive: true })
  try {
    const redis = ctx.redis
    const source = scriptSources().get('placeBid')
    if (!source) throw new Error('no placeBid script')
    const cuts: [string, string][] = []
    for (const [label, text] of POINTS) {
      const at = source.body.indexOf(text)
      if (at < 0) throw new Error(`cut point no longer in the script: ${text}`)
      const body = `${source.body.slice(0, at)}\ndo return { 'ok', '' } end\n${source.body.slice(at)}`
      const library = functionLibrary('placeBidCut', { prelude: source.prelude, body })
      await redis.call('FUNCTION', 'LOAD', 'REPLACE', library.code)
      cuts.push([label, library.name])
    }
    const whole = functionLibrary('placeBid', source)
    await redis.call('FUNCTION', 'LOAD', 'REPLACE', whole.code)
    cuts.push(['HSET the request id (the whole script)', whole.name])
    const returnOne = functionLibrary('returnOne', { prelude: '', body: 'return 1' })
    await redis.call('FUNCTION', 'LOAD', 'REPLACE', returnOne.code)

    const lowest = new LowestPerCall(redis, BATCH)
    let amount = 10_000_000
    const measure = async (label: string, fn: string): Promise<void> => {
      if (fn === returnOne.name) {
        await lowest.batch(
          label,
          (p) => p.call('FCALL', fn, 0),
          (reply) => reply === 1,
        )
        return
      }
      const lotId = (await hotLotFixture(ctx)).ids[0] as string
      const keys = [lotKeys(lotId).lot, saleKeys(saleIdOf(lotId)).sale]
      await lowest.batch(
        label,
        (p, i) => {
          amount++
          const bid = [randomUUID(), `bidder-${i % 16}`, `d:${(amount / 100).toFixed(2)}`, '']
          p.call('FCALL', fn, 2, ...keys, 'PUBLISH', lotId, ...bid, 'online', '')
        },
        (reply) => (reply as string[])[0] === 'ok',
      )
    }
    for (let round = 0; round < rounds; round++) {
      const order: [string, string][] = [['return 1', returnOne.name], ...cuts]
      for (const [label, fn] of round % 2 ? order.reverse() : order) await measure(label, fn)
    }
    console.log(`Redis µs per FCALL, lowest of ${rounds} batches of ${BATCH} accepted bids`)
    console.log(`${'returns after'.padEnd(42)} ${'µs'.padStart(6)} ${'step'.padStart(6)}`)
    let before = 0
    for (const [label] of [['return 1'], ...cuts]) {
      const us = lowest.of(label as string)
      console.log(
        `${(label as string).padEnd(42)} ${us.toFixed(2).padStart(6)} ${(us - before).toFixed(2).padStart(6)}`,
      )
      before = us
    }
  } finally {
    await ctx.close()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
