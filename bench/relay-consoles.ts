// The two consoles of the relay section, in their own Node process as browser tabs would be
// (so their work does not slow the server they measure). Both use the renderer's WebSocket
// client over the `ws` package. Console A places bids with `bids:place`; console B watches
// the sales (`sales:watch`, as the sale page does) and timestamps each bid_placed in its
// `sale:events` pushes. Both clocks are this process's. Started by
// bench/sections/relay-events.ts with a JSON config as argv[2]; talks over the IPC channel.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import {
  createWebSocketApi,
  type SocketLike,
  type WebSocketApi,
} from '../src/renderer/src/api/ws-client'
import { minorToDecimal } from '../src/shared/money'
import { counterBids } from './lib/bids'
import { signInAs } from '../test/support/operators'
import { socketOptions } from './lib/room-sockets'

export interface ConsolesConfig {
  socketUrl: string
  /** Where the consoles' operator accounts are made before they sign in. */
  redisUrl: string
  saleIds: string[]
  /** Bids go round-robin over these lots (lot ids are auction ids). */
  lotIds: string[]
  rate: number
  warmupMs: number
  durationMs: number
}

export interface ConsolesReport {
  sent: number
  accepted: number
  rejected: number
  /** `sale:events` pushes that B got while measured bids were in flight. */
  pushes: number
  /** How late the sender was at worst in the window (ms). */
  maxSendLagMs: number
  /** This process from the first bid to the last answer, % of one core. */
  cpuPct: number
  /** bids:place sent at A → bid_placed at B, one per event received (ms). */
  eventLatencies: number[]
  /** bids:place sent at A → its answer at A (ms). */
  callLatencies: number[]
  /**
   * bid_placed at B − the answer at A, per accepted bid (ms): what the relay adds to the
   * bid's own path (Redis sends both in the same turn). Negative when the event came first.
   */
  hopLatencies: number[]
}

async function connect(address: string): Promise<WebSocketApi> {
  const api = createWebSocketApi({
    ...socketOptions(address),
    createSocket: (target) => new WebSocket(target) as unknown as SocketLike,
  })
  // The server's first push on every connection is its state.
  await new Promise<void>((resolve) => {
    const off = api.on('connection:state', () => {
      off()
      resolve()
    })
  })
  return api
}

/**
 * Open loop: call `fire(i, lag)` when bid i is due (`dueMs(i)` after the start, rising),
 * not when earlier calls answer, so slow answers cannot lower the load. Resolves once
 * every call has settled; `lag` is how late the sender was.
 */
async function openLoop(
  count: number,
  dueMs: (index: number) => number,
  fire: (index: number, lag: number) => Promise<void>,
): Promise<void> {
  const calls: Promise<void>[] = []
  const start = performance.now()
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = performance.now() - start
      while (calls.length < count && dueMs(calls.length) <= elapsed) {
        calls.push(fire(calls.length, elapsed - dueMs(calls.length)))
      }
      if (calls.length < count) setTimeout(tick, 1)
      else resolve()
    }
    tick()
  })
  await Promise.all(calls)
}

const must = <T extends { ok: boolean }>(what: string, result: T): void => {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`)
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ConsolesConfig
  const [a, b] = await Promise.all([connect(config.socketUrl), connect(config.socketUrl)])
  const clerk = { displayName: 'Bench clerk', operatorId: 'clerk', role: 'staff' } as const
  await Promise.all([a, b].map((api) => signInAs(api, clerk, config.redisUrl)))

  const sentAt = new Map<string, number>() // lot:price → send time; each accepted bid sets one
  const eventLatencies: number[] = []
  // The event at B and the answer at A of one bid, whichever came first (lot:price → time).
  const heardAt = new Map<string, number>()
  const answeredAt = new Map<string, number>()
  const hopLatencies: number[] = []
  let pushes = 0
  b.on('sale:events', (batch) => {
    const now = performance.now()
    if (sentAt.size > 0) pushes++
    for (const event of batch) {
      if (event.type !== 'bid_placed') continue
      const key = `${event.auctionId}:${event.price}`
      const started = sentAt.get(key)
      if (started === undefined) continue
      eventLatencies.push(now - started)
      sentAt.delete(key)
      const answered = answeredAt.get(key)
      if (answered === undefined) heardAt.set(key, now)
      else {
        hopLatencies.push(now - answered)
        answeredAt.delete(key)
      }
    }
  })
  for (const saleId of config.saleIds) must('sales:watch', await b.call('sales:watch', { saleId }))
  process.send?.({ type: 'ready' })
  await new Promise<void>((resolve) => process.once('message', () => resolve()))

  const { lotIds, rate } = config
  const bids = counterBids(lotIds.length)
  const callLatencies: number[] = []
  let accepted = 0
  let rejected = 0
  let maxLag = 0
  let measuring = false
  const fire = (index: number, lag: number): Promise<void> => {
    const lot = index % lotIds.length
    const auctionId = lotIds[lot] as string
    const bid = bids.next(lot)
    const started = performance.now()
    const measured = measuring
    const key = `${auctionId}:${bid.amount}`
    if (measured) {
      maxLag = Math.max(maxLag, lag)
      sentAt.set(key, started)
    }
    const call = a.call('bids:place', {
      auctionId,
      bidderId: bid.bidderId,
      amount: minorToDecimal(bid.amount, 2),
      requestId: randomUUID(),
      source: 'online',
    })
    return call.then((result) => {
      if (!measured) return
      const now = performance.now()
      callLatencies.push(now - started)
      if (!result.ok) return void rejected++
      accepted++
      const heard = heardAt.get(key)
      if (heard === undefined) answeredAt.set(key, now)
      else {
        hopLatencies.push(heard - now)
        heardAt.delete(key)
      }
    })
  }

  // Warm-up: the rate ramps up from 0 (bid i is due at √(2·T·i/rate)), so a cold JIT does
  // not start with a backlog it cannot clear; then the window starts from an idle server.
  const perMs = rate / 1000
  const warmup = Math.round((perMs * config.warmupMs) / 2)
  await openLoop(warmup, (i) => Math.sqrt((2 * config.warmupMs * i) / perMs), fire)
  await new Promise((resolve) => setTimeout(resolve, 200))
  measuring = true
  process.send?.({ type: 'measuring' })
  const total = Math.round(perMs * config.durationMs)
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  await openLoop(total, (i) => i / perMs, fire)
  const cpu = process.cpuUsage(cpuStart)
  const cpuPct = Math.round((cpu.user + cpu.system) / 10 / (performance.now() - start))
  // Events of answered bids are at most a few ms behind their answers.
  for (let waited = 0; waited < 2000 && eventLatencies.length < accepted; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  a.close()
  b.close()
  const report: ConsolesReport = {
    sent: total,
    accepted,
    rejected,
    pushes,
    maxSendLagMs: maxLag,
    cpuPct,
    eventLatencies,
    callLatencies,
    hopLatencies,
  }
  process.send?.({ type: 'done', report }, () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
