// The one typed contract between the console UI and the main side. Both transports
// (Electron IPC and the web mode's WebSocket) are generated from this map, and the main
// side validates every input with these schemas: the renderer is untrusted.
import { z } from 'zod'
import type {
  Auction,
  AuctionEvent,
  BookEntry,
  LogEntry,
  AuctionStatus,
  BidAccepted,
  BidEntry,
  Lot,
  Sale,
  SaleChannelEvent,
} from './domain'
import { AUCTION_STATUSES, BID_SOURCES } from './domain'
import type { Failure } from './errors'
import { registerAddSchema, registerImportSchema, registerUpdateSchema } from './register'
import type { RegisterEntry } from './register'
import type { Invoice, SaleReport, SaleResults, Statement } from './results'
import {
  saleUpdateSchema,
  lotAddSchema,
  lotImportSchema,
  lotUpdateSchema,
  saleCreateSchema,
  saleListSchema,
  saleLotsSchema,
} from './sale-schemas'

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')
// Exact text, never trimmed: " 12" is INVALID_AMOUNT (with the field) from the amount rules,
// as on the CLI and in the engine, not 12.00.
const amountText = z.string().min(1).max(32)
const epochMs = z.number().int().nonnegative()

export const operatorProfileSchema = z.object({
  displayName: z.string().trim().min(1).max(80),
  operatorId: id,
  /** A bidder bids only as its own paddle (its operator id) and sees no reserve. */
  role: z.enum(['staff', 'seller', 'bidder']),
})
export type OperatorProfile = z.infer<typeof operatorProfileSchema>

/** An operator account as the console shows it: never the password hash. */
export interface OperatorAccount {
  id: string
  displayName: string
  role: OperatorProfile['role']
  disabled: boolean
  createdAt: number
  createdBy: string
  lastSignInAt: number | null
  /** The last disable, enable or password change, and who made it. */
  changedAt: number | null
  changedBy: string | null
}

/** The strength rules (length) are the account store's: it answers INVALID_INPUT. */
const passwordText = z.string().min(1).max(1024)
const operatorRef = z.object({ operatorId: id })
const newAccountSchema = z.object({
  operatorId: id,
  displayName: operatorProfileSchema.shape.displayName,
  role: operatorProfileSchema.shape.role,
  password: passwordText,
})

/** Why the main side ended a signed-in session (pushed as `session:ended`). */
export const SESSION_END_REASONS = ['signed-out', 'disabled', 'password-changed'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

export const incrementBandSchema = z.object({ from: amountText, increment: amountText })

export const createAuctionSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  startingPrice: amountText,
  reservePrice: amountText.optional(),
  increment: amountText.optional(),
  incrementTable: z
    .union([z.array(incrementBandSchema).min(1).max(50), z.literal('standard')])
    .optional(),
  startsAt: epochMs.optional(),
  endsAt: epochMs.optional(),
  durationMs: z
    .number()
    .int()
    .positive()
    .max(366 * 24 * 3600 * 1000)
    .optional(),
  softCloseSeconds: z.number().int().min(0).max(3600).default(0),
  start: z.boolean().default(false),
  /** Staff only: the consignor it is for (default: the session's operator). */
  sellerId: id.optional(),
})
export type CreateAuctionRequest = z.input<typeof createAuctionSchema>

export const redisSettingsSchema = z.object({
  /** Empty means: use the embedded local Redis. */
  url: z.union([
    z.literal(''),
    // The three forms (and their rediss variants); the main side parses it fully again.
    z
      .string()
      .regex(
        /^rediss?(\+sentinel|\+cluster)?:\/\/\S+$/i,
        'must start with redis://, redis+sentinel://, redis+cluster:// (or rediss…)',
      ),
  ]),
  username: z.string().max(128).default(''),
  /** Write-only: never returned by settings.get. Undefined keeps the stored one. */
  password: z.string().max(1024).optional(),
  caCertificate: z.string().max(65536).default(''),
  database: z.number().int().min(0).max(15).default(0),
  /** replicated: every acknowledged change waits for a replica (WAIT 1). */
  durability: z.enum(['local', 'replicated']).default('local'),
})
export type RedisSettings = z.input<typeof redisSettingsSchema>

export type RedisTopology = 'single' | 'sentinel' | 'cluster'

/** One server "Test connection" found: a data node or a sentinel. */
export interface RedisProbeNode {
  /** host:port */
  address: string
  role: 'primary' | 'replica' | 'sentinel'
  /** redis_version, '' when the node could not be asked. */
  version: string
  reachable: boolean
}

/** What "Test connection" found. */
export interface RedisProbe {
  /** Round trip of a PING to the primary (a cluster: the node that answered). */
  latencyMs: number
  /** The primary's version (a cluster: the lowest primary version). */
  serverVersion: string
  topology: RedisTopology
  nodes: RedisProbeNode[]
  /** SSUBSCRIBE/SPUBLISH: Redis 7.0 or later on every primary. */
  shardedPubSub: boolean
  /** Sentinel only: the name the sentinels monitor the primary under. */
  masterName?: string
  /**
   * How the engine's scripts will run: as Redis Functions where every primary is Redis 7 or
   * later and the user may FCALL and FUNCTION LOAD; otherwise by EVALSHA of the same code.
   */
  scripts: 'functions' | 'evalsha'
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline'
export interface ConnectionStatus {
  state: ConnectionState
  /** The Redis endpoint without credentials. */
  endpoint: string
  embedded: boolean
  /**
   * Why the console is not live, for the settings dialog: REDIS_NOT_INSTALLED (with the
   * platform's installCommand), EMBEDDED_IN_USE, EMBEDDED_FAILED, EMBEDDED_RESTARTING (the
   * console's own server died and is being restarted), or CONNECTION_FAILED (the last
   * connection error, credentials scrubbed); also while live, REDIS_NO_PERMISSION names what
   * the Redis user may not do.
   */
  problem?: { code: string; message: string; installCommand?: string }
}

const auctionRef = z.object({ auctionId: id })
const reasonText = z.string().trim().min(1).max(200)
const saleRef = z.object({ saleId: id })
const lotRef = z.object({ lotId: id })

/**
 * Every command: input schema and result shape.
 * Access: a session signs in (auth:signIn, or auth:setup on a store with no account yet)
 * before anything but the auth commands and connection:status; everything else answers
 * UNAUTHORIZED until then. The main side keeps who signed in: every command acts as that
 * operator. Connection settings are for staff, and for anyone while the console has no
 * working Redis or no account yet (there is nobody to sign in as). Staff may do all; a
 * seller creates sales for themself and starts/ends/cancels only their own (NOT_SELLER)
 * and cannot bid on them (SELLER_CANNOT_BID); a bidder bids only as its own paddle.
 */
export const commands = {
  'auctions:list': {
    input: z.object({
      status: z.enum(AUCTION_STATUSES).optional(),
      sellerId: id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    result: {} as { auctions: Auction[] },
  },
  'auctions:get': { input: auctionRef, result: {} as { auction: Auction } },
  'auctions:create': { input: createAuctionSchema, result: {} as { auction: Auction } },
  'auctions:start': { input: auctionRef, result: {} as { auction: Auction } },
  'auctions:end': { input: auctionRef, result: {} as { auction: Auction } },
  'auctions:cancel': { input: auctionRef, result: {} as { auction: Auction } },
  'bids:place': {
    input: z.object({
      auctionId: id,
      bidderId: id,
      amount: amountText,
      max: amountText.optional(),
      requestId: z.string().min(8).max(64),
      source: z.enum(BID_SOURCES).default('online'),
    }),
    result: {} as Omit<BidAccepted, 'ok'>,
  },
  'bids:history': {
    input: z.object({
      auctionId: id,
      limit: z.number().int().min(1).max(1000).default(100),
      before: z.number().int().positive().optional(),
    }),
    /** Newest first; `total` is the auction's whole history length. */
    result: {} as { bids: BidEntry[]; total: number },
  },
  /**
   * Starts live events for this auction on this window/tab; answers with a fresh snapshot
   * taken after the subscription is in place (so no event falls in between). Idempotent per
   * session. `presence` (default true) counts this console as a viewer; a list row that only
   * wants live prices passes false. Calling it again changes `presence`. When it fails with
   * REDIS_UNAVAILABLE the watch stays in place and a snapshot is pushed once Redis is back.
   */
  'auctions:watch': {
    input: auctionRef.extend({ presence: z.boolean().default(true) }),
    result: {} as { auction: Auction; viewers: number },
  },
  /** Ends this session's watch (and its presence); a no-op for an auction not watched. */
  'auctions:unwatch': { input: auctionRef, result: {} as object },
  /** The Redis server's clock, so the UI can correct for a wrong local clock. */
  'clock:now': { input: z.object({}), result: {} as { now: number } },
  'connection:status': { input: z.object({}), result: {} as ConnectionStatus },
  'settings:get': {
    input: z.object({}),
    result: {} as {
      settings: Omit<RedisSettings, 'password' | 'durability'> & {
        hasPassword: boolean
        durability: 'local' | 'replicated'
      }
      /** Set when REDIS_URL overrides the saved settings. */
      overriddenBy?: 'REDIS_URL'
    },
  },
  'settings:save': { input: redisSettingsSchema, result: {} as ConnectionStatus },
  'settings:test': {
    input: redisSettingsSchema,
    result: {} as RedisProbe,
  },
  'sales:list': { input: saleListSchema, result: {} as { sales: Sale[] } },
  'sales:get': { input: saleRef, result: {} as { sale: Sale } },
  /** Lots in catalogue order (optionally of one lot status). */
  'sales:lots': { input: saleRef.extend(saleLotsSchema.shape), result: {} as { lots: Lot[] } },
  /**
   * The seller is the session's operator, or for staff the consignor in `sellerId`. A retry
   * with the same requestId answers the same sale.
   */
  'sales:create': {
    input: saleCreateSchema.extend({ sellerId: id.optional() }),
    result: {} as { sale: Sale; duplicate?: boolean },
  },
  'sales:start': { input: saleRef, result: {} as { sale: Sale } },
  /** Timed: closes every active lot now. Live: closes the sale; lots never offered pass. */
  'sales:end': { input: saleRef, result: {} as { sale: Sale } },
  'sales:cancel': { input: saleRef, result: {} as { sale: Sale } },
  /**
   * Live events of a sale and all its lots (`sale:events` pushes), and a snapshot of the
   * sale and its lots taken after the subscription is in place.
   */
  'sales:watch': { input: saleRef, result: {} as { sale: Sale; lots: Lot[] } },
  'sales:unwatch': { input: saleRef, result: {} as object },
  /** Draft sales only. */
  'lots:add': { input: saleRef.extend(lotAddSchema.shape), result: {} as { lot: Lot } },
  'lots:update': {
    input: lotRef.extend({ changes: lotUpdateSchema }),
    result: {} as { lot: Lot },
  },
  'lots:remove': { input: lotRef, result: {} as object },
  /** Draft or scheduled sales: the catalogue order by hand, every lot number once. */
  'lots:reorder': {
    input: saleRef.extend({ order: z.array(z.string().trim().min(1).max(16)).min(1).max(5000) }),
    result: {} as { lots: Lot[] },
  },
  /** All or nothing: any bad row → INVALID_CATALOGUE with every bad row. */
  'lots:import': { input: saleRef.extend(lotImportSchema.shape), result: {} as { lots: Lot[] } },
  // ---- Live sales: the clerk's commands (staff or the sale's seller) -------------------
  /** Puts a lot on the block: the next waiting one in catalogue order, or `lotId` (a
   * waiting or passed lot). Its absentee book executes. */
  'lots:offer': { input: saleRef.extend({ lotId: id.optional() }), result: {} as { lot: Lot } },
  /** A floor bid at the asking price; `paddle` when the clerk knows it (else `floor`). */
  'lots:floor': {
    input: lotRef.extend({ paddle: id.optional(), requestId: z.string().min(8).max(64) }),
    result: {} as Omit<BidAccepted, 'ok'>,
  },
  /** The asking price for the next bid only (a split); above the current price. */
  'lots:ask': { input: lotRef.extend({ amount: amountText }), result: {} as { lot: Lot } },
  'lots:warn': { input: lotRef, result: {} as { lot: Lot } },
  /** Sold to the leader; RESERVE_NOT_MET unless `belowReserve`; a floor leader needs `paddle`. */
  'lots:hammer': {
    input: lotRef.extend({ paddle: id.optional(), belowReserve: z.boolean().default(false) }),
    result: {} as { lot: Lot },
  },
  /** Bought in; the clerk's reason, when given, goes into the log. */
  'lots:pass': {
    input: lotRef.extend({ reason: reasonText.optional() }),
    result: {} as { lot: Lot },
  },
  /** Retracts the lot's last accepted bid (or book execution): the lot goes back to before it. */
  'lots:retract': { input: lotRef.extend({ reason: reasonText }), result: {} as { lot: Lot } },
  /** A sold or passed lot goes back on the block in its state at the hammer. */
  'lots:reopen': { input: lotRef.extend({ reason: reasonText }), result: {} as { lot: Lot } },
  /** A waiting lot leaves the sale. */
  'lots:withdraw': { input: lotRef, result: {} as { lot: Lot } },
  /** The lot's absentee book, highest maximum first (maxima only for staff and the seller). */
  'lots:book': { input: lotRef, result: {} as { entries: BookEntry[] } },
  /** The sale's audit log, oldest first (the newest `limit` when given). Staff and seller. */
  'sales:log': {
    input: saleRef.extend({ limit: z.number().int().min(1).max(10000).optional() }),
    result: {} as { entries: LogEntry[] },
  },
  /** Checks the log's hash chain: LOG_TAMPERED with `entryId` at the first bad entry. */
  'sales:verifyLog': { input: saleRef, result: {} as { entries: number } },
  /** Indicative rates for the room display (at most four currencies). Staff and seller. */
  'sales:rates': {
    input: saleRef.extend({
      rates: z
        .array(
          z.object({
            currency: z.string().regex(/^[A-Z]{3}$/),
            rate: z.string().regex(/^\d{1,9}(\.\d{1,8})?$/, 'a positive decimal rate'),
          }),
        )
        .max(4),
    }),
    result: {} as { sale: Sale },
  },
  /** A draft sale's title, description and settlement terms. Staff and seller. */
  'sales:update': { input: saleRef.extend(saleUpdateSchema.shape), result: {} as { sale: Sale } },
  // ---- The bidder register (staff and the sale's seller) -------------------------------
  'register:list': { input: saleRef, result: {} as { entries: RegisterEntry[] } },
  /** PADDLE_TAKEN when the paddle is already in the register. */
  'register:add': {
    input: saleRef.extend(registerAddSchema.shape),
    result: {} as { entry: RegisterEntry },
  },
  /** PADDLE_NOT_FOUND when the paddle is not in the register. */
  'register:update': {
    input: saleRef.extend(registerUpdateSchema.shape),
    result: {} as { entry: RegisterEntry },
  },
  'register:approve': {
    input: saleRef.extend({ paddle: id, approved: z.boolean().default(true) }),
    result: {} as { entry: RegisterEntry },
  },
  /** All or nothing: any bad or duplicate row → INVALID_CATALOGUE with every bad row. */
  'register:import': {
    input: saleRef.extend(registerImportSchema.shape),
    result: {} as { entries: RegisterEntry[] },
  },
  // ---- Results (staff; a seller sees their own statement only) -------------------------
  'sales:results': { input: saleRef, result: {} as SaleResults },
  'sales:invoice': { input: saleRef.extend({ paddle: id }), result: {} as { invoice: Invoice } },
  /** Every buyer's invoice, by paddle. */
  'sales:invoices': { input: saleRef, result: {} as { invoices: Invoice[] } },
  'sales:statement': {
    input: saleRef.extend({ sellerId: id }),
    result: {} as { statement: Statement },
  },
  /** Every consignor's statement. */
  'sales:statements': { input: saleRef, result: {} as { statements: Statement[] } },
  'sales:report': { input: saleRef, result: {} as { report: SaleReport } },
  /** Desktop: prints the console's current page (the print layout) to a PDF file. */
  'print:pdf': {
    input: z.object({ fileName: z.string().trim().min(1).max(120) }),
    result: {} as { path: string },
  },
  /** Web mode: a read-only link for the room display (a display-only token). Staff only. */
  'display:link': { input: saleRef, result: {} as { url: string } },
  /** The signed-in operator of this session (null before sign-in). */
  'profile:get': { input: z.object({}), result: {} as { profile: OperatorProfile | null } },
  // ---- Sign-in: the session's identity is the main side's, never self-declared ---------
  /** Who this session is, and whether the store has no account yet (first launch). */
  'auth:status': {
    input: z.object({}),
    result: {} as { profile: OperatorProfile | null; setupNeeded: boolean },
  },
  /**
   * First launch only: creates the first staff account and signs this session in as it;
   * OPERATOR_EXISTS once any account exists. `resume` is as for auth:signIn.
   */
  'auth:setup': {
    input: newAccountSchema.omit({ role: true }),
    result: {} as { profile: OperatorProfile; resume: string },
  },
  /**
   * SIGN_IN_FAILED (one message for an unknown id, a disabled account or a wrong password;
   * `retryAfterMs` while slowed down). `resume` lets a new connection of the same tab carry
   * on as this operator (auth:resume); it dies with the sign-in.
   */
  'auth:signIn': {
    input: z.object({ operatorId: z.string().max(200), password: z.string().max(1024) }),
    result: {} as { profile: OperatorProfile; resume: string },
  },
  /** A reconnected tab's first call: the identity of its sign-in, or UNAUTHORIZED. */
  'auth:resume': {
    input: z.object({ resume: z.string().min(16).max(128) }),
    result: {} as { profile: OperatorProfile },
  },
  /** Signs the operator out: every session of that account ends, on every console. */
  'auth:signOut': { input: z.object({}), result: {} as object },
  // ---- Operator accounts (staff) ------------------------------------------------------
  'operators:list': { input: z.object({}), result: {} as { operators: OperatorAccount[] } },
  'operators:add': { input: newAccountSchema, result: {} as { operator: OperatorAccount } },
  /** Ends the account's sessions at once, on every console. */
  'operators:disable': { input: operatorRef, result: {} as { operator: OperatorAccount } },
  'operators:enable': { input: operatorRef, result: {} as { operator: OperatorAccount } },
  /** A new password; the account's other sessions end. */
  'operators:passwd': {
    input: operatorRef.extend({ password: passwordText }),
    result: {} as { operator: OperatorAccount },
  },
} as const

export type CommandName = keyof typeof commands
export type CommandInput<N extends CommandName> = z.input<(typeof commands)[N]['input']>
export type CommandOk<N extends CommandName> = { ok: true } & (typeof commands)[N]['result']
export type CommandResult<N extends CommandName> = CommandOk<N> | Failure

/** Everything pushed from the main side to the UI. */
export interface PushEvents {
  /** Auction events of watched auctions and of the list channel, batched per frame. */
  'auction:events': AuctionEvent[]
  /** A fresh snapshot after a gap or a reconnect: replaces what the UI holds. */
  'auction:snapshot': { auction: Auction }
  'auction:viewers': { auctionId: string; viewers: number }
  /** Events of watched sales (sale-level and lot events, in seq order), batched per frame. */
  'sale:events': SaleChannelEvent[]
  /** A fresh sale snapshot after a gap or a reconnect. */
  'sale:snapshot': { sale: Sale; lots: Lot[] }
  'connection:state': ConnectionStatus
  /** This session's sign-in ended (here or on another console): sign in again. */
  'session:ended': { reason: SessionEndReason; message: string }
}
export type PushName = keyof PushEvents

/** What window.auctionApi (Electron) and the web client both implement. */
export interface AuctionApi {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<N>>
  on<P extends PushName>(name: P, handler: (payload: PushEvents[P]) => void): () => void
}

/**
 * The web mode's WebSocket wire format (JSON text frames). Client → server: a request.
 * Server → client: a reply to a request (same id) or a push. The first push of every
 * connection is `connection:state`.
 */
export interface WireRequest {
  id: number
  name: CommandName
  input: unknown
}
export interface WireReply {
  id: number
  result: CommandResult<CommandName>
}
export interface WirePush<P extends PushName = PushName> {
  push: P
  payload: PushEvents[P]
}
export type WireMessage = WireReply | WirePush

export type { AuctionStatus }
