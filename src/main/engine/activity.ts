// Who did what to a sale or a lot, and when, for staff: the scripts keep who started,
// closed and cancelled a sale and who closed, withdrew or reopened a lot beside the times
// they already keep; the newest audit log entry says what happened last.
import type { Cluster, Redis } from 'ioredis'
import type { LotActivity, SaleActivity } from '../../shared/domain'
import { readLog } from './audit-log'
import { lotKeys, saleKeys } from './keys'

type Client = Redis | Cluster

const text = (value: string | null | undefined): string | null => (value ? value : null)
const ms = (value: string | null | undefined): number | null => (value ? Number(value) : null)

export async function saleActivity(redis: Client, saleId: string): Promise<SaleActivity | null> {
  const [fields, last] = await Promise.all([
    redis.hmget(
      saleKeys(saleId).sale,
      'createdBy',
      'sellerId',
      'createdAt',
      'startedBy',
      'startsAt',
      'closedBy',
      'closedAt',
      'cancelledBy',
      'cancelledAt',
      'status',
    ),
    readLog(redis, saleId, 1),
  ])
  const [createdBy, sellerId, createdAt, startedBy, startsAt, closedBy, closedAt, ...rest] = fields
  const [cancelledBy, cancelledAt, status] = rest
  if (!sellerId) return null
  const started = status !== 'draft' && status !== 'scheduled'
  const entry = last.at(-1)
  return {
    createdBy: createdBy || sellerId,
    createdAt: Number(createdAt),
    // A sale cancelled before it opened has a start time it never reached.
    startedBy: started ? text(startedBy) : null,
    startedAt: started && startedBy ? ms(startsAt) : null,
    closedBy: text(closedBy),
    closedAt: ms(closedAt),
    cancelledBy: text(cancelledBy),
    cancelledAt: ms(cancelledAt),
    lastAction: entry
      ? { action: entry.action, operator: entry.operator, at: entry.at, lotId: entry.lotId }
      : null,
  }
}

export async function lotActivity(redis: Client, lotId: string): Promise<LotActivity | null> {
  const [id, closedBy, endedAt, withdrawnBy, cancelledAt, reopenedBy, reopenedAt] =
    await redis.hmget(
      lotKeys(lotId).lot,
      'id',
      'closedBy',
      'endedAt',
      'withdrawnBy',
      'cancelledAt',
      'reopenedBy',
      'reopenedAt',
    )
  if (!id) return null
  return {
    closedBy: text(closedBy),
    closedAt: closedBy ? ms(endedAt) : null,
    withdrawnBy: text(withdrawnBy),
    withdrawnAt: withdrawnBy ? ms(cancelledAt) : null,
    reopenedBy: text(reopenedBy),
    reopenedAt: ms(reopenedAt),
  }
}
