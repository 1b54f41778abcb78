-- A timed sale is over once none of its lots is active or waiting.
local function timed_sale_done(sale)
  return sale.mode == 'timed' and sale.status == 'open'
    and redis.call('ZCARD', sale.keys.status.active) == 0
    and redis.call('ZCARD', sale.keys.status.waiting) == 0
end
