--- @include "includes/nowMs"
-- Reads which sales the scheduler must act on now, by the server clock, from the global
-- due registry (sale id scored by due time). Read-only; entries may be stale or early,
-- which the sale's own tick recognises.
-- KEYS: [1] the due registry
-- ARGV: [1] batch size
-- Output: { now, earliest due after now ('' = none), { id, score, id, score, … } }
local now = now_ms()
local due = redis.call('ZRANGE', KEYS[1], '-inf', now, 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[1]),
  'WITHSCORES')
-- The earliest entry still in the future: the ones due now are being acted on, and a sale
-- due a moment later must not wait a whole idle period behind them.
local first = redis.call('ZRANGE', KEYS[1], '(' .. now, '+inf', 'BYSCORE', 'LIMIT', 0, 1,
  'WITHSCORES')
return { now, first[2] or '', due }
