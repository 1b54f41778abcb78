// The room of the live sale section, in its own Node process as browser tabs would be (so
// their work does not slow the server they measure), each with the renderer's WebSocket
// client over the `ws` package: clerk console A (staff) runs the sale, bidder tab C (role
// bidder, its paddle as operator id) bids online, clerk console B (staff) and the room
// display D watch it. D opens the display-only link when `display:link` gives one, else a
// plain session without a profile. Every console watches the sale (`sales:watch`), as their
// pages do; B and D timestamp each event. All clocks are this process's. Started by
// bench/sections/live-room.ts with a JSON config as argv[2]; talks over the IPC channel.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { BidAccepted, Lot } from '../src/shared/domain'
import type { Failure } from '../src/shared/errors'
import { LOT_STEPS, planSale, type LiveBidSource, type LotPlan } from './lib/live-plan'
import {
  allHeard,
  bidKey,
  hammerKey,
  offerKey,
  passKey,
  raiseKey,
  Receiver,
  tally,
  warnKey,
  type Action,
  type ActionKind,
  type KindTally,
} from './lib/live-tally'
import { signInAs } from '../test/support/operators'
import { connect, openDisplay } from './lib/room-sockets'
import { sleep } from './lib/stats'

export interface LiveConsolesConfig {
  socketUrl: string
  /** Where the consoles' operator accounts are made before they sign in. */
  redisUrl: string
  saleId: string
  /** In catalogue order: the order they are offered. */
  lotIds: string[]
  lotMs: number
  bidsPerLot: number
  passEvery: number
}

export interface LiveConsolesReport {
  /** 'display link' or 'plain session', and why when plain. */
  display: string
  displayNote: string
  kinds: KindTally[]
  /** Bursts (2–3 bids within a few ms) and the bids in them. */
  bursts: number
  burstBids: number
  /** Bids from C sent just as the hammer fell, and how they were answered. */
  lateBids: number
  lateRejectedByCode: Record<string, number>
  /** Per receiver: events heard that no action of this run explains (must be 0). */
  unexplained: Record<string, number>
  pushes: Record<string, number>
  snapshots: Record<string, number>
  /** How late an action was sent at worst (ms): the pace was really kept. */
  maxLagMs: number
  /** From the first offer to the last hammer. */
  elapsedMs: number
  /** This process over that time, % of one core. */
  cpuPct: number
}

const CLERK = { displayName: 'Bench clerk A', operatorId: 'clerk-a', role: 'staff' } as const
const SECOND_CLERK = { displayName: 'Bench clerk B', operatorId: 'clerk-b', role: 'staff' } as const
const PADDLE = 'paddle-7'
const BIDDER = { displayName: 'Bench bidder', operatorId: PADDLE, role: 'bidder' } as const
/** The paddle the clerk gives at the hammer when the floor leads. */
const ROOM_PADDLE = 'room-42'

const isFailure = (result: { ok: boolean }): result is Failure => !result.ok

const must = <T extends { ok: boolean }>(what: string, result: T): T => {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`)
  return result
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as LiveConsolesConfig
  const sockets = await Promise.all([1, 2, 3].map(() => connect(config.socketUrl)))
  const [a, b, c] = sockets
  if (!a || !b || !c) throw new Error('a console could not connect')
  await signInAs(a, CLERK, config.redisUrl)
  await signInAs(b, SECOND_CLERK, config.redisUrl)
  await signInAs(c, BIDDER, config.redisUrl)
  const display = await openDisplay(a, config)
  const d = display.api

  const now = (): number => performance.now()
  const receivers = { B: new Receiver(now), D: new Receiver(now) }
  b.on('sale:events', (batch) => receivers.B.onEvents(batch))
  d.on('sale:events', (batch) => receivers.D.onEvents(batch))
  // A resync in the run (not a snapshot a session may get as it opens) would hide events.
  let measuring = false
  b.on('sale:snapshot', () => {
    if (measuring) receivers.B.snapshots++
  })
  d.on('sale:snapshot', () => {
    if (measuring) receivers.D.snapshots++
  })
  for (const api of [a, b, c]) {
    must('sales:watch', await api.call('sales:watch', { saleId: config.saleId }))
  }
  const watched = await d.call('sales:watch', { saleId: config.saleId })
  if (!watched.ok) {
    // A display session may be bound to its sale already; whether its events come is what
    // the run counts.
    if (display.display !== 'display link') must('sales:watch D', watched)
    display.note += `; sales:watch: ${watched.error.code}`
  }
  process.send?.({ type: 'ready' })
  await new Promise<void>((resolve) => process.once('message', () => resolve()))
  measuring = true

  const actions: Action[] = []
  /** Runs one measured call; `keyOf` names its event from the answer (none: no event). */
  const measure = async <R extends { ok: true } | Failure>(
    kind: ActionKind,
    call: () => Promise<R>,
    keyOf: (answer: Exclude<R, Failure>) => string | undefined,
  ): Promise<R> => {
    const startedAt = now()
    const result = await call()
    const answeredAt = now()
    actions.push(
      isFailure(result)
        ? { kind, startedAt, answeredAt, ok: false, code: result.error.code }
        : { kind, startedAt, answeredAt, ok: true, key: keyOf(result as Exclude<R, Failure>) },
    )
    return result
  }

  let maxLag = 0
  let bursts = 0
  let burstBids = 0
  let lateBids = 0
  const lateRejectedByCode: Record<string, number> = {}
  const plans = planSale(config.lotIds, config)
  const start = now()
  /** Waits until `ms` after `from`, and notes how late it woke. */
  const until = async (from: number, ms: number): Promise<void> => {
    const due = from + ms
    if (due > now()) await sleep(due - now())
    maxLag = Math.max(maxLag, now() - due)
  }

  const runLot = async (plan: LotPlan, lotStart: number): Promise<void> => {
    const { lotId } = plan
    // The leader as the answers tell it (the one with the most bids so far).
    let leader = { bidCount: 0, leaderId: '' }
    let raises = 0
    const bid = (source: LiveBidSource): Promise<unknown> => {
      // A bid at the asking price from the leader raises its maximum: an event, no entry.
      // Answers come in the order the server ran the bids, as the events do.
      const answer = (r: BidAccepted): string | undefined => {
        if (r.bidCount > leader.bidCount) leader = r
        return r.result === 'max_raised' ? raiseKey(lotId, ++raises) : bidKey(lotId, r.bidCount)
      }
      if (source === 'floor') {
        return measure(
          'floor',
          () => a.call('lots:floor', { lotId, requestId: randomUUID() }),
          answer,
        )
      }
      return measure(
        'online',
        () =>
          c.call('bids:place', {
            auctionId: lotId,
            bidderId: PADDLE,
            amount: 'asking',
            requestId: randomUUID(),
            source: 'online',
          }),
        answer,
      )
    }
    /** A single bid: the bidder does not bid against itself; a burst may. */
    const single = (source: LiveBidSource): Promise<unknown> =>
      bid(source === 'online' && leader.leaderId === PADDLE ? 'floor' : source)

    await until(lotStart, 0)
    must(
      `lots:offer ${lotId}`,
      await measure(
        'offer',
        () => a.call('lots:offer', { saleId: config.saleId, lotId }),
        () => offerKey(lotId),
      ),
    )
    if (plan.pass) {
      await until(lotStart, LOT_STEPS.pass * config.lotMs)
      must(
        `lots:pass ${lotId}`,
        await measure(
          'pass',
          () => a.call('lots:pass', { lotId }),
          () => passKey(lotId),
        ),
      )
      return
    }
    const pending: Promise<unknown>[] = []
    for (const group of plan.groups) {
      await until(lotStart, group.atMs)
      if (group.sources.length === 1) {
        pending.push(single(group.sources[0] as LiveBidSource))
        continue
      }
      bursts++
      burstBids += group.sources.length
      for (const [i, source] of group.sources.entries()) {
        const gap = i === 0 ? 0 : (group.gapsMs[i - 1] as number)
        if (gap > 0) await sleep(gap)
        pending.push(bid(source))
      }
    }
    await Promise.all(pending)
    let warnings = 0
    const warn = async (): Promise<Lot> => {
      const nth = ++warnings
      const result = must(
        `lots:warn ${lotId}`,
        await measure(
          'warn',
          () => a.call('lots:warn', { lotId }),
          () => warnKey(lotId, nth),
        ),
      )
      return (result as { lot: Lot }).lot
    }
    await until(lotStart, LOT_STEPS.warning * config.lotMs)
    let lot = await warn()
    if (plan.bidAfterWarning) {
      await until(lotStart, LOT_STEPS.bidAfterWarning * config.lotMs)
      await single('online')
      await until(lotStart, LOT_STEPS.secondWarning * config.lotMs)
      lot = await warn()
    }
    await until(lotStart, LOT_STEPS.hammer * config.lotMs)
    const paddle = lot.leaderId === 'floor' ? { paddle: ROOM_PADDLE } : {}
    must(
      `lots:hammer ${lotId}`,
      await measure(
        'hammer',
        () => a.call('lots:hammer', { lotId, ...paddle }),
        () => hammerKey(lotId),
      ),
    )
    if (plan.lateBid) {
      // The bidder clicked as the hammer fell: its bid reaches the server just after.
      lateBids++
      const late = await c.call('bids:place', {
        auctionId: lotId,
        bidderId: PADDLE,
        amount: 'asking',
        requestId: randomUUID(),
        source: 'online',
      })
      const code = late.ok ? 'ACCEPTED' : late.error.code
      lateRejectedByCode[code] = (lateRejectedByCode[code] ?? 0) + 1
    }
  }

  process.send?.({ type: 'measuring' })
  const cpuStart = process.cpuUsage()
  for (const [i, plan] of plans.entries()) await runLot(plan, start + i * config.lotMs)
  const elapsedMs = now() - start
  const cpu = process.cpuUsage(cpuStart)
  // Events of answered actions are at most a few ms behind their answers.
  const listening = [receivers.B, receivers.D]
  for (let waited = 0; waited < 3000 && !allHeard(actions, listening); waited += 20) {
    await sleep(20)
  }
  for (const api of [a, b, c, d]) api.close()
  const { kinds, unexplained } = tally(actions, receivers)
  const report: LiveConsolesReport = {
    display: display.display,
    displayNote: display.note,
    kinds,
    bursts,
    burstBids,
    lateBids,
    lateRejectedByCode,
    unexplained,
    pushes: { B: receivers.B.pushes, D: receivers.D.pushes },
    snapshots: { B: receivers.B.snapshots, D: receivers.D.snapshots },
    maxLagMs: maxLag,
    elapsedMs,
    cpuPct: Math.round((cpu.user + cpu.system) / 10 / elapsedMs),
  }
  process.send?.({ type: 'done', report }, () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
