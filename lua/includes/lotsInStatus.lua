-- The ids of a sale's lots in one status, in catalogue order.
local function lots_in_status(sale, status)
  return redis.call('ZRANGE', sale.keys.status[status], 0, -1)
end
