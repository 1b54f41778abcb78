-- Moves a sale's entry in the due registry to its next due time (or removes it) only if
-- nobody changed it since the scheduler read it: an earlier time written meanwhile by a
-- start must not be lost to a later one.
-- KEYS: [1] the due registry
-- ARGV: [1] sale id, [2] the score read, [3] the next due time ('' = nothing due)
-- Output: 1 when settled, 0 when the entry had changed
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if current ~= ARGV[2] and tonumber(current) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return 1
