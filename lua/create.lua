-- Creates an auction from fields validated by the engine; the server clock stamps it.
-- KEYS: auction hash
-- ARGV: publish command, auction id, initial ('draft' | 'scheduled' | 'start'),
--       then field/value pairs of the stored hash
local auction_id, initial = ARGV[2], ARGV[3]

if redis.call('EXISTS', KEYS[1]) == 1 then
  return fail('INVALID_INPUT', 'an auction with this id exists', { field = 'id' })
end
local now = now_ms()
local fields = {}
for i = 4, #ARGV, 2 do fields[ARGV[i]] = ARGV[i + 1] end
local ends = opt_num(fields.endsAt)
local starts = opt_num(fields.startsAt)
if ends and ends <= now then
  return fail('INVALID_INPUT', 'the end time has already passed', { field = 'endsAt' })
end
if ends and starts and starts >= ends then
  return fail('INVALID_INPUT', 'the start time must be before the end time', { field = 'startsAt' })
end

local status = 'draft'
if initial == 'scheduled' then status = 'scheduled' end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('HSET', KEYS[1], 'status', status, 'createdAt', now, 'seq', 0, 'currentPrice',
  fields.startingPrice, 'leaderId', '', 'leaderMax', '', 'bidCount', 0)

local a = load_auction(KEYS[1])
publish(a, auction_id, now, 'auction_created',
  { title = fields.title, sellerId = fields.sellerId, currency = fields.currency }, true)
if initial == 'start' then
  if a.durationMs then a.endsAt = now + a.durationMs end
  a.status, a.startsAt = 'active', now
  publish(a, auction_id, now, 'auction_started', nil, true)
  redis.call('HSET', KEYS[1], 'status', 'active', 'startsAt', now, 'endsAt', a.endsAt or '',
    'durationMs', '')
end
redis.call('HSET', KEYS[1], 'seq', a.seq)
return { 'created', a.status, a.endsAt or '', now }
