--- @include "setLotStatus"
--- @include "publishLot"
-- Closes an active lot now: sold to the leader when the reserve is met, else passed.
local function close_lot(sale, lot, now)
  local met = reserve_met(lot)
  local winner = nil
  if lot.leaderId and met then winner = lot.leaderId end
  set_lot_status(sale, lot, winner and 'sold' or 'passed')
  redis.call('ZREM', sale.keys.closing, lot.id)
  if not lot.endsAt or lot.endsAt > now then lot.endsAt = now end
  local result = { winnerId = null_if_nil(winner), finalPrice = lot.price, reserveMet = met }
  publish_lot(sale, lot, now, 'auction_ended', { result = result }, true)
  redis.call('HSET', lot.key, 'endsAt', lot.endsAt, 'endedAt', now, 'winnerId', winner or '',
    'finalPrice', lot.price, 'resultReserveMet', met and 1 or 0, 'seq', lot.seq,
    'closedBy', sale.operator or 'scheduler')
end
