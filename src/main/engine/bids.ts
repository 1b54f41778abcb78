// Placing a bid: one script on the lot's sale slot. The bidder registries are hints written
// after it, never awaited.
import { z } from 'zod'
import type { BidAccepted } from '../../shared/domain'
import { AT_ASKING, BID_SOURCES, saleIdOf } from '../../shared/domain'
import type { Failure } from '../../shared/errors'
import { BidderIndex } from './bidder-index'
import { decodeBidAnswer } from './codec'
import { type EngineCore, scriptFailure } from './core'
import { lotHashKey, saleHashKey } from './keys'
import type { ScriptReply } from './scripts'
import { amountSchema, idSchema, invalidInput, type AmountInput } from './validation'

export interface PlaceBidInput {
  auctionId: string
  bidderId: string
  /**
   * Decimal text as typed ("12.50"), integer minor units (1250), or "asking": the lot's asking
   * price when the bid lands (the clerk's floor key: never rejected as stale).
   */
  amount: AmountInput
  max?: AmountInput | null
  requestId?: string | null
  source?: string
  /** Who entered the bid, for the sale's audit log (default: the bidder). */
  operatorId?: string | null
}

const bidInputSchema = z.object({
  auctionId: idSchema,
  bidderId: idSchema,
  amount: amountSchema,
  max: amountSchema.nullish(),
  requestId: z.string().min(1).max(128).nullish(),
  source: z.enum(BID_SOURCES).default('online'),
  operatorId: idSchema.nullish(),
})

/** The bid amount as the script reads it: minor units, decimal text, or the asking price. */
const amountSpec = (value: AmountInput, asking = false): string => {
  if (typeof value === 'number') return `m:${Number.isInteger(value) ? String(value) : 'x'}`
  return asking && value === AT_ASKING ? 'a:' : `d:${value}`
}

export class Bids {
  private readonly bidderIndex: BidderIndex

  constructor(private readonly core: EngineCore) {
    this.bidderIndex = new BidderIndex(core.registry)
  }

  /**
   * Not an async function, and only the two keys built: on a contested lot most bids are
   * rejected at little cost in Redis, and then this side's work is what sets the pace.
   */
  place(raw: PlaceBidInput): Promise<BidAccepted | Failure> {
    const parsed = bidInputSchema.safeParse(raw)
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error))
    const input = parsed.data
    const saleId = saleIdOf(input.auctionId)
    const reply = this.core.run(
      'placeBid',
      [lotHashKey(saleId, input.auctionId), saleHashKey(saleId)],
      [
        this.core.publish,
        input.auctionId,
        input.requestId ?? '',
        input.bidderId,
        amountSpec(input.amount, true),
        input.max === undefined || input.max === null ? '' : amountSpec(input.max),
        input.source,
        input.operatorId ?? '',
      ],
    )
    return reply.then((answer) => this.answer(input, saleId, answer))
  }

  private answer(
    input: { auctionId: string; bidderId: string },
    saleId: string,
    reply: ScriptReply,
  ): BidAccepted | Failure {
    const failure = scriptFailure(reply)
    if (failure) return failure
    const accepted = decodeBidAnswer(input.auctionId, String(reply[1]), reply[0] === 'dup')
    // Scored by end time, so "my lots" reads ending soonest first.
    if (!accepted.duplicate) {
      this.bidderIndex.record(input.bidderId, saleId, input.auctionId, accepted.endsAt ?? 0)
    }
    return accepted
  }
}
