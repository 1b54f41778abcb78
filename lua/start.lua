-- Starts a draft or scheduled auction: by its seller or staff ('manual'), or by a
-- scheduler once startsAt has passed ('due'). A duration counts from this moment.
-- KEYS: auction hash
-- ARGV: publish command, auction id, mode ('manual' | 'due'), actor id, staff ('1' | '0')
local auction_id, mode, actor, staff = ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local a = load_auction(KEYS[1])
if not a then
  if mode == 'due' then return { 'stale' } end
  return fail('AUCTION_NOT_FOUND', 'no auction ' .. auction_id)
end
if mode == 'manual' and not may_act(a, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can start this auction')
end
if a.status ~= 'draft' and a.status ~= 'scheduled' then
  if mode == 'due' then return { 'stale' } end
  return fail('INVALID_STATUS', 'only a draft or scheduled auction can start; this one is ' .. a.status,
    { status = a.status })
end
local now = now_ms()
if mode == 'due' and a.startsAt and now < a.startsAt then
  return { 'notdue', a.startsAt }
end
local ends = a.endsAt
if a.durationMs then ends = now + a.durationMs end
if ends and ends <= now then
  return fail('INVALID_INPUT', 'the end time has already passed', { field = 'endsAt' })
end

a.status, a.startsAt, a.endsAt = 'active', now, ends
publish(a, auction_id, now, 'auction_started', nil, true)
redis.call('HSET', KEYS[1], 'status', 'active', 'startsAt', now, 'endsAt', ends or '',
  'durationMs', '', 'seq', a.seq)
return { 'started', ends or '' }
