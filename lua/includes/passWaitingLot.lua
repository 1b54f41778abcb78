--- @include "setLotStatus"
--- @include "publishLot"
-- A lot that was never offered ends unsold: passed, with no bids.
local function pass_waiting_lot(sale, lot, now)
  set_lot_status(sale, lot, 'passed')
  lot.endsAt = now
  local result = { winnerId = cjson.null, finalPrice = lot.price, reserveMet = reserve_met(lot) }
  publish_lot(sale, lot, now, 'auction_ended', { result = result }, true)
  redis.call('HSET', lot.key, 'endsAt', now, 'endedAt', now, 'winnerId', '',
    'finalPrice', lot.price, 'resultReserveMet', result.reserveMet and 1 or 0, 'seq', lot.seq)
end
