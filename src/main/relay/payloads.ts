// What arrives on the subscriber connection, checked just enough to route it: the UI
// applies events by seq and resyncs on anything odd, so the relay only drops what it
// cannot address.
import type { SaleChannelEvent } from '../../shared/domain'
import { decodeEvent } from '../engine/codec'

/** A sale or lot event, or null for a payload that is not one. */
export function parseEvent(payload: string): SaleChannelEvent | null {
  try {
    const event = decodeEvent(payload) as SaleChannelEvent
    const addressed =
      typeof event.saleId === 'string' ||
      typeof (event as { auctionId?: unknown }).auctionId === 'string'
    return addressed && Number.isInteger(event.seq) ? event : null
  } catch {
    return null
  }
}

export function parseViewers(payload: string): number | null {
  try {
    const viewers = (JSON.parse(payload) as { viewers?: unknown }).viewers
    return typeof viewers === 'number' && Number.isInteger(viewers) ? viewers : null
  } catch {
    return null
  }
}
