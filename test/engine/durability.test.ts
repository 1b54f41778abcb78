// The durability setting against a real primary and a real replica: `replicated` answers a change
// once a replica holds it, NOT_REPLICATED (the change kept, a retry safe) when none confirms it in
// time, and never waits on a refusal; `local` sends no WAIT at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuctionEngine, auctionKeys, connectRedis } from '../../src/main/engine'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { accepted, liveAuction, person, rejected, uniqueId } from './fixtures'

const TIMEOUT_MS = 200

type Client = Awaited<ReturnType<typeof connectRedis>>

let primary: RedisProcess
let replica: RedisProcess
let primaryClients: Client[] = []
let replicaClient!: Client
let replicaConnected = false

async function linkUp(server: RedisProcess): Promise<void> {
  const client = await connectRedis({ url: server.url })
  try {
    for (let i = 0; i < 200; i++) {
      if ((await client.info('replication')).includes('master_link_status:up')) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the replica did not reach master_link_status:up')
  } finally {
    client.disconnect()
  }
}

async function startReplica(): Promise<void> {
  replica = await (replica
    ? replica.restart()
    : startRedis({ extraArgs: ['--replicaof', '127.0.0.1', String(primary.port)] }))
  await linkUp(replica)
  // A fresh reader: the old one may still be between reconnect attempts (no offline queue).
  if (replicaConnected) replicaClient.disconnect()
  replicaClient = await connectRedis({ url: replica.url })
  replicaConnected = true
}

async function engineOn(options: ConstructorParameters<typeof AuctionEngine>[1] = {}) {
  const redis = await connectRedis({ url: primary.url })
  primaryClients.push(redis)
  return new AuctionEngine(redis, options)
}

/** WAIT commands the primary has run so far. */
async function waitCalls(): Promise<number> {
  const stats = await (primaryClients[0] as Client).info('commandstats')
  return Number(/^cmdstat_wait:calls=(\d+)/m.exec(stats)?.[1] ?? 0)
}

beforeAll(async () => {
  // No 5 s pause before a full sync: the replica comes back within the test.
  primary = await startRedis({ extraArgs: ['--repl-diskless-sync-delay', '0'] })
  await startReplica()
})

afterAll(async () => {
  for (const client of primaryClients) client.disconnect()
  primaryClients = []
  replicaClient?.disconnect()
  // A replica may take its 5 s SIGTERM grace to stop: end it at once, then remove its data.
  await replica?.kill()
  await replica?.stop()
  await primary?.stop()
})

describe('durability: replicated', () => {
  it('answers a sale create and a bid once the replica holds them', async () => {
    const engine = await engineOn({ durability: 'replicated', replicationTimeoutMs: TIMEOUT_MS })
    const before = await waitCalls()
    const created = await engine.createSale(
      { title: 'Winter sale', mode: 'live', currency: 'USD', increment: '1.00', requestId: 'c-1' },
      person('seller-1'),
    )
    expect(created).toMatchObject({ ok: true, duplicate: false })
    const lot = await liveAuction(engine)
    const bid = accepted(
      await engine.placeBid({ auctionId: lot.id, bidderId: 'alice', amount: '10.00' }),
    )
    expect(bid.bidId).toBe(1)
    // Read straight from the replica, right after the answer: WAIT made it hold them.
    const keys = auctionKeys(lot.id)
    expect(await replicaClient.llen(keys.bids)).toBe(1)
    expect(await replicaClient.hget(keys.auction, 'leaderId')).toBe('alice')
    if (created.ok) expect(await replicaClient.exists(`sale:{${created.sale.id}}`)).toBe(1)
    expect(await waitCalls()).toBeGreaterThanOrEqual(before + 3)
  })

  it('answers NOT_REPLICATED with the replica down, keeps the bid, and a retry is safe', async () => {
    const engine = await engineOn({ durability: 'replicated', replicationTimeoutMs: TIMEOUT_MS })
    const lot = await liveAuction(engine)
    const bid = { auctionId: lot.id, bidderId: 'bob', amount: '12.00', requestId: 'r-1' }
    await replica.kill()
    try {
      const first = await engine.placeBid(bid)
      expect(rejected(first)).toEqual({
        code: 'NOT_REPLICATED',
        message: `Accepted by the primary but not confirmed by a replica within ${TIMEOUT_MS} ms; retry with the same requestId`,
        replicas: 0,
        timeoutMs: TIMEOUT_MS,
      })
      // The change stays in the primary.
      const history = await engine.history(lot.id)
      expect(history).toMatchObject({ ok: true, total: 1, bids: [{ bidderId: 'bob' }] })
      // The retry answers as before and waits again; no second bid.
      expect(rejected(await engine.placeBid(bid)).code).toBe('NOT_REPLICATED')
      expect(await engine.history(lot.id)).toMatchObject({ ok: true, total: 1 })
    } finally {
      await startReplica()
    }
    const retried = accepted(await engine.placeBid(bid))
    expect(retried).toMatchObject({ bidId: 1, duplicate: true, leaderId: 'bob' })
    expect(await engine.history(lot.id)).toMatchObject({ ok: true, total: 1 })
    expect(await replicaClient.llen(auctionKeys(lot.id).bids)).toBe(1)
  })

  it('answers a refusal at once, without WAIT, even with the replica down', async () => {
    // A long timeout: a refusal that waited would show.
    const engine = await engineOn({ durability: 'replicated', replicationTimeoutMs: 5_000 })
    const lot = await liveAuction(engine, { sellerId: uniqueId('seller') })
    await replica.kill()
    try {
      const before = await waitCalls()
      const started = Date.now()
      const answer = await engine.placeBid({ auctionId: lot.id, bidderId: 'carol', amount: '1.00' })
      const elapsed = Date.now() - started
      expect(rejected(answer)).toMatchObject({ code: 'BID_TOO_LOW', minimumBid: 1000 })
      expect(elapsed).toBeLessThan(1_000)
      expect(await waitCalls()).toBe(before)
    } finally {
      await startReplica()
    }
  })
})

describe('durability: local (default)', () => {
  it('sends no WAIT', async () => {
    const engine = await engineOn()
    const before = await waitCalls()
    const lot = await liveAuction(engine)
    accepted(await engine.placeBid({ auctionId: lot.id, bidderId: 'dave', amount: '10.00' }))
    expect(await waitCalls()).toBe(before)
  })
})
