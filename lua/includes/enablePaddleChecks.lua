-- From now on every bid on this sale's lots checks its paddle against the register
-- (registration required, or some paddle has a credit limit). The flag sits in each lot's
-- hash so that a bid on a sale without a register reads nothing more; it is never cleared
-- (a check that finds nothing to refuse costs a lookup, not a rule). Lots added later copy
-- the sale's flag (addLot). The lots each paddle leads or bought so far are noted for its
-- exposure (`<sale>:leads:<paddle>`, see paddleChecks), and those of the absentee books; bids keep them from now on.
-- Call only after every check has passed: it writes. The caller's write refusal must cover
-- HSET on the sale and its lots and SADD on `<sale>:leads:<paddle>`.
local function enable_paddle_checks(sk, lot_prefix)
  if redis.call('HGET', sk.sale, 'paddleChecks') == '1' then return end
  redis.call('HSET', sk.sale, 'paddleChecks', '1')
  for _, lot_id in ipairs(redis.call('ZRANGE', sk.lots, 0, -1)) do
    local key = lot_prefix .. lot_id
    redis.call('HSET', key, 'paddleChecks', '1')
    local who = redis.call('HMGET', key, 'leaderId', 'winnerId')
    -- An absentee book may make its top bidder the leader when the lot is offered.
    -- (HGETALL, not HKEYS: the documented least-privilege Redis user has only the former.)
    local book = redis.call('HGETALL', key .. ':book')
    local paddles = { who[1], who[2] }
    for i = 1, #book, 2 do paddles[#paddles + 1] = book[i] end
    for _, paddle in ipairs(paddles) do
      if paddle and paddle ~= '' and paddle ~= 'floor' then
        redis.call('SADD', sk.sale .. ':leads:' .. paddle, lot_id)
      end
    end
  end
end
