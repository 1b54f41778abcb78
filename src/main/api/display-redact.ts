// What a room display session is sent: the public state of its sale's lots without the
// reserve amount, any bidder (leader, winner, bid entries), the seller or the consignor. Pure.
import type { PushEvents, PushName } from '../../shared/contract'
import type { Auction, Sale, SaleChannelEvent } from '../../shared/domain'

export function redactLot(lot: Auction): Auction {
  const shown: Auction = {
    ...lot,
    reservePrice: null,
    leaderId: null,
    sellerId: '',
    consignor: '',
  }
  if (lot.result) shown.result = { ...lot.result, winnerId: null }
  return shown
}

export function redactSale(sale: Sale): Sale {
  return { ...sale, sellerId: '' }
}

export function redactEvent(event: SaleChannelEvent): SaleChannelEvent {
  const shown = { ...event } as Record<string, unknown>
  if ('leaderId' in shown) shown.leaderId = null
  if ('bidderId' in shown) shown.bidderId = ''
  if ('sellerId' in shown) shown.sellerId = ''
  if (Array.isArray(shown.bids)) shown.bids = []
  const result = shown.result as { winnerId?: unknown } | undefined
  if (result && typeof result === 'object') shown.result = { ...result, winnerId: null }
  return shown as unknown as SaleChannelEvent
}

/**
 * A push for a display session of `saleId`, redacted, or null to drop it: only its own
 * sale's events and snapshots and the connection state go to a display.
 */
export function displayPush<P extends PushName>(
  saleId: string,
  name: P,
  payload: PushEvents[P],
): PushEvents[P] | null {
  switch (name) {
    case 'connection:state':
      return payload
    case 'sale:events': {
      const events = (payload as PushEvents['sale:events'])
        .filter((event) => event.saleId === saleId)
        .map(redactEvent)
      return events.length > 0 ? (events as PushEvents[P]) : null
    }
    case 'sale:snapshot': {
      const snapshot = payload as PushEvents['sale:snapshot']
      if (snapshot.sale.id !== saleId) return null
      return {
        sale: redactSale(snapshot.sale),
        lots: snapshot.lots.map(redactLot),
      } as PushEvents[P]
    }
    default:
      return null
  }
}
