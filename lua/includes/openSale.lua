--- @include "loadLot"
--- @include "lotKey"
--- @include "lotsInStatus"
--- @include "setLotStatus"
--- @include "publishLot"
--- @include "publishSale"
--- @include "appendLog"
-- What a sale's first lot close would be if it opened now; nil with a failure otherwise.
local function first_close_at(sale, now)
  if sale.mode ~= 'timed' then return nil end
  local first = sale.firstCloseAt
  if sale.durationMs then first = now + sale.durationMs end
  return first
end

-- Opens a sale now. Timed: every waiting lot becomes active and closes in catalogue order,
-- one every closeIntervalMs from the first close. Live: the lots wait to be offered.
local function open_sale(sale, now, first)
  sale.status = 'open'
  if sale.mode == 'timed' then
    for i, lot_id in ipairs(lots_in_status(sale, 'waiting')) do
      local lot = load_lot(lot_key(lot_id))
      set_lot_status(sale, lot, 'active')
      lot.startsAt = now
      lot.endsAt = first + (i - 1) * sale.closeIntervalMs
      redis.call('ZADD', sale.keys.closing, lot.endsAt, lot_id)
      publish_lot(sale, lot, now, 'auction_started', nil, true)
      redis.call('HSET', lot.key, 'startsAt', now, 'endsAt', lot.endsAt, 'durationMs', '',
        'seq', lot.seq)
    end
  end
  redis.call('HSET', sale.key, 'status', 'open', 'startsAt', now, 'firstCloseAt', first or '',
    'durationMs', '', 'startedBy', sale.operator or 'scheduler')
  publish_sale(sale, now, 'sale_started')
  log_action(sale, { at = now, operator = sale.operator or 'scheduler', action = 'start' })
end
