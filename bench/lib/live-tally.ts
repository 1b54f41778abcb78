// What the live room section counts: each measured action (started at one console) and each
// time a watching console heard its event. Actions and events meet on a key that both sides
// can name without the other: the lot and, for a bid, the lot's bid count after it (in the
// call's answer and in the event; a bid at the asking price with no maximum adds exactly one
// entry, and the room display's events carry no bids[] nor bidder); for a fair warning, or a
// leader's bid that only raised its own maximum (max_raised: no entry), how many of them the
// lot has had.
import type { SaleChannelEvent } from '../../src/shared/domain'

export const ACTION_KINDS = ['offer', 'floor', 'online', 'warn', 'hammer', 'pass'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const offerKey = (lotId: string): string => `offer:${lotId}`
export const bidKey = (lotId: string, bidCount: number): string => `bid:${lotId}@${bidCount}`
export const raiseKey = (lotId: string, nth: number): string => `raise:${lotId}:${nth}`
export const warnKey = (lotId: string, nth: number): string => `warn:${lotId}:${nth}`
export const hammerKey = (lotId: string): string => `hammer:${lotId}`
export const passKey = (lotId: string): string => `pass:${lotId}`

/** One console watching the sale: when it heard each event, by key (several times = a bug). */
export class Receiver {
  readonly heard = new Map<string, number[]>()
  /** `sale:events` pushes, and `sale:snapshot` pushes (a resync: none expected). */
  pushes = 0
  snapshots = 0
  /** Per lot: how many fair warnings and max_raised it has had (`warn:…`, `raise:…`). */
  private readonly counts = new Map<string, number>()

  constructor(private readonly now: () => number) {}

  onEvents(batch: readonly SaleChannelEvent[]): void {
    const at = this.now()
    this.pushes++
    for (const event of batch) for (const key of this.keysOf(event)) this.note(key, at)
  }

  private note(key: string, at: number): void {
    const times = this.heard.get(key)
    if (times) times.push(at)
    else this.heard.set(key, [at])
  }

  private count(what: string): number {
    const nth = (this.counts.get(what) ?? 0) + 1
    this.counts.set(what, nth)
    return nth
  }

  private keysOf(event: SaleChannelEvent): string[] {
    if (!('lotId' in event) || !('auctionId' in event)) return []
    const lotId = event.lotId
    switch (event.type) {
      case 'lot_offered':
        return [offerKey(lotId)]
      case 'bid_placed':
        return [bidKey(lotId, event.bidCount)]
      case 'max_raised':
        return [raiseKey(lotId, this.count(`raise:${lotId}`))]
      case 'fair_warning':
        return [warnKey(lotId, this.count(`warn:${lotId}`))]
      case 'lot_sold':
        return [hammerKey(lotId)]
      case 'lot_passed':
        return [passKey(lotId)]
      default:
        return []
    }
  }
}

export interface Action {
  kind: ActionKind
  startedAt: number
  answeredAt: number
  ok: boolean
  /** The failure's code when not ok. */
  code?: string
  /** The key of its event; none for a rejected bid. */
  key?: string
}

export interface HeardAt {
  /** Call start → the event at this console, once per action heard (ms). */
  latencies: number[]
  /** Accepted actions whose event never came. */
  missing: number
  /** Events heard more than once (extra copies). */
  duplicates: number
}

export interface KindTally {
  kind: ActionKind
  actions: number
  accepted: number
  rejectedByCode: Record<string, number>
  /** Call start → its answer (ms). */
  callLatencies: number[]
  receivers: Record<string, HeardAt>
}

/** Joins the actions with what each receiver heard; and the events no action explains. */
export function tally(
  actions: readonly Action[],
  receivers: Record<string, Receiver>,
): { kinds: KindTally[]; unexplained: Record<string, number> } {
  const kinds = ACTION_KINDS.map((kind): KindTally => {
    const mine = actions.filter((a) => a.kind === kind)
    const rejectedByCode: Record<string, number> = {}
    for (const a of mine) {
      if (!a.ok) rejectedByCode[a.code ?? '?'] = (rejectedByCode[a.code ?? '?'] ?? 0) + 1
    }
    const heardAt: Record<string, HeardAt> = {}
    for (const [name, receiver] of Object.entries(receivers)) {
      const row: HeardAt = { latencies: [], missing: 0, duplicates: 0 }
      for (const a of mine) {
        if (!a.ok || !a.key) continue
        const times = receiver.heard.get(a.key)
        if (!times) {
          row.missing++
          continue
        }
        row.latencies.push((times[0] as number) - a.startedAt)
        row.duplicates += times.length - 1
      }
      heardAt[name] = row
    }
    return {
      kind,
      actions: mine.length,
      accepted: mine.filter((a) => a.ok).length,
      rejectedByCode,
      callLatencies: mine.map((a) => a.answeredAt - a.startedAt),
      receivers: heardAt,
    }
  })
  const known = new Set(actions.flatMap((a) => (a.ok && a.key ? [a.key] : [])))
  const unexplained: Record<string, number> = {}
  for (const [name, receiver] of Object.entries(receivers)) {
    unexplained[name] = [...receiver.heard.keys()].filter((key) => !known.has(key)).length
  }
  return { kinds, unexplained }
}

/** Every accepted action heard by every receiver (the wait at the end of the run). */
export function allHeard(actions: readonly Action[], receivers: readonly Receiver[]): boolean {
  return actions.every((a) => !a.ok || !a.key || receivers.every((r) => r.heard.has(a.key ?? '')))
}
