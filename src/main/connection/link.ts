// One live "link" to a Redis server: the command connection (engine + scheduler) and the
// relay's subscriber connection, each with its tracked state. Replaced as a whole when the
// settings change.
import {
  AuctionEngine,
  Scheduler,
  createRedisClient,
  retryStrategy,
  type ConnectionOptions,
  type RedisClient,
} from '../engine'
import type { EmbeddedServer } from './embedded'
import { missingPermission } from './permissions'
import { ClientTracker } from './tracker'

export interface Link {
  readonly command: RedisClient
  readonly subscriber: RedisClient
  readonly engine: AuctionEngine
  readonly endpoint: string
  readonly embedded: EmbeddedServer | null
  readonly trackers: readonly [ClientTracker, ClientTracker]
  /** What the Redis user may not do that the console needs, in words; null when all is there. */
  readonly missingPermission: string | null
  /** Drops both connections at once, no QUIT, no reconnect (the server is gone). */
  abandon(): void
  close(): Promise<void>
}

export interface LinkOptions {
  connection: ConnectionOptions
  endpoint: string
  embedded: EmbeddedServer | null
  onChange: () => void
  offlineAfterMs: number
  scheduler: boolean
  log: (line: string) => void
}

export function openLink(options: LinkOptions): Link {
  const embedded = options.embedded
  let closing = false
  // The embedded server's port is ours only while our child runs: once it has exited, no
  // client dials it again (another process may hold it), with its password or at all.
  const mayDial = (): boolean => !closing && (embedded === null || embedded.alive())
  const redial = (attempt: number): number | null => (mayDial() ? retryStrategy(attempt) : null)
  const command = createRedisClient(options.connection, 'command', { retry: redial })
  // The subscriber never queues: while it is down, the relay keeps what it wants and
  // subscribes again when the link is live.
  const subscriber = createRedisClient(
    { ...options.connection, connectionName: 'auction-console:relay' },
    'subscriber',
    { retry: redial },
  )
  for (const client of [command, subscriber]) {
    // ioredis gives up after a failure it does not retry (e.g. in the connector): go on.
    client.on('end', () => {
      if (mayDial()) setTimeout(() => mayDial() && client.connect().catch(() => undefined), 2000)
    })
  }
  const abandon = (): void => {
    closing = true
    command.disconnect()
    subscriber.disconnect()
  }
  if (embedded) {
    // Belt and braces: the server answering must be the run we started (its run_id).
    command.on('ready', () => {
      command
        .info('server')
        .then((info) => {
          if (!info.includes(`run_id:${embedded.runId}\r`)) {
            options.log('embedded Redis: the server on its port is not the one started; dropped')
            abandon()
          }
        })
        .catch(() => undefined)
    })
  }
  const trackers = [
    new ClientTracker(command, options.onChange, options.offlineAfterMs),
    new ClientTracker(subscriber, options.onChange, options.offlineAfterMs),
  ] as const
  const engine = new AuctionEngine(command, {
    durability: options.connection.durability,
    replicationTimeoutMs: options.connection.replicationTimeoutMs,
  })
  let loggedSchedulerError = false
  const scheduler = new Scheduler(engine, {
    onError: () => {
      // Redis being down is reported by the connection state; say it once, not twice a second.
      if (!loggedSchedulerError && !closing)
        options.log('scheduler: Redis is not reachable, retrying')
      loggedSchedulerError = true
    },
  })
  let missing: string | null = null
  command.on('ready', () => {
    // Checked at every connect: an ACL can change while the console runs.
    void missingPermission(command)
      .then((found) => {
        if (found === missing || closing) return
        if (found) options.log(`Redis permissions: ${found}`)
        missing = found
        options.onChange()
      })
      .catch(() => undefined)
    loggedSchedulerError = false
    // Started once the server answers (start() is idempotent), so a slow first connect
    // is not reported as an outage.
    if (options.scheduler && !closing) scheduler.start()
  })
  for (const client of [command, subscriber]) client.connect().catch(() => undefined)
  return {
    command,
    subscriber,
    engine,
    endpoint: options.endpoint,
    embedded: options.embedded,
    trackers,
    get missingPermission() {
      return missing
    },
    abandon,
    async close() {
      closing = true
      await scheduler.stop()
      for (const tracker of trackers) tracker.close()
      await Promise.all([command, subscriber].map(quit))
    },
  }
}

async function quit(client: RedisClient): Promise<void> {
  if (client.status !== 'ready') return void client.disconnect()
  await Promise.race([
    client.quit().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1000).unref()),
  ])
  client.disconnect()
}
