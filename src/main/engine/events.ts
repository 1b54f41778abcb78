// A live feed of auction events on its own subscriber connection (a connection in
// subscribe mode cannot run commands, and commands must not wait behind events).
import { Redis } from 'ioredis'
import type { AuctionEvent } from '../../shared/domain'
import { auctionChannel } from '../../shared/domain'
import { decodeEvent } from './codec'
import { buildRedisOptions, type ConnectionOptions } from './connection'

export interface EventFeed {
  watch(auctionId: string): Promise<void>
  unwatch(auctionId: string): Promise<void>
  watchChannel(channel: string): Promise<void>
  close(): Promise<void>
  readonly client: Redis
}

/** Opens a subscriber connection; handler gets every event of the watched channels. */
export async function openEventFeed(
  options: ConnectionOptions,
  handler: (event: AuctionEvent, channel: string) => void,
): Promise<EventFeed> {
  // A subscriber may queue SUBSCRIBE while reconnecting: resubscribing is ioredis' job here.
  const client = new Redis({
    ...buildRedisOptions({ ...options, connectionName: 'auction-console:events' }),
    enableOfflineQueue: true,
    autoResubscribe: true,
    commandTimeout: undefined,
  })
  client.on('error', () => undefined)
  client.on('message', (channel: string, payload: string) => {
    try {
      handler(decodeEvent(payload), channel)
    } catch {
      // A malformed payload is not ours to act on.
    }
  })
  await client.connect()
  return {
    client,
    watch: async (auctionId) => void (await client.subscribe(auctionChannel(auctionId))),
    unwatch: async (auctionId) => void (await client.unsubscribe(auctionChannel(auctionId))),
    watchChannel: async (channel) => void (await client.subscribe(channel)),
    close: async () => {
      client.removeAllListeners('message')
      await client.quit().catch(() => client.disconnect())
    },
  }
}
