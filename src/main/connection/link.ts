// One live "link" to a Redis server: the command connection (engine + scheduler) and the
// relay's subscriber connection, each with its tracked state. Replaced as a whole when the
// settings change.
import { Redis } from 'ioredis'
import { AuctionEngine, Scheduler, buildRedisOptions, type ConnectionOptions } from '../engine'
import type { EmbeddedServer } from './embedded'
import { ClientTracker } from './tracker'

export interface Link {
  readonly command: Redis
  readonly subscriber: Redis
  readonly engine: AuctionEngine
  readonly endpoint: string
  readonly embedded: EmbeddedServer | null
  readonly trackers: readonly [ClientTracker, ClientTracker]
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
  const command = new Redis(buildRedisOptions({ ...options.connection }))
  // The subscriber never queues: while it is down, the relay keeps what it wants and
  // subscribes again when the link is live.
  const subscriber = new Redis({
    ...buildRedisOptions({ ...options.connection, connectionName: 'auction-console:relay' }),
    autoResubscribe: false,
    commandTimeout: undefined,
  })
  let closing = false
  for (const client of [command, subscriber]) {
    client.on('error', () => undefined)
    // ioredis gives up after a failure it does not retry (e.g. in the connector): go on.
    client.on('end', () => {
      if (!closing) setTimeout(() => !closing && client.connect().catch(() => undefined), 2000)
    })
  }
  const trackers = [
    new ClientTracker(command, options.onChange, options.offlineAfterMs),
    new ClientTracker(subscriber, options.onChange, options.offlineAfterMs),
  ] as const
  const engine = new AuctionEngine(command)
  let loggedSchedulerError = false
  const scheduler = new Scheduler(engine, {
    onError: () => {
      // Redis being down is reported by the connection state; say it once, not twice a second.
      if (!loggedSchedulerError && !closing)
        options.log('scheduler: Redis is not reachable, retrying')
      loggedSchedulerError = true
    },
  })
  command.on('ready', () => {
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
    async close() {
      closing = true
      await scheduler.stop()
      for (const tracker of trackers) tracker.close()
      await Promise.all([command, subscriber].map(quit))
    },
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') return void client.disconnect()
  await Promise.race([
    client.quit().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1000).unref()),
  ])
  client.disconnect()
}
