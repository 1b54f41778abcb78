--- @include "publishSale"
--- @include "appendLog"
-- Marks an open sale closed once no lot of it can be bid on any more.
local function close_sale(sale, now)
  sale.status = 'closed'
  redis.call('HSET', sale.key, 'status', 'closed', 'closedAt', now,
    'closedBy', sale.operator or 'scheduler')
  publish_sale(sale, now, 'sale_closed')
  log_action(sale, { at = now, operator = sale.operator or 'scheduler', action = 'end' })
end
