--- @include "includes/nowMs"
-- Reads which sales the scheduler must act on now, by the server clock, from the global
-- due registry (sale id scored by due time). Read-only; entries may be stale or early,
-- which the sale's own tick recognises.
-- KEYS: [1] the due registry
-- ARGV: [1] batch size
-- Output: { now, earliest due ('' = none), { id, score, id, score, … } }
local now = now_ms()
local due = redis.call('ZRANGE', KEYS[1], '-inf', now, 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[1]),
  'WITHSCORES')
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { now, first[2] or '', due }
