// The global, cross-slot registries: which sales exist, by status and seller, and when the
// scheduler must next look at each. They are hints. Two rules keep lots closing on time
// even when every write after a script is lost (a crash, a failover):
//  - before a script that can make a sale due earlier (create, start), the sale is written
//    to `sales:live` and its due entry is lowered (ZADD LT): a registry entry is never
//    later than the truth;
//  - the repair sweep re-derives every live sale's due time and lists from the sale's own
//    keys. Its cost grows with the number of sales not yet over, not with lots.
import type { Cluster, Redis } from 'ioredis'
import { SALE_STATUSES, type SaleStatus } from '../../shared/domain'
import { AUCTION_STATUSES } from '../../shared/domain'
import { indexKeys, registryKeys, saleKeys } from './keys'
import { serverTimeMs } from './server-time'

/** A sale that a `sales:live` entry names but that does not exist is dropped after this. */
const MISSING_GRACE_MS = 5 * 60_000

const AUCTION_STATUS_OF: Record<SaleStatus, string> = {
  draft: 'draft',
  scheduled: 'scheduled',
  open: 'active',
  closed: 'ended',
  cancelled: 'cancelled',
}

interface SaleSummary {
  id: string
  status: SaleStatus
  sellerId: string
  createdAt: number
  standalone: boolean
}

export interface RegistryOptions {
  /**
   * Fault injection for tests: drop every registry write that follows a script, as a crash
   * right after each script would. The write-ahead entries and the sweep still write.
   */
  dropWritesAfterScripts?: boolean
}

export class Registry {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly options: RegistryOptions = {},
  ) {}

  /** Before a script that may make the sale due: it is live, and due no later than `due`. */
  async announce(saleId: string, due: number | null): Promise<void> {
    await Promise.all([
      this.redis.zadd(registryKeys.live, 'NX', Date.now(), saleId),
      due === null ? null : this.redis.zadd(registryKeys.due, 'LT', due, saleId),
    ])
  }

  /**
   * Before a sale opens: its lots become due, so the scheduler must look at once even if
   * this process dies right after the script. Answers how to take the announcement back
   * when the start is refused, so that a refused command leaves the lists as they were.
   */
  async announceOpening(saleId: string): Promise<() => Promise<void>> {
    const before = await this.redis.zscore(registryKeys.due, saleId)
    await this.announce(saleId, 0)
    return async () => {
      if (before === null) await this.redis.zrem(registryKeys.due, saleId)
      else await this.redis.zadd(registryKeys.due, 'XX', before, saleId)
    }
  }

  /** After a create that failed: drops the announcement, unless the sale exists after all. */
  async forgetUnless(saleId: string): Promise<void> {
    if ((await this.redis.exists(saleKeys(saleId).sale)) === 0) await this.forget(saleId)
  }

  /** After a script changed a sale: its lists follow its status. */
  async refresh(saleId: string): Promise<void> {
    if (this.options.dropWritesAfterScripts) return
    const summary = await this.summary(saleId)
    if (summary) await this.writeLists(summary)
  }

  /** After a scheduler's tick: the due entry moves on, unless someone lowered it meanwhile. */
  async settleDue(
    saleId: string,
    readScore: string,
    nextDue: string,
    settle: (saleId: string, readScore: string, nextDue: string) => Promise<unknown>,
  ): Promise<void> {
    if (this.options.dropWritesAfterScripts) return
    await settle(saleId, readScore, nextDue)
  }

  /** A bidder's standalone auctions or sales, for "my lots"; never awaited on the bid path. */
  async recordBidder(bidderId: string, saleId: string, standalone: boolean, score: number) {
    if (this.options.dropWritesAfterScripts) return
    await this.redis.zadd(
      standalone ? indexKeys.byBidder(bidderId) : registryKeys.byBidder(bidderId),
      score,
      saleId,
    )
  }

  /**
   * Re-derives every live sale's due entry and lists from the sale's own keys; drops sales
   * that are over. Answers how many sales it looked at and how many due entries it fixed.
   */
  async sweep(): Promise<{ sales: number; fixedDue: number }> {
    // To the millisecond: a clock cut to the second could put a due time back that a tick,
    // up to a second later, just took away (a start refused for good, its end passed).
    const now = await serverTimeMs(this.redis)
    const entries = await this.redis.zrange(registryKeys.live, '0', '-1', 'WITHSCORES')
    let fixedDue = 0
    for (let i = 0; i < entries.length; i += 200) {
      const fixed = await Promise.all(
        entries
          .slice(i, i + 200)
          .flatMap((saleId, j, page) =>
            j % 2 === 0 ? [this.repair(saleId, Number(page[j + 1]), now)] : [],
          ),
      )
      fixedDue += fixed.reduce((sum, n) => sum + n, 0)
    }
    return { sales: entries.length / 2, fixedDue }
  }

  /** One live sale: its lists, and its due entry lowered to the truth; 1 when that fixed it. */
  private async repair(saleId: string, liveSince: number, now: number): Promise<number> {
    const [summary, due] = await Promise.all([this.summary(saleId), this.dueOf(saleId, now)])
    if (!summary) {
      // Announced but not (yet) created: its create may still be on its way.
      if (now - liveSince > MISSING_GRACE_MS) await this.forget(saleId)
      return 0
    }
    await this.writeLists(summary)
    if (summary.status === 'closed' || summary.status === 'cancelled') {
      await this.forget(saleId)
      return 0
    }
    if (due === null) return 0
    return this.redis.zadd(registryKeys.due, 'LT', 'CH', due, saleId)
  }

  private async forget(saleId: string): Promise<void> {
    await Promise.all([
      this.redis.zrem(registryKeys.live, saleId),
      this.redis.zrem(registryKeys.due, saleId),
    ])
  }

  /**
   * The sale's next due time from its own keys: its start, or its earliest lot close. A
   * scheduled timed sale whose first close has passed can no longer open: nothing is due.
   */
  private async dueOf(saleId: string, now: number): Promise<number | null> {
    const keys = saleKeys(saleId)
    const [[status, startsAt, mode, firstCloseAt], first] = await Promise.all([
      this.redis.hmget(keys.sale, 'status', 'startsAt', 'mode', 'firstCloseAt'),
      this.redis.zrange(keys.closing, '0', '0', 'WITHSCORES'),
    ])
    if (status === 'scheduled' && startsAt) {
      const missed = mode === 'timed' && firstCloseAt && Number(firstCloseAt) <= now
      return missed ? null : Number(startsAt)
    }
    if (status === 'open' && first[1] !== undefined) return Number(first[1])
    return null
  }

  private async summary(saleId: string): Promise<SaleSummary | null> {
    const [status, sellerId, createdAt, standalone] = await this.redis.hmget(
      saleKeys(saleId).sale,
      'status',
      'sellerId',
      'createdAt',
      'standalone',
    )
    if (!status || !sellerId) return null
    return {
      id: saleId,
      status: status as SaleStatus,
      sellerId,
      createdAt: Number(createdAt),
      standalone: standalone === '1',
    }
  }

  private async writeLists(sale: SaleSummary): Promise<void> {
    const writes: Promise<unknown>[] = [
      this.redis.zadd(registryKeys.all, sale.createdAt, sale.id),
      this.redis.zadd(registryKeys.bySeller(sale.sellerId), sale.createdAt, sale.id),
      this.redis.zadd(registryKeys.byStatus(sale.status), sale.createdAt, sale.id),
      ...SALE_STATUSES.filter((s) => s !== sale.status).map((s) =>
        this.redis.zrem(registryKeys.byStatus(s), sale.id),
      ),
    ]
    if (sale.standalone) {
      // A standalone auction also keeps the auction lists of `auction list`.
      const status = AUCTION_STATUS_OF[sale.status]
      writes.push(
        this.redis.zadd(indexKeys.all, sale.createdAt, sale.id),
        this.redis.zadd(indexKeys.bySeller(sale.sellerId), sale.createdAt, sale.id),
        this.redis.zadd(indexKeys.byStatus(status), sale.createdAt, sale.id),
        ...AUCTION_STATUSES.filter((s) => s !== status).map((s) =>
          this.redis.zrem(indexKeys.byStatus(s), sale.id),
        ),
      )
    }
    await Promise.all(writes)
  }
}
