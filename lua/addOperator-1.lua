--- @include "includes/nowMs"
-- Creates one operator account only if its id is free: the check and every field in one
-- HSET, so two consoles adding the same id cannot both succeed or mix their fields. Its one
-- write is that HSET, so a refused call leaves nothing behind.
-- KEYS: [1] the account's hash
-- ARGV: [1] id, [2] display name, [3] role, [4] password hash, [5] created by
-- Output: { 'ok', createdAt } | { 'exists' }
if redis.call('EXISTS', KEYS[1]) == 1 then return { 'exists' } end
local now = now_ms()
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'displayName', ARGV[2], 'role', ARGV[3],
  'hash', ARGV[4], 'disabled', '0', 'createdAt', now, 'createdBy', ARGV[5])
return { 'ok', now }
