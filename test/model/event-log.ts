// Every event published on the sales' channels of the property test's server, by sale, in
// the order they arrived (one subscriber connection keeps the publish order). On one server
// a pattern subscription hears every sale; on a cluster the channels are sharded (SPUBLISH),
// which has no patterns: each sale's channel is subscribed before its first script runs.
import { expect } from 'vitest'
import { createRedisClient, isCluster, type RedisClient } from '../../src/main/engine'
import { isLotEvent, type Lot, type Sale, type SaleChannelEvent } from '../../src/shared/domain'

const CHANNEL = /^sale:\{(.+)\}:events$/

export class SaleEventLog {
  private readonly bySale = new Map<string, SaleChannelEvent[]>()
  private readonly followed = new Set<string>()

  private constructor(private readonly client: RedisClient) {
    const record = (channel: string, payload: string): void => {
      const saleId = CHANNEL.exec(channel)?.[1]
      if (saleId === undefined) return
      const events = this.bySale.get(saleId) ?? []
      events.push(JSON.parse(payload) as SaleChannelEvent)
      this.bySale.set(saleId, events)
    }
    client.on('pmessage', (_pattern: string, channel: string, payload: string) =>
      record(channel, payload),
    )
    client.on('smessage', record)
  }

  static async open(url: string): Promise<SaleEventLog> {
    const client = createRedisClient({ url }, 'feed')
    await client.connect()
    if (!isCluster(client)) await client.psubscribe('sale:{*}:events')
    return new SaleEventLog(client)
  }

  /** Before a script whose first key is `firstKey`: on a cluster, hear its sale's channel. */
  async follow(firstKey: string): Promise<void> {
    const saleId = /^(?:sale|lot):\{([^}]+)\}/.exec(firstKey)?.[1]
    if (!isCluster(this.client) || saleId === undefined || this.followed.has(saleId)) return
    this.followed.add(saleId)
    await this.client.ssubscribe(`sale:{${saleId}}:events`)
  }

  /** A sale's events so far. */
  of(saleId: string): SaleChannelEvent[] {
    return this.bySale.get(saleId) ?? []
  }

  /** Waits until each sale's latest event has reached its seq. */
  async settle(seqs: Map<string, number>): Promise<void> {
    const behind = () =>
      [...seqs].filter(([saleId, seq]) => (this.of(saleId).at(-1)?.seq ?? 0) < seq).length
    await expect
      .poll(behind, { timeout: 5000, interval: 2, message: 'sales with events still to come' })
      .toBe(0)
  }

  clear(): void {
    this.bySale.clear()
    if (isCluster(this.client) && this.followed.size > 0) {
      // One channel per call: channels of different slots cannot share one SUNSUBSCRIBE.
      for (const id of this.followed) void this.client.sunsubscribe(`sale:{${id}}:events`)
      this.followed.clear()
    }
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect())
  }
}

/**
 * A sale's events against its final state: the sale's seqs run 1, 2, 3… without a gap; each
 * lot event's prevSeq is that lot's previous seq (its lot_added for a lot of a sale, 0 for a
 * standalone auction); each lot's latest event carries the lot's seq and state, and the sale's
 * latest sale-level event its status and lot count.
 */
export function checkSaleEvents(events: SaleChannelEvent[], sale: Sale, lots: Lot[]): void {
  expect(
    events.map((event) => event.seq),
    `seqs of sale ${sale.id}`,
  ).toEqual(Array.from({ length: sale.seq }, (_, i) => i + 1))
  const latest = new Map<string, number>()
  const state = new Map<string, Partial<Lot>>()
  let saleState: { status: string; lotCount: number } | undefined
  for (const event of events) {
    if (!isLotEvent(event)) {
      if (event.type === 'lot_added') latest.set(event.lotId, event.seq)
      saleState = { status: event.status, lotCount: event.lotCount }
      continue
    }
    expect(event.prevSeq, `prevSeq of ${event.type} #${event.seq}`).toBe(
      latest.get(event.lotId) ?? 0,
    )
    latest.set(event.lotId, event.seq)
    state.set(event.lotId, {
      lotStatus: event.lotStatus,
      currentPrice: event.price,
      leaderId: event.leaderId,
      bidCount: event.bidCount,
      reserveMet: event.reserveMet,
      askingPrice: event.askingPrice,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    })
  }
  for (const lot of lots) {
    expect(latest.get(lot.id), `latest seq of lot ${lot.id}`).toBe(lot.seq)
    const last = state.get(lot.id)
    if (last) expect(last, `latest event of lot ${lot.id}`).toEqual(pick(lot, last))
  }
  if (!sale.standalone) {
    expect(saleState).toEqual({ status: sale.status, lotCount: sale.lotCount })
  }
}

const pick = (lot: Lot, like: Partial<Lot>): Partial<Lot> =>
  Object.fromEntries(Object.keys(like).map((key) => [key, lot[key as keyof Lot]]))
