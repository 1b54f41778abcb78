--- @include "nullIfNil"
--- @include "reserveMet"
--- @include "askingPrice"
--- @include "auctionStatus"
-- Publishes one lot event on the sale's channel: the sale's seq moves on by one, and the
-- event carries the lot's previous seq so a lot watcher can tell a gap. `list` also sends
-- it on the auctions list channel (status changes).
local function publish_lot(sale, lot, now, event_type, extra, list)
  sale.seq = sale.seq + 1
  local ev = {
    type = event_type,
    auctionId = lot.id,
    lotId = lot.id,
    saleId = sale.id,
    seq = sale.seq,
    prevSeq = lot.seq,
    at = now,
    status = auction_status(lot.lotStatus, sale.status),
    lotStatus = lot.lotStatus,
    price = lot.price,
    leaderId = null_if_nil(lot.leaderId),
    bidCount = lot.bidCount,
    reserveMet = reserve_met(lot),
    askingPrice = asking_price(lot),
    startsAt = null_if_nil(lot.startsAt),
    endsAt = null_if_nil(lot.endsAt),
    warning = lot.warning == true,
  }
  lot.seq = sale.seq
  if extra then for k, v in pairs(extra) do ev[k] = v end end
  local payload = cjson.encode(ev)
  redis.call(ARGV[1], ARGV[2], payload)
  if list then redis.call('PUBLISH', 'auctions:events', payload) end
  return sale.seq
end
