// Every error code a command can answer with. Rejections are values, never exceptions,
// so they cross process and network boundaries unchanged.

export const ERROR_CODES = [
  'AUCTION_NOT_FOUND',
  'INVALID_AMOUNT',
  'MAX_BELOW_AMOUNT',
  'AUCTION_NOT_ACTIVE',
  'AUCTION_ENDED',
  'SELLER_CANNOT_BID',
  'UNKNOWN_PADDLE',
  'PADDLE_NOT_APPROVED',
  'CREDIT_LIMIT',
  'PADDLE_TAKEN',
  'PADDLE_NOT_FOUND',
  'BID_TOO_LOW',
  'ALREADY_LEADING',
  'NOT_SELLER',
  'INVALID_STATUS',
  'INVALID_INPUT',
  'SIGN_IN_FAILED',
  'OPERATOR_EXISTS',
  'OPERATOR_NOT_FOUND',
  'SALE_NOT_FOUND',
  'LOT_NUMBER_TAKEN',
  'INVALID_CATALOGUE',
  'LOT_ON_BLOCK',
  'LOT_NOT_OPEN',
  'LOT_CLOSED',
  'NO_LOT_WAITING',
  'NOT_LIVE_SALE',
  'RESERVE_NOT_MET',
  'NO_BIDS',
  'PADDLE_REQUIRED',
  'NOTHING_TO_RETRACT',
  'REQUEST_ID_REUSED',
  'LOG_TAMPERED',
  'SCHEMA_MISMATCH',
  'REDIS_UNAVAILABLE',
  'REDIS_NO_PERMISSION',
  'NOT_REPLICATED',
  'UNAUTHORIZED',
  'TOO_MANY_REQUESTS',
  'TOO_MANY_WATCHES',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface CommandError {
  code: ErrorCode
  message: string
  /** The input field at fault, for INVALID_INPUT / INVALID_AMOUNT. */
  field?: string
  /** For CREDIT_LIMIT: what the paddle may still take on, minor units (hammer plus premium). */
  headroom?: number
  /** The asking price, for BID_TOO_LOW. */
  minimumBid?: number
  /** The auction's status, for AUCTION_NOT_ACTIVE / INVALID_STATUS. */
  status?: string
  /** For INVALID_CATALOGUE: every bad row, by its line in the file. */
  rows?: CatalogueRowError[]
  /** For LOG_TAMPERED: the first entry whose chain does not hold. */
  entryId?: string
  /** For TOO_MANY_REQUESTS / TOO_MANY_WATCHES: the limit reached. */
  limit?: number
  /** For SIGN_IN_FAILED while sign-ins are slowed down: how long to wait before trying again. */
  retryAfterMs?: number
  /** For REDIS_UNAVAILABLE: what Redis or the client said (a cluster down, a slot moving …), scrubbed. */
  detail?: string
  /** For NOT_REPLICATED: the replicas that confirmed the change in time (0). */
  replicas?: number
  /** For NOT_REPLICATED: how long the engine waited for a replica, ms. */
  timeoutMs?: number
}

export interface CatalogueRowError {
  line: number
  code: string
  message: string
}

export interface Failure {
  ok: false
  error: CommandError
}

export type Result<T extends object> = ({ ok: true } & T) | Failure

export const fail = (
  code: ErrorCode,
  message: string,
  extra: Partial<CommandError> = {},
): Failure => ({
  ok: false,
  error: { code, message, ...extra },
})
