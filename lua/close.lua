-- Ends an auction: by its seller or staff at any time ('manual'), or by a scheduler once
-- endsAt has passed on the server clock ('due'). Idempotent: only the call that changes the
-- status publishes auction_ended, however many consoles and schedulers race.
-- KEYS: auction hash
-- ARGV: publish command, auction id, mode ('manual' | 'due'), actor id, staff ('1' | '0')
local auction_id, mode, actor, staff = ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local a = load_auction(KEYS[1])
if not a then
  if mode == 'due' then return { 'stale' } end
  return fail('AUCTION_NOT_FOUND', 'no auction ' .. auction_id)
end
if mode == 'manual' and not may_act(a, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can end this auction')
end
if a.status == 'ended' then return { 'already' } end
if a.status ~= 'active' then
  if mode == 'due' then return { 'stale' } end
  return fail('AUCTION_NOT_ACTIVE', 'the auction is ' .. a.status, { status = a.status })
end
local now = now_ms()
if mode == 'due' and a.endsAt and now < a.endsAt then
  return { 'notdue', a.endsAt }
end

local met = reserve_met(a)
local winner = nil
if a.leaderId and met then winner = a.leaderId end
a.status = 'ended'
if not a.endsAt or a.endsAt > now then a.endsAt = now end
local result = { winnerId = null_if_nil(winner), finalPrice = a.price, reserveMet = met }
publish(a, auction_id, now, 'auction_ended', { result = result }, true)
redis.call('HSET', KEYS[1], 'status', 'ended', 'endsAt', a.endsAt, 'endedAt', now,
  'winnerId', winner or '', 'finalPrice', a.price, 'resultReserveMet', met and 1 or 0, 'seq', a.seq)
return { 'closed' }
