// `kill -9` of a Sentinel group's primary while 4 engines (each its own client on the sentinel
// URL) bid continuously on 3 live lots, retrying "not now" answers with the same request id.
// Checked: every client and a real console (web server, ConnectionManager, relay) are live on
// the new primary within 10 s of the kill, the console's relay pushes a fresh snapshot and then
// live events of a watched lot; with durability `replicated` no acknowledged bid is lost, with
// `local` the number lost is reported (and the histories stay consistent).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuctionEngine, connectRedis, type RedisClient } from '../../src/main/engine'
import type { Durability } from '../../src/main/engine/durability'
import type { ConnectionStatus } from '../../src/shared/contract'
import { liveAuction } from '../support/engine'
import { ensureOperator, TEST_PASSWORD } from '../support/operators'
import { nodeCommand } from '../support/redis-cluster'
import { startSentinelGroup, type SentinelGroup } from '../support/redis-sentinel'
import {
  connectClient,
  staff,
  startConsole,
  type TestClient,
  type TestConsole,
} from '../shell/support'
import { bidContinuously, checkHistories, newStats, sleep, type AckedBid } from './support/bidding'

const CLIENTS = 4
const LOTS = 3
const LIVE_AGAIN_MS = 10_000
/** Bidding before the kill, and after every client is back. */
const BEFORE_KILL_MS = 1500
const AFTER_BACK_MS = 1000

interface Scenario {
  group: SentinelGroup
  console: TestConsole
  clerk: TestClient
  engines: AuctionEngine[]
  clients: RedisClient[]
}

async function setUp(durability: Durability): Promise<Scenario> {
  const group = await startSentinelGroup()
  const clients: RedisClient[] = []
  const engines: AuctionEngine[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const redis = await connectRedis({ url: group.url, connectionName: `bidder-${i}` })
    clients.push(redis)
    engines.push(new AuctionEngine(redis, { durability, replicationTimeoutMs: 500 }))
  }
  // The console runs on the sentinel URL too; its account is made on the primary directly
  // (the test helper's plain ioredis client does not speak redis+sentinel://).
  const server = await startConsole({ redisUrl: group.url })
  const clerk = await connectClient(server)
  const profile = staff()
  await ensureOperator(`redis://127.0.0.1:${group.primary.port}`, profile)
  const signedIn = await clerk.api.call('auth:signIn', {
    operatorId: profile.operatorId,
    password: TEST_PASSWORD,
  })
  if (!signedIn.ok) throw new Error(`sign-in: ${JSON.stringify(signedIn.error)}`)
  return { group, console: server, clerk, engines, clients }
}

async function replicaOf(port: number, primaryPort: number): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      await nodeCommand(port, 'REPLICAOF', '127.0.0.1', String(primaryPort))
      return
    } catch (error) {
      // LOADING while it reads its append-only file back.
      if (Date.now() > deadline) throw error
      await sleep(50)
    }
  }
}

async function tearDown(scenario: Scenario | undefined): Promise<void> {
  if (!scenario) return
  scenario.clerk.close()
  await scenario.console.stop()
  for (const client of scenario.clients) client.disconnect()
  await scenario.group.stop()
}

interface Outcome {
  acked: AckedBid[]
  lost: AckedBid[]
  /** Per client: kill → its first acknowledged bid sent after the kill. */
  backAfterMs: number[]
  consoleLiveAfterMs: number
  retried: Map<string, number>
}

async function failover(scenario: Scenario, label: string): Promise<Outcome> {
  const { group, clerk, engines } = scenario
  const [first] = engines
  if (!first) throw new Error('no engine')
  const lots: string[] = []
  for (let i = 0; i < LOTS; i++) lots.push((await liveAuction(first, { title: `lot ${i}` })).id)

  // The console watches the first lot; its connection states are timed as they arrive.
  const watched = await clerk.api.call('auctions:watch', { auctionId: lots[0] as string })
  if (!watched.ok) throw new Error(`watch: ${watched.error.message}`)
  const states: { state: ConnectionStatus['state']; at: number }[] = []
  clerk.api.on('connection:state', (status) => states.push({ state: status.state, at: Date.now() }))

  const stats = newStats()
  let running = true
  const bidding = bidContinuously(engines, lots, stats, () => running)
  await sleep(BEFORE_KILL_MS)
  const ackedBeforeKill = stats.acked.length

  const oldPort = await group.primaryPort()
  const mark = clerk.pushes.length
  await group.killPrimary()
  const killedAt = Date.now()
  const newPort = await group.waitForFailover(oldPort, 15_000)
  // One replica only: `replicated` needs the old primary back, as a replica, to acknowledge.
  // An operator restarts it pointing at the new primary (the sentinels would convert it too,
  // but only after holding off ~8 s to see whether it still claims to be the primary).
  await group.restart(oldPort)
  await replicaOf(oldPort, newPort)

  // Every client: its first acknowledged bid sent after the kill went to the new primary.
  const backAt = async (client: number): Promise<number> => {
    for (;;) {
      const bid = stats.acked.find((b) => b.client === client && b.attemptAt > killedAt)
      if (bid) return bid.ackedAt - killedAt
      if (Date.now() - killedAt > 30_000) return Infinity
      await sleep(20)
    }
  }
  const backAfterMs = await Promise.all(engines.map((_, client) => backAt(client)))

  // The console: reconnecting, then live again; a fresh snapshot, then live events.
  await clerk.waitFor('connection:state', (s) => s.state !== 'live', mark)
  await clerk.waitFor('connection:state', (s) => s.state === 'live', mark)
  const liveAt = states.find((s) => s.state === 'live' && s.at > killedAt)?.at ?? Infinity
  const snapshot = await clerk.waitFor(
    'auction:snapshot',
    ({ auction }) => auction.id === lots[0],
    mark,
  )
  const afterSnapshot = clerk.pushes.findIndex(
    (p) => p.name === 'auction:snapshot' && p.payload.auction === snapshot.auction,
  )
  const events = await clerk.waitFor(
    'auction:events',
    (batch) => batch.some((e) => e.auctionId === lots[0] && e.seq > snapshot.auction.seq),
    afterSnapshot,
  )
  const relayed = events.find((e) => e.auctionId === lots[0] && e.type === 'bid_placed')
  const relayedBidder = relayed?.type === 'bid_placed' ? relayed.bidderId : undefined

  await sleep(AFTER_BACK_MS)
  running = false
  await bidding

  expect(stats.unexpected).toEqual([])
  expect(ackedBeforeKill).toBeGreaterThan(0)
  expect(newPort).not.toBe(oldPort)
  expect(relayedBidder).toMatch(/^bidder-c\d+-\d+$/)
  // The relayed event follows the snapshot's state: the console resumed from the new primary.
  expect(relayed && relayed.seq).toBeGreaterThan(snapshot.auction.seq)

  const consistency = await checkHistories(first, lots, stats.acked)
  expect(consistency.duplicated).toEqual([])
  expect(consistency.notIncreasing).toEqual([])
  expect(consistency.wrongPrice).toEqual([])
  // Lost bids are acknowledged ones missing from the store: a subset of the acknowledged.
  expect(consistency.lost.every((bid) => stats.acked.includes(bid))).toBe(true)
  // Only the old primary can have lost a bid: each lost one was sent before the kill.
  expect(consistency.lost.filter((bid) => bid.attemptAt >= killedAt)).toEqual([])

  const outcome: Outcome = {
    acked: stats.acked,
    lost: consistency.lost,
    backAfterMs,
    consoleLiveAfterMs: liveAt - killedAt,
    retried: stats.retried,
  }
  console.log(
    `sentinel failover, ${label} durability: ${outcome.lost.length} of ${outcome.acked.length} ` +
      `acknowledged bids lost; clients acknowledged again after ${backAfterMs.join('/')} ms, ` +
      `console live after ${outcome.consoleLiveAfterMs} ms; retried answers ` +
      `${JSON.stringify(Object.fromEntries(stats.retried))}; ` +
      `${consistency.unacknowledged} stored bids were never acknowledged`,
  )
  return outcome
}

describe('sentinel failover, durability replicated', () => {
  let scenario: Scenario | undefined
  beforeAll(async () => {
    scenario = await setUp('replicated')
  }, 30_000)
  afterAll(() => tearDown(scenario), 30_000)

  it('every client and the console are live again within 10 s; no acknowledged bid is lost', async () => {
    if (!scenario) throw new Error('no scenario')
    const outcome = await failover(scenario, 'replicated')
    for (const ms of outcome.backAfterMs) expect(ms).toBeLessThan(LIVE_AGAIN_MS)
    expect(outcome.consoleLiveAfterMs).toBeLessThan(LIVE_AGAIN_MS)
    expect(outcome.lost).toEqual([])
    // The old primary's absence was felt: the replica wait or the connection refused a while.
    expect([...outcome.retried.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  }, 40_000)
})

describe('sentinel failover, durability local', () => {
  let scenario: Scenario | undefined
  beforeAll(async () => {
    scenario = await setUp('local')
  }, 30_000)
  afterAll(() => tearDown(scenario), 30_000)

  it('every client and the console are live again within 10 s; bids lost are reported', async () => {
    if (!scenario) throw new Error('no scenario')
    const outcome = await failover(scenario, 'local')
    for (const ms of outcome.backAfterMs) expect(ms).toBeLessThan(LIVE_AGAIN_MS)
    expect(outcome.consoleLiveAfterMs).toBeLessThan(LIVE_AGAIN_MS)
    // Asynchronous replication may lose the last acknowledged bids: reported, not asserted 0.
    expect(outcome.lost.length).toBeLessThanOrEqual(outcome.acked.length)
  }, 40_000)
})
