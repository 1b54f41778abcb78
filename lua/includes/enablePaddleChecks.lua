-- From now on every bid on this sale's lots checks its paddle against the register
-- (registration required, or some paddle has a credit limit). The flag sits in each lot's
-- hash so that a bid on a sale without a register reads nothing more; it is never cleared
-- (a check that finds nothing to refuse costs a lookup, not a rule). Lots added later copy
-- the sale's flag (addLot). Call only after every check has passed: it writes.
local function enable_paddle_checks(sk, lot_prefix)
  if redis.call('HGET', sk.sale, 'paddleChecks') == '1' then return end
  redis.call('HSET', sk.sale, 'paddleChecks', '1')
  for _, lot_id in ipairs(redis.call('ZRANGE', sk.lots, 0, -1)) do
    redis.call('HSET', lot_prefix .. lot_id, 'paddleChecks', '1')
  end
end
