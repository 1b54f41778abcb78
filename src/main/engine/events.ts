// A live feed of auction events on its own subscriber connection (a connection in
// subscribe mode cannot run commands, and commands must not wait behind events).
import type { AuctionEvent, SaleChannelEvent } from '../../shared/domain'
import { isLotEvent, saleChannel, saleIdOf } from '../../shared/domain'
import { decodeEvent } from './codec'
import {
  createRedisClient,
  isCluster,
  type ConnectionOptions,
  type RedisClient,
} from './connection'

export interface EventFeed {
  /** A lot's events (on its sale's channel, the other lots' events left out). */
  watch(auctionId: string): Promise<void>
  unwatch(auctionId: string): Promise<void>
  /** Every event of a sale and its lots. */
  watchSale(saleId: string): Promise<void>
  watchChannel(channel: string): Promise<void>
  close(): Promise<void>
  readonly client: RedisClient
}

/**
 * Opens a subscriber connection. The handler gets the events of the watched lots, every
 * event of the watched sales, and whatever arrives on channels watched by name.
 */
export async function openEventFeed(
  options: ConnectionOptions,
  handler: (event: AuctionEvent, channel: string) => void,
  onSaleEvent?: (event: SaleChannelEvent, channel: string) => void,
): Promise<EventFeed> {
  const lots = new Set<string>()
  const sales = new Set<string>()
  const named = new Set<string>()
  const saleOfChannel = /^sale:\{(.+)\}:events$/
  // A subscriber may queue SUBSCRIBE while reconnecting: resubscribing is ioredis' job here.
  const client = createRedisClient({ ...options, connectionName: 'auction-console:events' }, 'feed')
  // On a cluster a sale's channel is sharded: it lives on the node that owns the sale's slot.
  const sharded = isCluster(client)
  const onMessage = (channel: string, payload: string) => {
    let event: SaleChannelEvent
    try {
      event = decodeEvent(payload)
    } catch {
      return // a malformed payload is not ours to act on
    }
    const saleId = saleOfChannel.exec(channel)?.[1]
    if (named.has(channel) || (saleId !== undefined && sales.has(saleId))) {
      if (onSaleEvent) onSaleEvent(event, channel)
      else if (isLotEvent(event)) handler(event, channel)
      return
    }
    if (isLotEvent(event) && lots.has(event.auctionId)) handler(event, channel)
  }
  client.on('message', onMessage)
  client.on('smessage', onMessage)
  const wanted = (saleId: string): boolean =>
    sales.has(saleId) || [...lots].some((lot) => saleIdOf(lot) === saleId)
  const subscribe = async (saleId: string) =>
    void (await (sharded
      ? client.ssubscribe(saleChannel(saleId))
      : client.subscribe(saleChannel(saleId))))
  const release = async (saleId: string) => {
    if (wanted(saleId)) return
    await (sharded
      ? client.sunsubscribe(saleChannel(saleId))
      : client.unsubscribe(saleChannel(saleId)))
  }
  await client.connect()
  return {
    client,
    watch: async (auctionId) => {
      lots.add(auctionId)
      await subscribe(saleIdOf(auctionId))
    },
    unwatch: async (auctionId) => {
      lots.delete(auctionId)
      await release(saleIdOf(auctionId))
    },
    watchSale: async (saleId) => {
      sales.add(saleId)
      await subscribe(saleId)
    },
    watchChannel: async (channel) => {
      named.add(channel)
      await client.subscribe(channel)
    },
    close: async () => {
      client.removeAllListeners('message')
      client.removeAllListeners('smessage')
      await client.quit().catch(() => client.disconnect())
    },
  }
}
