// Section 4: from the placeBid call to the bid's event arriving at a separate subscriber
// connection (the app's own event feed, watching the lot: its sale's channel
// `sale:{id}:events`), at a fixed offered load, on one lot of an open timed sale. Open
// loop: bids are sent on a clock, not when the previous one answered, so a slow answer
// cannot lower the load.
import { performance } from 'node:perf_hooks'
import { openEventFeed } from '../../src/main/engine'
import { saleChannel, saleIdOf } from '../../src/shared/domain'
import { counterBids, placeBid } from '../lib/bids'
import type { BenchContext } from '../lib/context'
import { createDraftSale, startSale } from '../lib/fixtures'
import { Samples, sleep, type LatencySummary } from '../lib/stats'

export interface EventLatency {
  /** Lots in the sale of the lot bid on; its events and theirs share the sale's channel. */
  saleLots: number
  offeredPerSec: number
  seconds: number
  sent: number
  accepted: number
  rejected: number
  received: number
  missing: number
  /** How far the sender fell behind its clock at worst (ms): the load was really offered. */
  maxSendLagMs: number
  latency: LatencySummary
  callLatency: LatencySummary
}

export async function eventLatency(ctx: BenchContext): Promise<EventLatency> {
  const { eventRate: rate, eventMs, warmupMs } = ctx.sizes
  const sale = await createDraftSale(ctx.engine, ctx.sizes.lotsPerSale, {}, 'Event sale')
  await startSale(ctx.engine, sale.saleId)
  const auctionId = sale.lotIds[0] as string
  const channel = saleChannel(saleIdOf(auctionId))
  const sentAt = new Map<number, number>() // price → call time; each accepted bid sets its price
  const events = new Samples()
  const feed = await openEventFeed({ url: ctx.url }, (event, on) => {
    if (event.type !== 'bid_placed' || event.auctionId !== auctionId || on !== channel) return
    const started = sentAt.get(event.price)
    if (started === undefined) return
    events.add(performance.now() - started)
    sentAt.delete(event.price)
  })
  await feed.watch(auctionId)

  const bids = counterBids(1)
  const calls = new Samples()
  const pending: Promise<void>[] = []
  let accepted = 0
  let rejected = 0
  let maxLag = 0
  const warmup = Math.round((rate * warmupMs) / 1000)
  const total = warmup + Math.round((rate * eventMs) / 1000)
  const fire = (index: number, scheduled: number): void => {
    const started = performance.now()
    maxLag = Math.max(maxLag, started - scheduled)
    const bid = bids.next(0)
    if (index >= warmup) sentAt.set(bid.amount, started)
    pending.push(
      placeBid(ctx.engine, auctionId, bid).then((outcome) => {
        if (index < warmup) return
        calls.add(performance.now() - started)
        if (outcome.ok) accepted++
        else rejected++
      }),
    )
  }

  const interval = 1000 / rate
  const start = performance.now()
  let sent = 0
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1)
      while (sent < due) {
        fire(sent, start + sent * interval)
        sent++
      }
      if (sent < total) setTimeout(tick, 1)
      else resolve()
    }
    tick()
  })
  await Promise.all(pending)
  // Events of answered bids are at most a few ms behind their answers.
  for (let waited = 0; waited < 2000 && events.count < accepted; waited += 20) await sleep(20)
  await feed.close()

  const result: EventLatency = {
    saleLots: sale.lotIds.length,
    offeredPerSec: rate,
    seconds: eventMs / 1000,
    sent: total - warmup,
    accepted,
    rejected,
    received: events.count,
    missing: accepted - events.count,
    maxSendLagMs: Math.round(maxLag * 1000) / 1000,
    latency: events.summary(),
    callLatency: calls.summary(),
  }
  ctx.log(
    `events at ${rate}/s: p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms, ` +
      `max ${result.latency.maxMs} ms, ${result.missing} missing`,
  )
  return result
}
