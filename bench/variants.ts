// `npx tsx bench/variants.ts [rounds]`: what an accepted and a rejected (stale BID_TOO_LOW)
// bid cost Redis in variants of the bid script, and in the scripts before it, in one run on a
// private redis-server. Redis time per call is `usec_per_call` of evalsha or fcall in INFO
// commandstats over a pipelined batch of 20,000 calls; each figure is the lowest of `rounds`
// batches (default 5), which a busy machine disturbs least. A dev aid: BENCHMARKS.md quotes it.
// The variants are textual edits of the engine's own expanded lua/placeBid-2.lua, so they keep
// every rule; a variant whose edit no longer applies fails loudly.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChainableCommander } from 'ioredis'
import { lotKeys, saleKeys } from '../src/main/engine'
import { functionLibrary } from '../src/main/engine/functions'
import { expandIncludes, resolveLuaDir, scriptSources } from '../src/main/engine/scripts'
import { saleIdOf } from '../src/shared/domain'
import { startRedis } from '../test/support/redis-server'
import { legacyAuctionKeys, legacyScriptSource } from './fixtures/legacy/engine'
import { LowestPerCall } from './lib/batches'
import { FULL, openContext } from './lib/context'
import { hotLotFixture, legacyFixture } from './sections/throughput'

const BATCH = 20_000
/** The sale rewrite's bid script, before this engine's cheaper one. */
const PREVIOUS_COMMIT = '7da7da1'
/** The bid script before it read and wrote the sale hash once and kept EXISTS to clusters. */
const BEFORE_SALE_HASH_COMMIT = '9577d1d'
const HOT_FIELDS = [
  'lotStatus',
  'currentPrice',
  'leaderId',
  'leaderMax',
  'leaderSource',
  'bidCount',
  'seq',
  'endsAt',
  'digits',
  'sellerId',
  'startingPrice',
  'reservePrice',
  'increment',
  'incrementTable',
  'askOverride',
  'softCloseSeconds',
  'startsAt',
  'live',
  'warning',
]

const edit = (source: string, from: string | RegExp, to: string): string => {
  const applies = typeof from === 'string' ? source.includes(from) : from.test(source)
  if (!applies) throw new Error(`variant edit no longer applies: ${String(from).slice(0, 60)}`)
  return source.replace(from, to)
}

/** One HMGET of all 20 fields, before the rules, instead of 11 then 9. */
function oneRead(source: string): string {
  const gate =
    "'digits', 'sellerId', 'startingPrice', 'increment', 'incrementTable', 'askOverride',\n  'paddleChecks')"
  const rest =
    "'leaderMax', 'leaderSource', 'bidCount', 'seq',\n  'reservePrice', 'softCloseSeconds', 'startsAt', 'live', 'warning')"
  return edit(
    edit(
      source,
      gate,
      `${gate.slice(0, -1)}, ${rest}\nlocal rest = { raw[12], raw[13], raw[14], raw[15], raw[16], raw[17], raw[18], raw[19], raw[20] }`,
    ),
    `raw = redis.call('HMGET', lot_key, ${rest}`,
    'raw = rest',
  )
}

/** Request ids as `r:<id>` fields of the lot hash: read by its HMGET, written by its HSET. */
function requestsInLot(source: string): string {
  // The binding (bidder, amount, maximum, source) still prefixes the kept answer; only the
  // separate HGET goes: the lot's HMGET reads the field.
  let out = edit(
    source,
    "  local previous = redis.call('HGET', requests_key, request_id)\n  if previous then\n    if string.sub(previous, 1, #binding) == binding then\n      return { 'dup', string.sub(previous, #binding + 1) }\n    end\n    return reject('REQUEST_ID_REUSED', 'this request id was used for another bid')\n  end\n",
    '',
  )
  // The absentee book's answer goes where a retry now looks for it.
  out = edit(
    out,
    "redis.call('HSET', lot_key .. ':requests', request_id, binding .. answer)",
    "redis.call('HSET', lot_key, 'r:' .. request_id, binding .. answer)",
  )
  out = edit(
    out,
    "'increment', 'incrementTable', 'askOverride',\n  'paddleChecks')",
    "'increment', 'incrementTable', 'askOverride',\n  'paddleChecks', 'r:' .. request_id)\nlocal previous = request_id ~= '' and raw[12]\nif previous then\n  if string.sub(previous, 1, #binding) == binding then\n    return { 'dup', string.sub(previous, #binding + 1) }\n  end\n  return reject('REQUEST_ID_REUSED', 'this request id was used for another bid')\nend",
  )
  // Both branches write the answer; without a request id its pair repeats the seq's, so
  // each stays one HSET.
  out = edit(
    out,
    "'askOverride', '', 'warning', '')",
    "'askOverride', '', 'warning', '', rid_field, rid_value)",
  )
  out = edit(out, "'seq', last_seq_s)\nend", "'seq', last_seq_s, rid_field, rid_value)\nend")
  out = edit(
    out,
    "if request_id ~= '' then redis.call('HSET', requests_key, request_id, binding .. answer) end",
    '',
  )
  // The lot's HSET now carries the answer: build it first, at the top level, before the if.
  return edit(
    out,
    /(if live then\n {2}redis\.call\('HSET', lot_key, 'currentPrice'[\s\S]*?\n)(\n-- Compact on purpose[\s\S]*?asking_s\n)/,
    "$2local rid_field, rid_value = 'seq', last_seq_s\nif request_id ~= '' then rid_field, rid_value = 'r:' .. request_id, binding .. answer end\n$1",
  )
}

/** Not candidates (each drops a promise): what one part of an accepted bid costs. */
const withoutAclChecks = (source: string): string =>
  edit(source, 'local refusal = write_refusal(writes)', 'local refusal = nil')
const withoutAuditLog = (source: string): string =>
  edit(
    source,
    "  redis.call('XADD', sale_key .. ':log', '*', 'e', text)\n  return redis.sha1hex(text)",
    '  return head',
  )

/** The previous commit's bid script (5 keys, 9 arguments), expanded with today's includes. */
function previousScript(): string | null {
  try {
    const text = execFileSync('git', ['show', `${PREVIOUS_COMMIT}:lua/placeBid-5.lua`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const dir = mkdtempSync(join(tmpdir(), 'bid-variant-'))
    const file = join(dir, 'placeBid-5.lua')
    writeFileSync(file, text.replaceAll('"includes/', `"${resolveLuaDir()}/includes/`))
    try {
      return expandIncludes(file)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  } catch {
    return null // not a git checkout
  }
}

/** A commit's placeBid-2.lua, expanded with that commit's own includes. */
function scriptAt(commit: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'bid-variant-'))
  try {
    execFileSync('sh', ['-c', `git archive ${commit} lua | tar -x -C "${dir}"`], {
      stdio: ['ignore', 'ignore', 'ignore'],
    })
    return expandIncludes(join(dir, 'lua', 'placeBid-2.lua'))
  } catch {
    return null // not a git checkout, or the commit is not in it
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The widest variant's name, so the columns line up. */
const NAME_WIDTH = 44

type Pipeline = ChainableCommander & Record<string, (...args: string[]) => ChainableCommander>
type Queue = (pipeline: Pipeline, accepted: boolean, index: number) => void

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5)
  const server = await startRedis({ extraArgs: ['--appendonly', 'no'] })
  const ctx = await openContext(server.url, FULL, { exclusive: true })
  try {
    const redis = ctx.redis
    const current = scriptSources().get('placeBid')?.lua ?? ''
    const previous = previousScript()
    const beforeSaleHash = scriptAt(BEFORE_SALE_HASH_COMMIT)
    redis.defineCommand('vCurrent', { lua: current, numberOfKeys: 2 })
    redis.defineCommand('vOneRead', { lua: oneRead(current), numberOfKeys: 2 })
    redis.defineCommand('vNoAcl', { lua: withoutAclChecks(current), numberOfKeys: 2 })
    redis.defineCommand('vNoLog', { lua: withoutAuditLog(current), numberOfKeys: 2 })
    redis.defineCommand('vRequestsInLot', { lua: requestsInLot(current), numberOfKeys: 2 })
    if (previous) redis.defineCommand('vPrevious', { lua: previous, numberOfKeys: 5 })
    if (beforeSaleHash)
      redis.defineCommand('vBeforeSaleHash', { lua: beforeSaleHash, numberOfKeys: 2 })
    redis.defineCommand('vOld', { lua: legacyScriptSource('placeBid'), numberOfKeys: 3 })
    redis.defineCommand('vReturnOne', { lua: 'return 1', numberOfKeys: 0 })
    // The engine's own library of the script (what it runs), and `return 1` the same way.
    const source = scriptSources().get('placeBid')
    if (!source) throw new Error('no placeBid script')
    const library = functionLibrary('placeBid', source)
    const returnOne = functionLibrary('returnOne', { prelude: '', body: 'return 1' })
    await redis.call('FUNCTION', 'LOAD', 'REPLACE', library.code)
    await redis.call('FUNCTION', 'LOAD', 'REPLACE', returnOne.code)

    const lot = async (): Promise<string> => (await hotLotFixture(ctx)).ids[0] as string
    const lots = {
      current: await lot(),
      oneRead: await lot(),
      inLot: await lot(),
      fieldsLast: await lot(),
      fcall: await lot(),
      previous: await lot(),
      beforeSaleHash: await lot(),
      noAcl: await lot(),
      noLog: await lot(),
    }
    // Hot fields last: the same lot hash, rewritten with the bid's fields at its end (those it
    // has: a timed sale's lot has no live-sale fields, and gains none here).
    const lastKey = lotKeys(lots.fieldsLast).lot
    const hash = await redis.hgetall(lastKey)
    const cold = Object.keys(hash).filter((field) => !HOT_FIELDS.includes(field))
    const hot = HOT_FIELDS.filter((field) => field in hash)
    await redis.del(lastKey)
    await redis.hset(lastKey, ...[...cold, ...hot].flatMap((f) => [f, hash[f] ?? '']))
    const auction = (await legacyFixture(ctx, 1)).ids[0] as string

    const amounts = new Map<string, number>()
    const amount = (lotId: string, accepted: boolean): string => {
      if (!accepted) return 'd:1.00' // stale: far below the asking price
      const next = (amounts.get(lotId) ?? 10_000_000) + 1
      amounts.set(lotId, next)
      return `d:${(next / 100).toFixed(2)}`
    }
    const args = (lotId: string, accepted: boolean, i: number): string[] => [
      lotKeys(lotId).lot,
      saleKeys(saleIdOf(lotId)).sale,
      'PUBLISH',
      lotId,
      randomUUID(),
      `bidder-${i % 16}`,
      amount(lotId, accepted),
      '',
      'online',
      '', // the operator: none, as the engine sends for a bidder's own bid
    ]
    const old = legacyAuctionKeys(auction)
    const variants: [string, Queue][] = [
      [
        'this script, as the engine runs it (FCALL)',
        (p, a, i) => p.call('FCALL', library.name, 2, ...args(lots.fcall, a, i)),
      ],
      ['this script by EVALSHA', (p, a, i) => p.vCurrent?.(...args(lots.current, a, i))],
      ['one HMGET of 20 fields', (p, a, i) => p.vOneRead?.(...args(lots.oneRead, a, i))],
      ['request ids in the lot hash', (p, a, i) => p.vRequestsInLot?.(...args(lots.inLot, a, i))],
      ['bid fields last in the hash', (p, a, i) => p.vCurrent?.(...args(lots.fieldsLast, a, i))],
    ]
    variants.push(
      ['cost: no ACL checks', (p, a, i) => p.vNoAcl?.(...args(lots.noAcl, a, i))],
      ['cost: no audit-log entry', (p, a, i) => p.vNoLog?.(...args(lots.noLog, a, i))],
    )
    if (beforeSaleHash) {
      variants.push([
        `sale hash 3 calls, EXISTS (${BEFORE_SALE_HASH_COMMIT})`,
        (p, a, i) => p.vBeforeSaleHash?.(...args(lots.beforeSaleHash, a, i)),
      ])
    }
    if (previous) {
      variants.push([
        `before it (${PREVIOUS_COMMIT})`,
        (p, a, i) => {
          const lotId = lots.previous
          const lk = lotKeys(lotId)
          const sk = saleKeys(saleIdOf(lotId))
          // Its 9 arguments end with the source: no operator then.
          const bid = args(lotId, a, i).slice(4, 9)
          p.vPrevious?.(
            lk.lot,
            lk.bids,
            lk.requests,
            sk.sale,
            sk.closing,
            'PUBLISH',
            sk.channel,
            saleIdOf(lotId),
            lotId,
            ...bid,
          )
        },
      ])
    }
    variants.push([
      'old engine (fd7e20e)',
      (p, a, i) => {
        const [, , , , requestId, bidder, spec] = args(auction, a, i)
        p.vOld?.(
          old.auction,
          old.bids,
          old.requests,
          'PUBLISH',
          auction,
          requestId ?? '',
          bidder ?? '',
          spec ?? '',
          '',
          'online',
        )
      },
    ])

    const lowest = new LowestPerCall(redis, BATCH)
    /** Every reply must be what the batch is about: an accepted bid, or a BID_TOO_LOW. */
    const expected =
      (key: string) =>
      (reply: unknown): boolean => {
        if (key.startsWith('return 1')) return reply === 1
        const [kind, body] = reply as [string, string]
        return key.endsWith('|accepted') ? kind === 'ok' : body.includes('"BID_TOO_LOW"')
      }
    const measure = (key: string, queue: (p: Pipeline, i: number) => void): Promise<void> =>
      lowest.batch(key, queue, expected(key))
    for (let round = 0; round < rounds; round++) {
      await measure('return 1', (p) => p.vReturnOne?.())
      await measure('return 1 (FCALL)', (p) => p.call('FCALL', returnOne.name, 0))
      const order = round % 2 ? [...variants].reverse() : variants
      for (const [name, queue] of order) {
        await measure(`${name}|accepted`, (p, i) => queue(p, true, i))
        await measure(`${name}|rejected`, (p, i) => queue(p, false, i))
      }
    }
    const one = lowest.of('return 1')
    const oneFcall = lowest.of('return 1 (FCALL)')
    const oldAccepted = lowest.of('old engine (fd7e20e)|accepted')
    console.log(
      `Redis µs per call, lowest of ${rounds} batches of ${BATCH}; return 1: ${one} µs by EVALSHA, ${oneFcall} µs by FCALL`,
    )
    console.log(`${'variant'.padEnd(NAME_WIDTH)} accepted  ÷ old  rejected  ÷ return 1 (EVALSHA)`)
    for (const [name] of variants) {
      const accepted = lowest.of(`${name}|accepted`)
      const rejected = lowest.of(`${name}|rejected`)
      console.log(
        `${name.padEnd(NAME_WIDTH)} ${accepted.toFixed(2).padStart(8)} ${`${Math.round((100 * accepted) / oldAccepted)}%`.padStart(6)} ${rejected.toFixed(2).padStart(9)} ${`${(rejected / one).toFixed(1)}×`.padStart(11)}`,
      )
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
