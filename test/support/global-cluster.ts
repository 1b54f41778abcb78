// One 3-master Redis Cluster for the `cluster` project of the Vitest run: the same tests as on
// one server, on a redis+cluster:// URL. Tests isolate themselves by unique ids, as on one server.
import type { TestProject } from 'vitest/node'
import { startCluster } from './redis-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The masters' ports, so a test can ask which node owns a slot; empty on one server. */
    clusterPorts: number[]
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster({ masters: 3 })
  project.provide('redisUrl', cluster.url)
  project.provide(
    'clusterPorts',
    cluster.nodes.map((node) => node.port),
  )
  return () => cluster.stop()
}
