// Reading and verifying a sale's audit log. The scripts append to it (lua/includes/
// appendLog.lua): a stream of JSON texts, each ending with the SHA-1 of the previous text,
// and the last one's hash kept in the sale hash as `logHead`.
import { createHash } from 'node:crypto'
import type { Cluster, Redis } from 'ioredis'
import type { LogEntry } from '../../shared/domain'
import { fail, type Failure } from '../../shared/errors'
import { saleKeys } from './keys'

type Client = Redis | Cluster
const PAGE = 1000

export const logKey = (saleId: string): string => `${saleKeys(saleId).sale}:log`

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex')

type StreamEntry = [id: string, fields: string[]]

const textOf = (fields: string[]): string => (fields[0] === 'e' ? (fields[1] ?? '') : '')

// The details that are lists. Lua's cjson writes an empty list as {}; the text stays as
// written (the chain hashes it), only the decoded entry is mended.
const LIST_DETAILS = ['bidIds', 'rates', 'bids']

function detailOf(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const detail = { ...(value as Record<string, unknown>) }
  for (const key of LIST_DETAILS) {
    const item = detail[key]
    if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 0)
      detail[key] = []
  }
  return detail
}

function decodeEntry(id: string, text: string): LogEntry | null {
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(text) as Record<string, unknown>
  } catch {
    return null
  }
  const num = (value: unknown): number | null => (typeof value === 'number' ? value : null)
  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)
  return {
    id,
    at: num(raw.at) ?? 0,
    operator: str(raw.operator) ?? '',
    action: str(raw.action) ?? '',
    lotId: str(raw.lotId),
    priceBefore: num(raw.priceBefore),
    priceAfter: num(raw.priceAfter),
    leaderBefore: str(raw.leaderBefore),
    leaderAfter: str(raw.leaderAfter),
    reason: str(raw.reason),
    detail: detailOf(raw.detail),
    prev: str(raw.prev) ?? '',
    hash: sha1(text),
  }
}

/** Every entry in order, page by page. */
async function* entries(redis: Client, saleId: string): AsyncGenerator<StreamEntry> {
  let start = '-'
  for (;;) {
    const page = (await redis.xrange(logKey(saleId), start, '+', 'COUNT', PAGE)) as StreamEntry[]
    for (const entry of page) yield entry
    if (page.length < PAGE) return
    start = `(${(page[page.length - 1] as StreamEntry)[0]}`
  }
}

/** The log oldest first; with `limit`, its newest `limit` entries (still oldest first). */
export async function readLog(redis: Client, saleId: string, limit?: number): Promise<LogEntry[]> {
  const raw: StreamEntry[] =
    limit === undefined
      ? await collect(entries(redis, saleId))
      : (
          (await redis.xrevrange(logKey(saleId), '+', '-', 'COUNT', limit)) as StreamEntry[]
        ).reverse()
  return raw.map(
    ([id, fields]) =>
      decodeEntry(id, textOf(fields)) ?? {
        id,
        at: 0,
        operator: '',
        action: 'unreadable',
        lotId: null,
        priceBefore: null,
        priceAfter: null,
        leaderBefore: null,
        leaderAfter: null,
        reason: null,
        detail: null,
        prev: '',
        hash: sha1(textOf(fields)),
      },
  )
}

async function collect<T>(source: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

/**
 * Walks the chain: each entry must name the hash of the one before it, and the last one's
 * hash must be the sale's head. The first entry that breaks it is LOG_TAMPERED.
 */
export async function verifyLog(
  redis: Client,
  saleId: string,
): Promise<{ entries: number } | Failure> {
  const head = await redis.hget(saleKeys(saleId).sale, 'logHead')
  let previous = ''
  let count = 0
  let lastId = ''
  for await (const [id, fields] of entries(redis, saleId)) {
    const text = textOf(fields)
    const entry = decodeEntry(id, text)
    if (!entry || entry.prev !== previous) return tampered(id, count + 1)
    previous = entry.hash
    lastId = id
    count++
  }
  if ((head ?? '') !== previous) return tampered(lastId || '-', count)
  return { entries: count }
}

const tampered = (entryId: string, position: number): Failure =>
  fail(
    'LOG_TAMPERED',
    `the log's chain breaks at entry ${position} (${entryId}): it was edited or removed`,
    { entryId },
  )
