-- Moves a lot between the sale's by-status indices and stores the new status.
local function set_lot_status(sale, lot, new_status)
  redis.call('ZREM', sale.keys.status[lot.lotStatus], lot.id)
  redis.call('ZADD', sale.keys.status[new_status], lot.score, lot.id)
  lot.lotStatus = new_status
  redis.call('HSET', lot.key, 'lotStatus', new_status)
end
