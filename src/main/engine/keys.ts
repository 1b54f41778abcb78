// The one key builder. Every key of a sale and its lots carries the sale's hash tag
// {<saleId>}, so each script touches one cluster slot. The global registries are hints,
// written outside the scripts; every reader tolerates stale and missing entries.
import { LOT_STATUSES, saleChannel, saleIdOf } from '../../shared/domain'

/** The layout of the data in Redis; a store of another layout is refused, never misread. */
export const SCHEMA_VERSION = 2
export const SCHEMA_KEY = 'auction-console:schema'

/** A sale's hash. */
export const saleHashKey = (saleId: string): string => `sale:{${saleId}}`
/** A lot's hash: its sale's tag, so the same slot. */
export const lotHashKey = (saleId: string, lotId: string): string => `lot:{${saleId}}:${lotId}`

export const saleKeys = (saleId: string) => {
  const tag = `{${saleId}}`
  return {
    sale: saleHashKey(saleId),
    /** Lot ids in catalogue order (score = catalogue position). */
    lots: `sale:${tag}:lots`,
    /** Active timed lots by their end time: what the scheduler closes. */
    closing: `sale:${tag}:closing`,
    /** Request id → answer, for create, add and import. */
    requests: `sale:${tag}:requests`,
    /** Lot number → lot id: numbers are unique in a sale. */
    numbers: `sale:${tag}:numbers`,
    byLotStatus: (status: string) => `sale:${tag}:lots:${status}`,
    /** The bidder register: paddle → its entry as JSON (writeRegister). */
    register: `sale:${tag}:register`,
    /** Paddle → "<approved 1|0>|<limit minor units or empty>": what the bid script reads. */
    paddles: `sale:${tag}:paddles`,
    /** Lot hashes are this prefix plus the lot id (lotHashKey). */
    lotPrefix: lotHashKey(saleId, ''),
    channel: saleChannel(saleId),
  } as const
}

/** The eleven keys every sale-wide script takes first (lua/includes/saleKeys.lua). */
export function saleKeyList(saleId: string): string[] {
  const keys = saleKeys(saleId)
  return [
    keys.sale,
    keys.lots,
    keys.closing,
    keys.requests,
    keys.numbers,
    ...LOT_STATUSES.map((status) => keys.byLotStatus(status)),
  ]
}

export const lotKeys = (lotId: string) => {
  const lot = lotHashKey(saleIdOf(lotId), lotId)
  return { lot, bids: `${lot}:bids`, requests: `${lot}:requests` } as const
}

/** Kept under its old name: every auction is a lot. */
export const auctionKeys = (auctionId: string) => {
  const keys = lotKeys(auctionId)
  return { auction: keys.lot, bids: keys.bids, requests: keys.requests } as const
}

export const registryKeys = {
  /** Sales that are not over, written before the script that creates them. */
  live: 'sales:live',
  /** Sale id → when the scheduler must next look at it (never later than the truth). */
  due: 'sales:due',
  all: 'sales:all',
  byStatus: (status: string) => `sales:status:${status}`,
  bySeller: (sellerId: string) => `seller:${sellerId}:sales`,
  byBidder: (bidderId: string) => `bidder:${bidderId}:sales`,
} as const

/** The standalone auctions' own lists (auction list), kept as before. */
export const indexKeys = {
  all: 'auctions:all',
  byStatus: (status: string) => `auctions:status:${status}`,
  bySeller: (sellerId: string) => `seller:${sellerId}:auctions`,
  byBidder: (bidderId: string) => `bidder:${bidderId}:auctions`,
} as const

/** An operator account's hash: its own tag {<id>}, so each account is one slot. */
export const operatorKey = (id: string): string => `operator:{${id}}`

export const operatorKeys = (id: string) => {
  const account = operatorKey(id)
  return {
    account,
    /** Failed sign-ins in the current window (a counter with a TTL). */
    failures: `${account}:failures`,
    /** Present while sign-ins are refused unchecked; its TTL is the wait. */
    blocked: `${account}:blocked`,
  } as const
}

export const operatorRegistryKeys = {
  /** Every account id: a hint, written after the account; readers skip ids without one. */
  all: 'operators:all',
  /** Set (NX) before any account is created: only the console that sets it makes the first staff. */
  first: 'operators:first',
} as const

/**
 * Where an account's sessions are ended on every console (sign-out, disable, new password):
 * `{"operatorId","epoch","reason"}`; a console ends that account's sign-ins older than epoch.
 */
export const OPERATOR_SESSIONS_CHANNEL = 'operators:sessions'
