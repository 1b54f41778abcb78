-- Reads what a scheduler must act on now, by the server clock, from one index (a sorted
-- set scored by due time). Read-only; the index may hold stale entries, which the
-- start/close scripts recognise.
-- KEYS: index sorted set
-- ARGV: publish command (unused), batch size
local now = now_ms()
local ids = redis.call('ZRANGE', KEYS[1], '-inf', now, 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[2]))
local next_due = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { now, next_due[2] or '', ids }
