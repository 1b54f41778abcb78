-- Cancels an auction in any status but ended. Cancelling twice changes nothing.
-- KEYS: auction hash
-- ARGV: publish command, auction id, actor id, staff ('1' | '0')
local auction_id, actor, staff = ARGV[2], ARGV[3], ARGV[4]

local a = load_auction(KEYS[1])
if not a then return fail('AUCTION_NOT_FOUND', 'no auction ' .. auction_id) end
if not may_act(a, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can cancel this auction')
end
if a.status == 'cancelled' then return { 'already' } end
if a.status == 'ended' then
  return fail('INVALID_STATUS', 'an ended auction cannot be cancelled', { status = a.status })
end
local now = now_ms()
a.status = 'cancelled'
publish(a, auction_id, now, 'auction_cancelled', nil, true)
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'cancelledAt', now, 'seq', a.seq)
return { 'cancelled' }
