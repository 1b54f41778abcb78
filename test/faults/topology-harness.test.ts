// The topology harnesses themselves: a 3-master cluster serves every slot and a slot moves
// with its keys; a sentinel group promotes the replica after `kill -9` of the primary.
import { afterAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { nodeCommand, startCluster, type RedisCluster } from '../support/redis-cluster'
import { startSentinelGroup, type SentinelGroup } from '../support/redis-sentinel'

const clients: Redis[] = []
const connect = (port: number): Redis => {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 })
  clients.push(client)
  return client
}

let cluster: RedisCluster | undefined
let group: SentinelGroup | undefined

afterAll(async () => {
  clients.forEach((client) => client.disconnect())
  await Promise.all([cluster?.stop(), group?.stop()])
})

describe('cluster harness', () => {
  it('serves all slots from 3 masters and moves a slot with its keys', async () => {
    cluster = await startCluster()
    expect(cluster.nodes).toHaveLength(3)
    expect(cluster.url).toMatch(/^redis\+cluster:\/\/127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+){2}$/)

    const [anyNode] = cluster.nodes
    if (!anyNode) throw new Error('no cluster node')
    const ranges = (await nodeCommand(anyNode.port, 'CLUSTER', 'SLOTS')) as [
      number,
      number,
      [string, number, string],
    ][]
    const served = ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0)
    expect(served).toBe(16384)
    expect(new Set(ranges.map(([, , [, port]]) => port))).toEqual(
      new Set(cluster.nodes.map((node) => node.port)),
    )

    // Two keys whose slots belong to different masters, each written on its owner.
    interface Placed {
      key: string
      value: string
      slot: number
      port: number
    }
    const placed: Placed[] = []
    for (let i = 0; placed.length < 2; i++) {
      const key = `harness:${i}`
      const slot = await cluster.slotOf(key)
      const { port } = await cluster.nodeForSlot(slot)
      if (placed.some((other) => other.port === port)) continue
      await connect(port).set(key, `value-${i}`)
      placed.push({ key, value: `value-${i}`, slot, port })
    }
    const [first, second] = placed as [Placed, Placed]
    expect(await connect(second.port).get(second.key)).toBe(second.value)

    const target = cluster.nodes.find((node) => node.port !== first.port)
    if (!target) throw new Error('no other node')
    let steps = 0
    const moved = await cluster.migrateSlot(first.slot, target.port, {
      batch: 1,
      onStep: async () => {
        steps++
      },
    })
    expect(moved).toBe(1)
    expect(steps).toBe(1)
    expect(await cluster.nodeForSlot(first.slot)).toEqual({
      port: target.port,
      nodeId: target.nodeId,
    })
    expect(await connect(target.port).get(first.key)).toBe(first.value)
    await expect(connect(first.port).get(first.key)).rejects.toThrow(/MOVED/)
  })
})

describe('sentinel harness', () => {
  it('promotes the replica within 15 s of kill -9 of the primary', async () => {
    group = await startSentinelGroup()
    expect(group.sentinelPorts).toHaveLength(3)
    expect(await group.primaryPort()).toBe(group.primary.port)

    await group.killPrimary()
    expect(await group.waitForFailover(group.primary.port, 15_000)).toBe(group.replica.port)
  }, 30_000)
})
