import { defineConfig } from 'vitest/config'

// Two projects. `single`: every test, on one redis-server for the run (global-redis.ts).
// `cluster`: the engine's rule tests, the property test, the concurrency test and the
// cluster CLI/web tests again, on a real 3-master Redis Cluster (global-cluster.ts), whose
// redis+cluster:// URL they receive as `redisUrl`. Names carry the label: `|cluster| …`.
const clusterEngineTests = [
  'amounts',
  'asking-price',
  'bad-input',
  // Its AUCTION_ENDED part runs on a private single server (no scheduler may close first).
  'check-order',
  'concurrency',
  'events',
  'history',
  'idempotency',
  'increment-ladder',
  'lifecycle',
  'live-absentee',
  'live-audit-log',
  'live-clerk',
  'live-events',
  'live-failures',
  'live-hammer',
  'live-hammer-race',
  'live-offer',
  'live-rates',
  'live-reopen',
  'live-retract',
  'proxy',
  'register-bids',
  // Its ACL part runs on a private single server (ACL SETUSER is per node).
  'register',
  'request-id',
  'reserve',
  'results',
  'sale-endings',
  'sale-events',
  'sale-import',
  'sale-order',
  'sales',
  'soft-close',
].map((name) => `test/engine/${name}.test.ts`)

// Left out of `cluster`, each for a reason:
// - cluster-keys: watches one server with MONITOR (per node on a cluster) on a private server.
// - durability: starts its own primaries and replicas (WAIT); others' file.
// - redis-url: parses URLs, no Redis.
// - register-csv, settlement-math: pure functions, no Redis.
// - no-write-before-failure: ACL users on a private server (ACL is per node).
// - sale-lifecycle, scheduler: need a store with no other sale due (a private server).
// - schema-version: rewrites the store's layout key on a private server.
// - unavailable: stops and restarts its own server.

const shared = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
}

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'single',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/cluster/**', '**/node_modules/**'],
          globalSetup: ['test/support/global-redis.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'cluster',
          include: [
            ...clusterEngineTests,
            'test/model/property.test.ts',
            'test/cluster/**/*.test.ts',
          ],
          globalSetup: ['test/support/global-cluster.ts'],
        },
      },
    ],
  },
})
