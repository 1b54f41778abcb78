// `bid ID …` and `history ID …`
import type { Failure } from '../../../shared/errors'
import type { AuctionEngine } from '../../engine'
import { check, limitSchema, parse, positiveIntSchema } from '../args'
import { UsageError } from '../output'

type Answer = Promise<{ ok: true } | Failure>

export async function bid(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    {
      bidder: { type: 'string' },
      amount: { type: 'string' },
      max: { type: 'string' },
      'request-id': { type: 'string' },
      source: { type: 'string' },
    },
    1,
  )
  if (typeof values.bidder !== 'string') throw new UsageError('--bidder is required', 'bidder')
  if (typeof values.amount !== 'string') throw new UsageError('--amount is required', 'amount')
  // Amounts go to the bid script as text: it checks them against the auction's currency.
  return engine.placeBid({
    auctionId: positionals[0] as string,
    bidderId: values.bidder,
    amount: values.amount,
    max: values.max as string | undefined,
    requestId: values['request-id'] as string | undefined,
    source: (values.source as string | undefined) ?? 'online',
  })
}

export async function history(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { limit: { type: 'string' }, before: { type: 'string' } },
    1,
  )
  return engine.history(positionals[0] as string, {
    limit: values.limit === undefined ? 50 : check(limitSchema, values.limit, 'limit'),
    before:
      values.before === undefined ? undefined : check(positiveIntSchema, values.before, 'before'),
  })
}
