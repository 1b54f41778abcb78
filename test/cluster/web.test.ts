// The web mode on a real 3-master Redis Cluster: the console's server on the redis+cluster://
// URL, auctions on three different masters created and bid on over the WebSocket, a second
// console hearing the events through the relay (SSUBSCRIBE), a live connection, the sales list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OperatorProfile } from '../../src/shared/contract'
import type { Auction } from '../../src/shared/domain'
import {
  connectClient,
  createLive,
  seller,
  staff,
  startConsole,
  type TestClient,
  type TestConsole,
} from '../shell/support'
import { redisUrl, uniqueId } from '../support/engine'
import { signInAs } from '../support/operators'
import { clusterPorts, expectNoRedirection, ownerOf } from './support'

/** The account made on the cluster (through the app's client factory), then a real sign-in. */
const signIn = (client: TestClient, profile: OperatorProfile): Promise<OperatorProfile> =>
  signInAs(client.api, profile, redisUrl())

/** Auctions created until every master holds one (their ids are random over the contract). */
async function auctionOnEveryMaster(
  overrides: Parameters<typeof createLive>[1] = {},
): Promise<{ auctions: Auction[]; created: string[] }> {
  const byPort = new Map<number, Auction>()
  const created: string[] = []
  for (let i = 0; byPort.size < clusterPorts().length; i++) {
    if (i > 60) throw new Error(`auctions reached only ports ${[...byPort.keys()]}`)
    const auction = await createLive(owner, overrides)
    created.push(auction.id)
    const port = await ownerOf(auction.id)
    if (!byPort.has(port)) byPort.set(port, auction)
  }
  return { auctions: [...byPort.values()], created }
}

const sellerId = uniqueId('seller')
let server: TestConsole
let owner: TestClient
beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
  owner = await connectClient(server)
  await signIn(owner, seller(sellerId))
})
afterAll(async () => {
  owner.close()
  await server.stop()
})

describe('the web mode on a Redis Cluster', () => {
  it('create and bid over the WebSocket; a second console hears it; live; the sales list', async () => {
    const status = await owner.api.call('connection:status', {})
    expect(status.ok && status.state).toBe('live')
    const { auctions, created } = await auctionOnEveryMaster()
    const [a, b] = await Promise.all([connectClient(server), connectClient(server)])
    try {
      await Promise.all([signIn(a, staff()), signIn(b, staff())])
      for (const auction of auctions) {
        const watched = await b.api.call('auctions:watch', { auctionId: auction.id })
        expect(watched.ok && watched.auction.seq).toBe(auction.seq)
      }
      const answers = []
      for (const auction of auctions) {
        answers.push(
          await a.api.call('bids:place', {
            auctionId: auction.id,
            bidderId: 'paddle-9',
            amount: '10.00',
            requestId: uniqueId('request'),
          }),
        )
      }
      for (const answer of answers) {
        expect(answer.ok, JSON.stringify(answer)).toBe(true)
        expectNoRedirection(JSON.stringify(answer), 'a bid answer')
      }
      for (const auction of auctions) {
        const event = await b.waitFor('auction:events', (events) =>
          events.some((e) => e.auctionId === auction.id && e.type === 'bid_placed'),
        )
        const mine = event.filter((e) => e.auctionId === auction.id)
        expect(mine.map((e) => e.seq)).toEqual([auction.seq + 1])
      }
      const listed = await b.api.call('sales:list', { sellerId })
      // Every sale of the seller, from every master.
      expect(listed.ok && listed.sales.map((sale) => sale.id).sort()).toEqual(created.sort())
      expectNoRedirection(JSON.stringify(listed), 'sales:list')
      const after = await b.api.call('connection:status', {})
      expect(after.ok && after.state).toBe('live')
    } finally {
      a.close()
      b.close()
    }
  }, 120_000)

  it("auctions on three masters close on time through the console's scheduler, once each", async () => {
    const { created } = await auctionOnEveryMaster({ durationMs: 4_000 })
    const watcher = await connectClient(server)
    try {
      await signIn(watcher, staff())
      for (const id of created) {
        const watched = await watcher.api.call('auctions:watch', { auctionId: id })
        expect(watched.ok, JSON.stringify(watched)).toBe(true)
      }
      // The list channel reaches every session, so other files' auctions on the shared cluster
      // end here too: count only this test's.
      const ended = () =>
        watcher
          .events()
          .filter((event) => event.type === 'auction_ended' && created.includes(event.auctionId))
      await watcher.waitFor('auction:events', () =>
        created.every((id) => ended().some((event) => event.auctionId === id)),
      )
      // A second pass of the scheduler finds nothing left to close.
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(
        ended()
          .map((event) => event.auctionId)
          .sort(),
      ).toEqual([...created].sort())
      for (const id of created) {
        const shown = await watcher.api.call('auctions:get', { auctionId: id })
        expect(shown.ok && shown.auction.status).toBe('ended')
      }
      expectNoRedirection(JSON.stringify(watcher.pushes), 'the pushes')
    } finally {
      watcher.close()
    }
  }, 60_000)
})
