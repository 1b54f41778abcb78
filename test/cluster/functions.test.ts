// The scripts as Redis Functions on a cluster: every master holds the libraries (each has its
// own), the bids on every master run by FCALL, and a master that has lost them (as a new
// master, or one restarted without persistence, would have none) gets them again from the
// call that finds them missing: that call lands once.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuctionEngine, connectRedis, type RedisClient } from '../../src/main/engine'
import { functionLibrary } from '../../src/main/engine/functions'
import { scriptSources } from '../../src/main/engine/scripts'
import type { Auction } from '../../src/shared/domain'
import { accepted, bidderId, liveAuction } from '../engine/fixtures'
import { redisUrl } from '../support/engine'
import { clusterPorts, ownerOf } from './support'

let redis: RedisClient
let engine: AuctionEngine
const admins = new Map<number, Redis>()

beforeAll(async () => {
  redis = await connectRedis({ url: redisUrl() })
  engine = new AuctionEngine(redis)
  for (const port of clusterPorts()) admins.set(port, new Redis({ port }))
})
afterAll(async () => {
  for (const admin of admins.values()) admin.disconnect()
  redis.disconnect()
})

const admin = (port: number): Redis => {
  const found = admins.get(port)
  if (!found) throw new Error(`no admin client for ${port}`)
  return found
}

/** One open auction on each master. */
async function auctionOnEveryMaster(): Promise<Map<number, Auction>> {
  const byPort = new Map<number, Auction>()
  for (let i = 0; byPort.size < clusterPorts().length; i++) {
    if (i > 60) throw new Error(`auctions reached only ports ${[...byPort.keys()]}`)
    const auction = await liveAuction(engine)
    const port = await ownerOf(auction.id)
    if (!byPort.has(port)) byPort.set(port, auction)
  }
  return byPort
}

const fcalls = async (port: number): Promise<number> =>
  Number(/cmdstat_fcall:calls=(\d+)/.exec(await admin(port).info('commandstats'))?.[1] ?? 0)

async function hasLibraries(port: number): Promise<boolean> {
  const list = (await admin(port).call('FUNCTION', 'LIST', 'LIBRARYNAME', 'auction_*')) as [
    string,
    string,
  ][]
  const names = new Set(list.map((entry) => entry[1]))
  return [...scriptSources()].every(([name, source]) =>
    names.has(functionLibrary(name, source).name),
  )
}

describe('scripts as Functions on a cluster', () => {
  it('every master holds the libraries and runs its bids by FCALL', async () => {
    const auctions = await auctionOnEveryMaster()
    for (const [port, auction] of auctions) {
      const before = await fcalls(port)
      accepted(await engine.placeBid({ auctionId: auction.id, bidderId: bidderId(), amount: 1000 }))
      expect(await fcalls(port), `FCALLs on ${port}`).toBeGreaterThan(before)
      expect(await hasLibraries(port), `libraries on ${port}`).toBe(true)
    }
  })

  it('a master that lost them gets them again, and the bid lands once', async () => {
    const auctions = await auctionOnEveryMaster()
    const [port, auction] = [...auctions][0] as [number, Auction]
    await admin(port).call('FUNCTION', 'FLUSH')
    expect(await hasLibraries(port)).toBe(false)
    const bid = { auctionId: auction.id, bidderId: bidderId(), amount: 1000, requestId: 'once' }
    expect(accepted(await engine.placeBid(bid)).duplicate).toBe(false)
    expect(await hasLibraries(port)).toBe(true)
    expect(accepted(await engine.placeBid(bid)).duplicate).toBe(true)
    const history = await engine.history(auction.id)
    if (!history.ok) throw new Error(JSON.stringify(history.error))
    expect(history.bids).toHaveLength(1)
  })
})
