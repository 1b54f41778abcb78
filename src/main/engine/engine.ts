// The auction engine: sales of lots, each state change one Lua script on the sale's slot
// (atomic, server clock, events published from inside); reads and the global registries
// are plain commands. A standalone auction is a timed sale of one lot whose id is both.
// Every method answers a Result and never throws, so callers (CLI, IPC, WebSocket) pass
// answers through.
import type { Cluster, Redis } from 'ioredis'
import type {
  Actor,
  Auction,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  BookEntry,
  DisplayRate,
  LogEntry,
  LotActivity,
  SaleActivity,
  Lot,
  LotStatus,
  Sale,
  SaleStatus,
} from '../../shared/domain'
import { AT_ASKING, AUCTION_STATUSES, LOT_STATUSES, saleIdOf } from '../../shared/domain'
import { lotActivity, saleActivity } from './activity'
import { fail, type Failure, type Result } from '../../shared/errors'
import type { Invoice, SaleReport, SaleResults, Statement } from '../../shared/results'
import {
  entityIdSchema,
  saleListSchema,
  type LotAddInput,
  type LotUpdateInput,
  type SaleCreateInput,
  type SaleListQuery,
  type SaleUpdateInput,
} from '../../shared/sale-schemas'
import type { RegisterAddInput, RegisterEntry, RegisterUpdateInput } from '../../shared/register'
import type { RegisterRow } from '../../shared/register-csv'
import { readLog, verifyLog } from './audit-log'
import { Bids, type PlaceBidInput } from './bids'
import { decodeBidEntry } from './codec'
import { isNoPermission, isUnavailable, publishCommandOf, scrubSecrets } from './connection'
import type { EngineCore } from './core'
import { tickDue, type DueBatch } from './due'
import { NotReplicatedError, withDurability, type DurabilityOptions } from './durability'
import { indexKeys, lotKeys, registryKeys, saleKeys } from './keys'
import * as live from './live'
import * as lots from './lots'
import * as register from './register'
import { readFromRegistry, readLot, readLots, readSale } from './reads'
import { Registry, type RegistryOptions } from './registry'
import { results } from './results'
import * as sales from './sales'
import { SchemaGuard } from './schema'
import { registerScripts, type ScriptRunnerOptions } from './scripts'
import { serverTimeMs } from './server-time'
import { idSchema, invalidInput, type CreateAuctionInput } from './validation'

export type { PlaceBidInput } from './bids'
export type { DueBatch } from './due'

export interface EngineOptions extends RegistryOptions, DurabilityOptions, ScriptRunnerOptions {
  /** SPUBLISH for Redis Cluster (sharded pub/sub), PUBLISH for a single server. */
  publishCommand?: 'PUBLISH' | 'SPUBLISH'
}

export interface ListQuery {
  status?: AuctionStatus
  sellerId?: string
  limit?: number
  viewer?: Actor
}

const AUCTION_STATUS_OF_SALE: Record<SaleStatus, AuctionStatus> = {
  draft: 'draft',
  scheduled: 'scheduled',
  open: 'active',
  closed: 'ended',
  cancelled: 'cancelled',
}

/** The paddle of a floor bid the clerk has not named yet: the hammer asks for it. */
export const FLOOR_PADDLE = 'floor'

const badId = (field: string): Failure =>
  fail('INVALID_INPUT', `${field}: not a valid id`, { field })

export class AuctionEngine {
  private readonly core: EngineCore
  private readonly bids: Bids
  private readonly schema: SchemaGuard

  constructor(
    readonly redis: Redis | Cluster,
    options: EngineOptions = {},
  ) {
    this.core = {
      redis,
      run: withDurability(registerScripts(redis, options), redis, options),
      publish: options.publishCommand ?? publishCommandOf(redis),
      registry: new Registry(redis, options),
    }
    this.bids = new Bids(this.core)
    this.schema = new SchemaGuard(redis)
  }

  // ---- Sales ----------------------------------------------------------------------------

  /** `actor` becomes the seller; `createdBy` (staff creating it for a consignor) is logged. */
  createSale(
    input: SaleCreateInput,
    actor: Actor,
    createdBy: string = actor.id,
  ): Promise<Result<{ sale: Sale; duplicate: boolean }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(actor.id).success) return badId('actor')
      const created = await sales.createSale(this.core, input, actor, createdBy)
      if ('ok' in created) return created
      const sale = await readSale(this.redis, created.saleId)
      if (!sale) return fail('SALE_NOT_FOUND', `no sale ${created.saleId}`)
      return { ok: true as const, sale, duplicate: created.duplicate }
    })
  }

  getSale(saleId: string, viewer?: Actor): Promise<Result<{ sale: Sale }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const sale = await readSale(this.redis, saleId, viewer)
      return sale ? { ok: true as const, sale } : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  listSales(query: SaleListQuery & { viewer?: Actor } = {}): Promise<Result<{ sales: Sale[] }>> {
    return this.guard(async () => {
      const { viewer, ...rest } = query
      const parsed = saleListSchema.safeParse(rest)
      if (!parsed.success) return invalidInput(parsed.error)
      const { status, mode, sellerId, limit } = parsed.data
      const registry = sellerId
        ? registryKeys.bySeller(sellerId)
        : status
          ? registryKeys.byStatus(status)
          : registryKeys.all
      const found = await readFromRegistry(
        this.redis,
        registry,
        limit,
        (id) => readSale(this.redis, id, viewer),
        (sale) => (!status || sale.status === status) && (!mode || sale.mode === mode),
      )
      return { ok: true as const, sales: found }
    })
  }

  listLots(
    saleId: string,
    query: { status?: LotStatus } = {},
    viewer?: Actor,
  ): Promise<Result<{ lots: Lot[] }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (query.status !== undefined && !LOT_STATUSES.includes(query.status)) {
        return fail('INVALID_INPUT', `status: one of ${LOT_STATUSES.join(', ')}`, {
          field: 'status',
        })
      }
      const found = await readLots(this.redis, saleId, query.status, viewer)
      return found
        ? { ok: true as const, lots: found }
        : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  /** A draft sale's title, description and settlement terms (NOT_SELLER, INVALID_STATUS). */
  updateSale(
    saleId: string,
    changes: SaleUpdateInput,
    actor: Actor,
  ): Promise<Result<{ sale: Sale }>> {
    return this.saleChange(saleId, actor, () => sales.updateSale(this.core, saleId, changes, actor))
  }

  startSale(saleId: string, actor: Actor): Promise<Result<{ sale: Sale }>> {
    return this.saleTransition('startSale', saleId, actor)
  }

  /** Timed: closes every active lot now. Live: closes the sale; lots never offered pass. */
  endSale(saleId: string, actor: Actor): Promise<Result<{ sale: Sale }>> {
    return this.saleTransition('endSale', saleId, actor)
  }

  cancelSale(saleId: string, actor: Actor): Promise<Result<{ sale: Sale }>> {
    return this.saleTransition('cancelSale', saleId, actor)
  }

  // ---- Results (access is the caller's: staff; a seller their own statement) -----------

  /** Every lot's outcome with the buyer's premium and tax; the sale's totals. */
  saleResults(saleId: string): Promise<Result<SaleResults>> {
    return this.guard(() => results.sale(this.redis, saleId))
  }

  /** The paddle's invoice (empty lines and zeros when it bought nothing). */
  invoice(saleId: string, paddle: string): Promise<Result<{ invoice: Invoice }>> {
    return this.guard(() => results.invoice(this.redis, saleId, paddle))
  }

  /** Every buyer's invoice, by paddle. */
  invoices(saleId: string): Promise<Result<{ invoices: Invoice[] }>> {
    return this.guard(() => results.invoices(this.redis, saleId))
  }

  /** The consignor's statement: sold lots with commission and fees, the net, lots unsold. */
  statement(saleId: string, sellerId: string): Promise<Result<{ statement: Statement }>> {
    return this.guard(() => results.statement(this.redis, saleId, sellerId))
  }

  /** Every consignor's statement, by seller id. */
  statements(saleId: string): Promise<Result<{ statements: Statement[] }>> {
    return this.guard(() => results.statements(this.redis, saleId))
  }

  saleReport(saleId: string): Promise<Result<{ report: SaleReport }>> {
    return this.guard(() => results.report(this.redis, saleId))
  }

  // ---- Lots -----------------------------------------------------------------------------

  addLot(
    saleId: string,
    input: LotAddInput,
    actor: Actor,
  ): Promise<Result<{ lot: Lot; duplicate: boolean }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const added = await lots.addLot(this.core, saleId, input, actor)
      return 'ok' in added ? added : { ok: true as const, ...added }
    })
  }

  importLots(
    saleId: string,
    rows: lots.CatalogueRow[],
    actor: Actor,
    requestId?: string,
  ): Promise<Result<{ lots: Lot[] }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const imported = await lots.importLots(this.core, saleId, rows, actor, requestId)
      return 'ok' in imported ? imported : { ok: true as const, ...imported }
    })
  }

  updateLot(lotId: string, changes: LotUpdateInput, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(lotId).success) return badId('lotId')
      const updated = await lots.updateLot(this.core, lotId, changes, actor)
      return 'ok' in updated ? updated : { ok: true as const, ...updated }
    })
  }

  removeLot(lotId: string, actor: Actor): Promise<Result<{ lotId: string }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(lotId).success) return badId('lotId')
      const removed = await lots.removeLot(this.core, lotId, actor)
      return 'ok' in removed ? removed : { ok: true as const, ...removed }
    })
  }

  /** Sets the catalogue order by hand (it is the number order until then); lots added later go last. */
  reorderLots(saleId: string, numbers: string[], actor: Actor): Promise<Result<{ lots: Lot[] }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const failure = await lots.reorderLots(this.core, saleId, numbers, actor)
      if (failure) return failure
      const found = await readLots(this.redis, saleId, undefined, actor)
      return found
        ? { ok: true as const, lots: found }
        : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  // ---- Auctions (every lot is one; a standalone auction is a sale of one lot) ----------

  /** With a request id, a retry answers the same auction (`duplicate: true`). */
  createAuction(
    input: CreateAuctionInput,
  ): Promise<Result<{ auction: Auction; duplicate: boolean }>> {
    return this.guard(async () => {
      const created = await sales.createAuction(this.core, input)
      if ('ok' in created) return this.auctionFailure(created)
      const found = await this.lotResult(created.saleId)
      return found.ok ? { ...found, duplicate: created.duplicate } : found
    })
  }

  /** A standalone auction starts its sale; a lot of a sale opens with its sale. */
  startAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.lotTransition(auctionId, actor, async (standalone) => {
      if (standalone) return sales.transitionSale(this.core, 'startSale', auctionId, actor)
      const lot = await readLot(this.redis, auctionId)
      return fail('INVALID_STATUS', 'a lot of a sale opens with its sale: start the sale', {
        status: lot?.status ?? 'draft',
      })
    })
  }

  endAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.lotTransition(auctionId, actor, () =>
      sales.transitionLot(this.core, 'endLot', saleIdOf(auctionId), auctionId, actor),
    )
  }

  /** A standalone auction cancels its sale; a lot of a sale is withdrawn from it. */
  cancelAuction(auctionId: string, actor: Actor): Promise<Result<{ auction: Auction }>> {
    return this.lotTransition(auctionId, actor, (standalone) =>
      standalone
        ? sales.transitionSale(this.core, 'cancelSale', auctionId, actor)
        : sales.transitionLot(this.core, 'withdrawLot', saleIdOf(auctionId), auctionId, actor),
    )
  }

  getAuction(auctionId: string, viewer?: Actor): Promise<Result<{ auction: Auction }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(auctionId).success) {
        return fail('INVALID_INPUT', 'auctionId: not a valid auction id', { field: 'auctionId' })
      }
      return this.lotResult(auctionId, viewer)
    })
  }

  /** The standalone auctions (a sale's lots are listed with `listLots`). */
  listAuctions(query: ListQuery = {}): Promise<Result<{ auctions: Auction[] }>> {
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
      const registry = query.sellerId
        ? indexKeys.bySeller(query.sellerId)
        : query.status
          ? indexKeys.byStatus(query.status)
          : indexKeys.all
      const auctions = await readFromRegistry(
        this.redis,
        registry,
        limit,
        (id) => readLot(this.redis, id, query.viewer),
        (auction) => !query.status || auction.status === query.status,
      )
      return { ok: true as const, auctions }
    })
  }

  placeBid(raw: PlaceBidInput): Promise<BidAccepted | Failure> {
    // The busiest call: once the schema is verified, no async frame of its own.
    if (!this.schema.verified) return this.guard(() => this.bids.place(raw))
    return this.bids.place(raw).catch(failureOf)
  }

  /** Bid history, newest first; `before` pages to older bids by bid id. */
  history(
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
      const keys = lotKeys(auctionId)
      const [exists, total] = await Promise.all([
        this.redis.exists(keys.lot),
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
  serverTime(): Promise<number> {
    return serverTimeMs(this.redis)
  }

  // ---- Live sales: the clerk's commands ---------------------------------------------------

  /** Puts a lot on the block: the next waiting one, or `lotId` (waiting or passed). */
  offerLot(saleId: string, lotId: string | undefined, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (lotId !== undefined && !live.validLotId(lotId)) return badId('lotId')
      if (!idSchema.safeParse(actor.id).success) return badId('actor')
      const offered = await live.offerLot(this.core, saleId, lotId, actor)
      if ('ok' in offered) return offered
      return this.lotOf(offered.lotId, actor)
    })
  }

  /** A floor bid at the asking price, for `paddle` (the anonymous `floor` when unknown). */
  floorBid(
    lotId: string,
    input: { paddle?: string; requestId?: string },
    actor: Actor,
  ): Promise<BidAccepted | Failure> {
    return this.guard(async () => {
      if (!live.validLotId(lotId)) return badId('lotId')
      const sellerId = await this.redis.hget(lotKeys(lotId).lot, 'sellerId')
      if (sellerId === null) return fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
      if (!actor.staff && actor.id !== sellerId) {
        return fail('NOT_SELLER', 'only the seller or staff clerk this sale')
      }
      return this.bids.place({
        auctionId: lotId,
        bidderId: input.paddle ?? FLOOR_PADDLE,
        amount: AT_ASKING,
        source: 'floor',
        requestId: input.requestId ?? null,
        operatorId: actor.id,
      })
    })
  }

  /** The asking price for the next bid only (decimal text or minor units). */
  askLot(lotId: string, amount: string | number, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, async () => {
      const minor = await live.askAmount(this.core, lotId, amount)
      if (typeof minor !== 'string') return minor
      return live.runLotScript(this.core, 'askLot', lotId, actor, [minor])
    })
  }

  warnLot(lotId: string, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () => live.runLotScript(this.core, 'warnLot', lotId, actor))
  }

  /** Sold to the leader; a floor leader needs `paddle`; below the reserve only on purpose. */
  hammerLot(
    lotId: string,
    options: { paddle?: string; belowReserve?: boolean },
    actor: Actor,
  ): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () => {
      if (options.paddle !== undefined && !idSchema.safeParse(options.paddle).success) {
        return Promise.resolve(badId('paddle'))
      }
      return live.runLotScript(this.core, 'hammerLot', lotId, actor, [
        options.paddle ?? '',
        options.belowReserve ? '1' : '0',
      ])
    })
  }

  passLot(lotId: string, actor: Actor, reason?: string): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () => {
      if (reason === undefined) return live.runLotScript(this.core, 'passLot', lotId, actor, [''])
      const why = live.reasonOf(reason)
      if (typeof why !== 'string') return Promise.resolve(why)
      return live.runLotScript(this.core, 'passLot', lotId, actor, [why])
    })
  }

  /** Retracts the last accepted bid of the lot on the block. */
  retractBid(lotId: string, reason: string, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () => {
      const why = live.reasonOf(reason)
      if (typeof why !== 'string') return Promise.resolve(why)
      return live.runLotScript(this.core, 'retractBid', lotId, actor, [why])
    })
  }

  /** A sold or passed lot back on the block, in its state at the hammer. */
  reopenLot(lotId: string, reason: string, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () => {
      const why = live.reasonOf(reason)
      if (typeof why !== 'string') return Promise.resolve(why)
      return live.runLotScript(this.core, 'reopenLot', lotId, actor, [why])
    })
  }

  /** A lot leaves its sale (a live sale: only while it waits). */
  withdrawLot(lotId: string, actor: Actor): Promise<Result<{ lot: Lot }>> {
    return this.clerk(lotId, actor, () =>
      sales.transitionLot(this.core, 'withdrawLot', saleIdOf(lotId), lotId, actor),
    )
  }

  /** A lot's absentee book, highest maximum first. */
  lotBook(lotId: string, viewer?: Actor): Promise<Result<{ entries: BookEntry[] }>> {
    return this.guard(async () => {
      if (!live.validLotId(lotId)) return badId('lotId')
      const entries = await live.readBook(this.core, lotId, viewer)
      return Array.isArray(entries) ? { ok: true as const, entries } : entries
    })
  }

  /** The room display's indicative rates (at most four other currencies). */
  setDisplayRates(
    saleId: string,
    rates: DisplayRate[],
    actor: Actor,
  ): Promise<Result<{ sale: Sale }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (!idSchema.safeParse(actor.id).success) return badId('actor')
      const failure = await live.setDisplayRates(this.core, saleId, rates, actor)
      if (failure) return failure
      const sale = await readSale(this.redis, saleId)
      return sale ? { ok: true as const, sale } : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  // ---- The bidder register ----------------------------------------------------------------

  /** Every entry of the sale's register, by paddle (numbers in counting order). */
  registerList(saleId: string): Promise<Result<{ entries: RegisterEntry[] }>> {
    return this.onSale(saleId, undefined, () => register.list(this.core, saleId))
  }

  /** A new paddle: PADDLE_TAKEN when the register has it. */
  registerAdd(
    saleId: string,
    input: RegisterAddInput,
    actor: Actor,
  ): Promise<Result<{ entry: RegisterEntry }>> {
    return this.onSale(saleId, actor, () => register.add(this.core, saleId, input, actor))
  }

  /** Changes the fields given: PADDLE_NOT_FOUND when the register has no such paddle. */
  registerUpdate(
    saleId: string,
    input: RegisterUpdateInput,
    actor: Actor,
  ): Promise<Result<{ entry: RegisterEntry }>> {
    return this.onSale(saleId, actor, () => register.update(this.core, saleId, input, actor))
  }

  /** Approves a paddle (or revokes its approval with `approved: false`). */
  registerApprove(
    saleId: string,
    input: { paddle: string; approved?: boolean },
    actor: Actor,
  ): Promise<Result<{ entry: RegisterEntry }>> {
    const { paddle, approved = true } = input
    return this.registerUpdate(saleId, { paddle, approved }, actor)
  }

  /** All or nothing: any bad, taken or repeated row → INVALID_CATALOGUE with every bad row. */
  registerImport(
    saleId: string,
    rows: RegisterRow[],
    actor: Actor,
  ): Promise<Result<{ entries: RegisterEntry[] }>> {
    return this.onSale(saleId, actor, () => register.importEntries(this.core, saleId, rows, actor))
  }

  /** The sale's audit log, oldest first (its newest `limit` entries when given). */
  saleLog(
    saleId: string,
    options: { limit?: number } = {},
  ): Promise<Result<{ entries: LogEntry[] }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const { limit } = options
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
        return fail('INVALID_INPUT', 'limit: a whole number from 1', { field: 'limit' })
      }
      if (!(await this.redis.exists(saleKeys(saleId).sale))) {
        return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
      }
      return { ok: true as const, entries: await readLog(this.redis, saleId, limit) }
    })
  }

  /** Checks the log's hash chain: LOG_TAMPERED at the first entry that breaks it. */
  /** Who did what to the sale, and when (staff's view; no redaction here). */
  saleActivity(saleId: string): Promise<Result<{ activity: SaleActivity }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      const activity = await saleActivity(this.redis, saleId)
      return activity
        ? { ok: true as const, activity }
        : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  /** Who closed, withdrew or reopened the lot, and when. */
  lotActivity(lotId: string): Promise<Result<{ activity: LotActivity }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(lotId).success) return badId('auctionId')
      const activity = await lotActivity(this.redis, lotId)
      return activity
        ? { ok: true as const, activity }
        : fail('AUCTION_NOT_FOUND', `no auction ${lotId}`)
    })
  }

  verifySaleLog(saleId: string): Promise<Result<{ entries: number }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (!(await this.redis.exists(saleKeys(saleId).sale))) {
        return fail('SALE_NOT_FOUND', `no sale ${saleId}`)
      }
      const verified = await verifyLog(this.redis, saleId)
      return 'ok' in verified ? verified : { ok: true as const, ...verified }
    })
  }

  // ---- The scheduler's half ---------------------------------------------------------------

  /** null when this store holds our data layout; the SCHEMA_MISMATCH (or unavailable) failure otherwise. */
  checkStore(): Promise<Failure | null> {
    return this.guard(async () => ({ ok: true as const })).then((r) => (r.ok ? null : r))
  }

  /** Opens the sales and closes the lots whose time has come (at most `batch` sales). */
  async tickDue(batch = 500): Promise<DueBatch> {
    const refused = await this.schema.check()
    if (refused) throw new Error(refused.error.message)
    return tickDue(this.core, batch)
  }

  /** Re-derives the global registries from every live sale (see registry.ts). */
  async sweepRegistries(): Promise<{ sales: number; fixedDue: number }> {
    const refused = await this.schema.check()
    if (refused) throw new Error(refused.error.message)
    return this.core.registry.sweep()
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** Work on a sale by id (and actor, when one acts), both checked first. */
  private onSale<T extends object>(
    saleId: string,
    actor: Actor | undefined,
    work: () => Promise<T | Failure>,
  ): Promise<Result<T>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (actor && !idSchema.safeParse(actor.id).success) return badId('actor')
      const done = await work()
      return 'ok' in done ? done : { ok: true as const, ...done }
    })
  }

  /** A clerk's action on one lot, answered with the lot as the actor sees it. */
  private clerk(
    lotId: string,
    actor: Actor,
    act: () => Promise<Failure | null>,
  ): Promise<Result<{ lot: Lot }>> {
    return this.guard(async () => {
      if (!live.validLotId(lotId)) return badId('lotId')
      if (!idSchema.safeParse(actor.id).success) return badId('actor')
      const failure = await act()
      return failure ?? this.lotOf(lotId, actor)
    })
  }

  private async lotOf(lotId: string, viewer: Actor): Promise<Result<{ lot: Lot }>> {
    const lot = await readLot(this.redis, lotId, viewer)
    return lot ? { ok: true as const, lot } : fail('AUCTION_NOT_FOUND', `no lot ${lotId}`)
  }

  private saleTransition(
    script: sales.SaleTransition,
    saleId: string,
    actor: Actor,
  ): Promise<Result<{ sale: Sale }>> {
    return this.saleChange(saleId, actor, () =>
      sales.transitionSale(this.core, script, saleId, actor),
    )
  }

  /** A change to a whole sale, answered with the sale. */
  private saleChange(
    saleId: string,
    actor: Actor,
    act: () => Promise<Failure | null>,
  ): Promise<Result<{ sale: Sale }>> {
    return this.guard(async () => {
      if (!entityIdSchema.safeParse(saleId).success) return badId('saleId')
      if (!idSchema.safeParse(actor.id).success) return badId('actor')
      const failure = await act()
      if (failure) return failure
      const sale = await readSale(this.redis, saleId)
      return sale ? { ok: true as const, sale } : fail('SALE_NOT_FOUND', `no sale ${saleId}`)
    })
  }

  private lotTransition(
    auctionId: string,
    actor: Actor,
    act: (standalone: boolean) => Promise<Failure | null>,
  ): Promise<Result<{ auction: Auction }>> {
    return this.guard(async () => {
      if (!idSchema.safeParse(auctionId).success) {
        return fail('INVALID_INPUT', 'auctionId: not a valid auction id', { field: 'auctionId' })
      }
      if (!idSchema.safeParse(actor.id).success) {
        return fail('INVALID_INPUT', 'actor: not a valid id', { field: 'actor' })
      }
      const saleId = saleIdOf(auctionId)
      const [standalone, exists] = await Promise.all([
        this.redis.hget(saleKeys(saleId).sale, 'standalone'),
        this.redis.exists(lotKeys(auctionId).lot),
      ])
      if (standalone === null || !exists) {
        return fail('AUCTION_NOT_FOUND', `no auction ${auctionId}`)
      }
      const failure = await act(standalone === '1')
      if (failure) return this.auctionFailure(failure)
      return this.lotResult(auctionId, actor)
    })
  }

  private async lotResult(lotId: string, viewer?: Actor): Promise<Result<{ auction: Auction }>> {
    const auction = await readLot(this.redis, lotId, viewer)
    return auction
      ? { ok: true as const, auction }
      : fail('AUCTION_NOT_FOUND', `no auction ${lotId}`)
  }

  /** A sale script's failure in the words of the auction it stands for. */
  private auctionFailure(failure: Failure): Failure {
    const { error } = failure
    if (error.code === 'SALE_NOT_FOUND') return fail('AUCTION_NOT_FOUND', error.message)
    const status = AUCTION_STATUS_OF_SALE[error.status as SaleStatus]
    if (!status) return failure
    const message =
      error.code === 'INVALID_STATUS' && status === 'ended'
        ? 'an ended auction cannot be cancelled'
        : error.message.replace(/sale/g, 'auction').replace(/\b(open|closed)$/, status)
    return { ok: false, error: { ...error, status, message } }
  }

  /** Refuses a store of another layout; turns a thrown error into a Failure. */
  private async guard<T extends object>(work: () => Promise<T | Failure>): Promise<T | Failure> {
    try {
      if (!this.schema.verified) {
        const refused = await this.schema.check()
        if (refused) return refused
      }
      return await work()
    } catch (error) {
      return failureOf(error)
    }
  }
}

/** A thrown error as the answer: Redis out of reach, or an internal fault (secrets scrubbed). */
function failureOf(error: unknown): Failure {
  if (error instanceof NotReplicatedError) return error.failure
  const message = error instanceof Error ? error.message : String(error)
  if (isUnavailable(error))
    return fail('REDIS_UNAVAILABLE', 'Redis is not reachable; retry with the same requestId', {
      detail: scrubSecrets(message),
    })
  if (isNoPermission(error)) return fail('REDIS_NO_PERMISSION', scrubSecrets(message))
  return fail('INTERNAL', scrubSecrets(message))
}
