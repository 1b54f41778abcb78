// The script of the live room section: what happens on each lot of a simulated live sale, at
// the pace of a fast room, time-compressed. From a fixed seed, so every run plays the same
// sale. Times are fractions of the lot's slot (the real room's 30 s, compressed to `lotMs`),
// except inside a burst: bids that come together come within a few real milliseconds.

/** Who a bid comes from: the clerk's floor key at console A, or the bidder's tab C. */
export type LiveBidSource = 'floor' | 'online'

export interface BidGroup {
  /** From the lot's start (ms). */
  atMs: number
  /** One bid, or a burst of 2–3. */
  sources: LiveBidSource[]
  /** Within a burst, the gap before each bid after the first (0–3 ms; 0 is the same tick). */
  gapsMs: number[]
}

export interface LotPlan {
  lotId: string
  /** No bid comes: the lot is offered and passed. */
  pass: boolean
  groups: BidGroup[]
  /** One more bid after the fair warning (it clears the warning), then a second warning. */
  bidAfterWarning: boolean
  /** The bidder's tab bids just as the hammer falls: rejected (LOT_CLOSED). */
  lateBid: boolean
}

/** When each step of a lot happens, as a fraction of its slot. */
export const LOT_STEPS = {
  bidsFrom: 0.05,
  bidsUntil: 0.72,
  warning: 0.78,
  bidAfterWarning: 0.84,
  secondWarning: 0.88,
  hammer: 0.94,
  pass: 0.8,
} as const

/** The real room's pace: a lot every 30 s. */
export const REAL_LOT_MS = 30_000

/** One group in this many is a burst. */
const BURST_EVERY = 4
/** Every this many lots, a bid after the fair warning; and a bid as the hammer falls. */
const BID_AFTER_WARNING_EVERY = 3
const LATE_BID_EVERY = 5

/** mulberry32: a small seeded generator, so the sale is the same in every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface PlanOptions {
  lotMs: number
  /** About this many bids per sold lot (± 2). */
  bidsPerLot: number
  /** Every this many lots, one gets no bid and passes. */
  passEvery: number
  seed?: number
}

export function planSale(lotIds: readonly string[], options: PlanOptions): LotPlan[] {
  const random = seeded(options.seed ?? 20261204)
  const source = (): LiveBidSource => (random() < 0.5 ? 'floor' : 'online')
  return lotIds.map((lotId, index) => {
    const lotNumber = index + 1
    const pass = lotNumber % options.passEvery === 0
    const groups: BidGroup[] = []
    if (!pass) {
      let bids = options.bidsPerLot - 2 + Math.floor(random() * 5)
      const sizes: number[] = []
      while (bids > 0) {
        const size = random() < 1 / BURST_EVERY ? Math.min(bids, 2 + Math.floor(random() * 2)) : 1
        sizes.push(size)
        bids -= size
      }
      const span = (LOT_STEPS.bidsUntil - LOT_STEPS.bidsFrom) * options.lotMs
      const step = span / sizes.length
      sizes.forEach((size, i) => {
        const jitter = (random() - 0.5) * step * 0.5
        groups.push({
          atMs: LOT_STEPS.bidsFrom * options.lotMs + step * (i + 0.5) + jitter,
          sources: Array.from({ length: size }, source),
          gapsMs: Array.from({ length: size - 1 }, () => Math.floor(random() * 4)),
        })
      })
    }
    return {
      lotId,
      pass,
      groups,
      bidAfterWarning: !pass && lotNumber % BID_AFTER_WARNING_EVERY === 0,
      lateBid: !pass && lotNumber % LATE_BID_EVERY === 0,
    }
  })
}
