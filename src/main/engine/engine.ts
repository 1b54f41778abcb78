// The auction engine: every state change is one Lua script (atomic, server clock, events
// published from inside); reads and global indices are plain commands. Every method
// answers a Result and never throws, so callers (CLI, IPC, WebSocket) pass answers through.
import type { Cluster, Redis } from 'ioredis'
import { z } from 'zod'
import type { Actor, Auction, AuctionStatus, BidAccepted, BidEntry } from '../../shared/domain'
import { AUCTION_STATUSES, BID_SOURCES } from '../../shared/domain'
import { fail, type Failure, type Result } from '../../shared/errors'
import { BidderIndex } from './bidder-index'
import { decodeAuction, decodeBidAnswer, decodeBidEntry } from './codec'
import { isUnavailable, scrubSecrets } from './connection'
import { newAuctionId } from './ids'
import { auctionKeys, indexKeys } from './keys'
import { registerScripts, type ScriptCaller, type ScriptReply } from './scripts'
import {
  amountSchema,
  idSchema,
  invalidInput,
  validateCreate,
  type AmountInput,
  type CreateAuctionInput,
} from './validation'

export interface EngineOptions {
  /** SPUBLISH for Redis Cluster (sharded pub/sub), PUBLISH for a single server. */
  publishCommand?: 'PUBLISH' | 'SPUBLISH'
}

export interface PlaceBidInput {
  auctionId: string
  bidderId: string
  /** Decimal text as typed ("12.50") or integer minor units (1250). */
  amount: AmountInput
  max?: AmountInput | null
  requestId?: string | null
  source?: string
}

export interface ListQuery {
  status?: AuctionStatus
  sellerId?: string
  limit?: number
  viewer?: Actor
}

export interface DueBatch {
  /** Server time of the read. */
  now: number
  /** The earliest due time left in the index, if any. */
  nextDue: number | null
  acted: number
}

const bidInputSchema = z.object({
  auctionId: idSchema,
  bidderId: idSchema,
  amount: amountSchema,
  max: amountSchema.nullish(),
  requestId: z.string().min(1).max(128).nullish(),
  source: z.enum(BID_SOURCES).default('online'),
})

const amountSpec = (value: AmountInput): string =>
  typeof value === 'number' ? `m:${Number.isInteger(value) ? String(value) : 'x'}` : `d:${value}`

export class AuctionEngine {
  private readonly run: ScriptCaller
  private readonly publish: string
  private readonly bidderIndex: BidderIndex

  constructor(
    readonly redis: Redis | Cluster,
    options: EngineOptions = {},
  ) {
    this.run = registerScripts(redis)
    this.publish = options.publishCommand ?? 'PUBLISH'
    this.bidderIndex = new BidderIndex(redis)
  }

  async createAuction(input: CreateAuctionInput): Promise<Result<{ auction: Auction }>> {
    return this.guard(async () => {
      const valid = validateCreate(input)
      if ('ok' in valid) return valid
      const id = newAuctionId()
      const args = [
        this.publish,
        id,
        valid.initial,
        ...Object.entries({ id, ...valid.fields }).flat(),
      ]
      const reply = await this.run('createAuction', [auctionKeys(id).auction], args)
      if (reply[0] === 'err') return JSON.parse(String(reply[1])) as Failure
      const [, status, endsAt, createdAt] = reply as [string, AuctionStatus, string, number]
      const sellerId = valid.fields.sellerId as string
      await Promise.all([
        this.redis.zadd(indexKeys.all, createdAt, id),
        this.redis.zadd(indexKeys.bySeller(sellerId), createdAt, id),
        this.redis.zadd(indexKeys.byStatus(status), createdAt, id),
        status === 'scheduled'
          ? this.redis.zadd(indexKeys.starting, Number(valid.fields.startsAt), id)
          : null,
        status === 'active' && endsAt
          ? this.redis.zadd(indexKeys.ending, Number(endsAt), id)
          : null,
      ])
      return this.getAuction(id)
    })
  }

  startAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.transition(auctionId, () => this.startScript(auctionId, 'manual', actor), actor)
  }

  endAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.transition(auctionId, () => this.closeScript(auctionId, 'manual', actor), actor)
  }

  cancelAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.transition(
      auctionId,
      async () => {
        const reply = await this.run(
          'cancelAuction',
          [auctionKeys(auctionId).auction],
          [this.publish, auctionId, actor.id, actor.staff ? '1' : '0'],
        )
        if (reply[0] === 'cancelled') await this.moveInIndices(auctionId, 'cancelled')
        return reply
      },
      actor,
    )
  }

  async getAuction(auctionId: string, viewer?: Actor): Promise<Result<{ auction: Auction }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(auctionId).success) {
        return fail('INVALID_INPUT', 'auctionId: not a valid auction id', { field: 'auctionId' })
      }
      const hash = await this.redis.hgetall(auctionKeys(auctionId).auction)
      if (!hash.id) return fail('AUCTION_NOT_FOUND', `no auction ${auctionId}`)
      return { ok: true as const, auction: decodeAuction(hash, viewer) }
    })
  }

  async listAuctions(query: ListQuery = {}): Promise<Result<{ auctions: Auction[] }>> {
    return this.guard(async () => {
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000)
      if (query.status && !AUCTION_STATUSES.includes(query.status)) {
        return fail('INVALID_INPUT', `status: one of ${AUCTION_STATUSES.join(', ')}`, {
          field: 'status',
        })
      }
      if (query.sellerId !== undefined && !idSchema.safeParse(query.sellerId).success) {
        return fail('INVALID_INPUT', 'sellerId: not a valid id', { field: 'sellerId' })
      }
      const index = query.sellerId
        ? indexKeys.bySeller(query.sellerId)
        : query.status
          ? indexKeys.byStatus(query.status)
          : indexKeys.all
      // Indices may hold stale entries: read a little more and keep what really matches.
      const auctions: Auction[] = []
      for (let offset = 0; auctions.length < limit;) {
        const ids = await this.redis.zrevrange(index, offset, offset + limit * 2 - 1)
        if (ids.length === 0) break
        offset += ids.length
        const hashes = await Promise.all(
          ids.map((id) => this.redis.hgetall(auctionKeys(id).auction)),
        )
        for (const hash of hashes) {
          if (!hash.id) continue
          if (query.status && hash.status !== query.status) continue
          auctions.push(decodeAuction(hash, query.viewer))
          if (auctions.length === limit) break
        }
      }
      return { ok: true as const, auctions }
    })
  }

  async placeBid(raw: PlaceBidInput): Promise<BidAccepted | Failure> {
    return this.guard(async () => {
      const parsed = bidInputSchema.safeParse(raw)
      if (!parsed.success) return invalidInput(parsed.error)
      const input = parsed.data
      const keys = auctionKeys(input.auctionId)
      const reply = await this.run(
        'placeBid',
        [keys.auction, keys.bids, keys.requests],
        [
          this.publish,
          input.auctionId,
          input.requestId ?? '',
          input.bidderId,
          amountSpec(input.amount),
          input.max === undefined || input.max === null ? '' : amountSpec(input.max),
          input.source,
        ],
      )
      const [kind, payload] = reply as [string, string]
      if (kind === 'err') return JSON.parse(payload) as Failure
      const accepted = decodeBidAnswer(input.auctionId, payload, kind === 'dup')
      if (!accepted.duplicate) {
        // Indices are written outside the script and never awaited on the bid path.
        // Scored by end time, so "my auctions" reads ending soonest first.
        this.bidderIndex.record(input.bidderId, input.auctionId, accepted.endsAt ?? 0)
        if (accepted.extended && accepted.endsAt !== null) {
          this.redis
            .zadd(indexKeys.ending, 'XX', accepted.endsAt, input.auctionId)
            .catch(() => undefined)
        }
      }
      return accepted
    })
  }

  /** Bid history, newest first; `before` pages to older bids by bid id. */
  async history(
    auctionId: string,
    page: { limit?: number; before?: number } = {},
  ): Promise<Result<{ bids: BidEntry[]; total: number }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(auctionId).success) {
        return fail('INVALID_INPUT', 'auctionId: not a valid auction id', { field: 'auctionId' })
      }
      const limit = page.limit ?? 50
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        return fail('INVALID_INPUT', 'limit: a whole number from 1 to 1000', { field: 'limit' })
      }
      if (page.before !== undefined && (!Number.isInteger(page.before) || page.before < 1)) {
        return fail('INVALID_INPUT', 'before: a bid id', { field: 'before' })
      }
      const keys = auctionKeys(auctionId)
      const [exists, total] = await Promise.all([
        this.redis.exists(keys.auction),
        this.redis.llen(keys.bids),
      ])
      if (!exists) return fail('AUCTION_NOT_FOUND', `no auction ${auctionId}`)
      const end = Math.min(page.before === undefined ? total : page.before - 1, total) - 1
      const start = Math.max(0, end - limit + 1)
      const lines = end < 0 ? [] : await this.redis.lrange(keys.bids, start, end)
      const bids = lines.map((line, i) => decodeBidEntry(line, start + i + 1)).reverse()
      return { ok: true as const, bids, total }
    })
  }

  /** Milliseconds since the epoch on the Redis server's clock. */
  async serverTime(): Promise<number> {
    const [seconds, micros] = await this.redis.time()
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
  }

  /** Starts scheduled auctions whose start time has come (the scheduler's half). */
  startDue(batch = 200): Promise<DueBatch> {
    return this.processDue(indexKeys.starting, batch, async (id) => {
      const reply = await this.startScript(id, 'due')
      return reply
    })
  }

  /** Closes active auctions whose end time has passed (the scheduler's other half). */
  closeDue(batch = 200): Promise<DueBatch> {
    return this.processDue(indexKeys.ending, batch, (id) => this.closeScript(id, 'due'))
  }

  private async processDue(
    index: string,
    batch: number,
    act: (id: string) => Promise<ScriptReply>,
  ): Promise<DueBatch> {
    const [now, nextDue, ids] = (await this.run('dueEntries', [index], [this.publish, batch])) as [
      number,
      string,
      string[],
    ]
    let acted = 0
    await Promise.all(
      ids.map(async (id) => {
        const reply = await act(id)
        if (reply[0] === 'notdue') await this.redis.zadd(index, 'XX', Number(reply[1]), id)
        // A refusal (a scheduled auction whose end passed before it could start) is final:
        // left in the index it would be due again at once, and the scheduler would spin.
        else if (reply[0] === 'stale' || reply[0] === 'already' || reply[0] === 'err')
          await this.redis.zrem(index, id)
        else acted++
      }),
    )
    return { now, nextDue: nextDue === '' ? null : Number(nextDue), acted }
  }

  private async startScript(
    auctionId: string,
    mode: 'manual' | 'due',
    actor?: Actor,
  ): Promise<ScriptReply> {
    const reply = await this.run(
      'startAuction',
      [auctionKeys(auctionId).auction],
      [this.publish, auctionId, mode, actor?.id ?? '', actor?.staff ? '1' : '0'],
    )
    if (reply[0] === 'started') {
      await this.redis.zrem(indexKeys.starting, auctionId)
      await this.moveInIndices(auctionId, 'active')
      if (reply[1] !== '') await this.redis.zadd(indexKeys.ending, Number(reply[1]), auctionId)
    }
    return reply
  }

  private async closeScript(
    auctionId: string,
    mode: 'manual' | 'due',
    actor?: Actor,
  ): Promise<ScriptReply> {
    const reply = await this.run(
      'closeAuction',
      [auctionKeys(auctionId).auction],
      [this.publish, auctionId, mode, actor?.id ?? '', actor?.staff ? '1' : '0'],
    )
    if (reply[0] === 'closed') {
      await this.redis.zrem(indexKeys.ending, auctionId)
      await this.moveInIndices(auctionId, 'ended')
    }
    return reply
  }

  /** Keeps the by-status index in step after a transition (stale entries are tolerated). */
  private async moveInIndices(auctionId: string, status: AuctionStatus): Promise<void> {
    const createdAt = Number(await this.redis.hget(auctionKeys(auctionId).auction, 'createdAt'))
    await Promise.all([
      ...AUCTION_STATUSES.filter((s) => s !== status).map((s) =>
        this.redis.zrem(indexKeys.byStatus(s), auctionId),
      ),
      this.redis.zadd(indexKeys.byStatus(status), createdAt, auctionId),
      status === 'cancelled' ? this.redis.zrem(indexKeys.ending, auctionId) : null,
      status === 'cancelled' ? this.redis.zrem(indexKeys.starting, auctionId) : null,
    ])
  }

  private async transition(
    auctionId: string,
    script: () => Promise<ScriptReply>,
    actor: Actor,
  ): Promise<Result<{ auction: Auction }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(auctionId).success) {
        return fail('INVALID_INPUT', 'auctionId: not a valid auction id', { field: 'auctionId' })
      }
      if (!idSchema.safeParse(actor.id).success) {
        return fail('INVALID_INPUT', 'actor: not a valid id', { field: 'actor' })
      }
      const reply = await script()
      if (reply[0] === 'err') return JSON.parse(String(reply[1])) as Failure
      return this.getAuction(auctionId, actor)
    })
  }

  /** Turns a thrown error into a Failure: Redis down → REDIS_UNAVAILABLE. */
  private async guard<T extends object>(work: () => Promise<T | Failure>): Promise<T | Failure> {
    try {
      return await work()
    } catch (error) {
      if (isUnavailable(error))
        return fail('REDIS_UNAVAILABLE', 'Redis is not reachable; retry with the same requestId')
      const message = error instanceof Error ? error.message : String(error)
      return fail('INTERNAL', scrubSecrets(message))
    }
  }
}
