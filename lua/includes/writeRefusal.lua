--- @include "fail"
-- Redis does not roll a script back: a call refused after a write would leave half a change
-- (a bid in the history without its event, a sale hash without its create). A restricted ACL
-- user can be refused a PUBLISH (its channel patterns), a command or a key, so every script
-- asks, before its first write, about each kind of call it makes. Answers the failure or nil.
-- Redis 6.2 has no acl_check_cmd (7.0 added it): there the calls are made unchecked, as before.
local function write_refusal(calls)
  if not redis.acl_check_cmd then return nil end
  for i = 1, #calls do
    local call = calls[i]
    if not redis.acl_check_cmd(unpack(call)) then
      return fail('REDIS_NO_PERMISSION', 'the Redis user may not run ' .. call[1] .. ' on '
        .. call[2] .. ': nothing was changed')
    end
  end
  return nil
end

-- On a Redis Cluster whose slot is being moved, a key named from KEYS (not declared) may
-- already be on the other node: Redis aborts the script at the first access to it and keeps
-- the writes made before. One EXISTS over every key the script will write, made before its
-- first write, makes that abort come while nothing is written (the client answers
-- REDIS_UNAVAILABLE and the retry lands once the move is over). `publish`, the script's
-- publish command, is SPUBLISH on a cluster (engine.ts): a single server moves no slot, so
-- the call is skipped there.
local function keys_here(publish, keys)
  if publish == 'SPUBLISH' then redis.call('EXISTS', unpack(keys)) end
end

-- The calls of the sale-wide scripts (`lot_id`: the lot the script acts on, if one) (ARGV [1] publish command, [2] sale channel, [3] lot
-- key prefix; KEYS the sale's eleven keys): the sale's channel and the list channels, the
-- audit log, and each write command on the sale's keys and its lots' keys.
local function sale_write_refusal(lot_id)
  local lot = ARGV[3] .. '0'
  local refusal = write_refusal({
    { ARGV[1], ARGV[2], '' }, { 'PUBLISH', 'auctions:events', '' },
    { 'PUBLISH', 'sales:events', '' }, { 'XADD', KEYS[1] .. ':log', '*', 'e', '' },
    { 'HSET', KEYS[1], 'f', '' }, { 'HSET', KEYS[4], 'f', '' }, { 'HDEL', KEYS[5], 'f' },
    { 'ZADD', KEYS[2], '0', 'm' }, { 'ZREM', KEYS[2], 'm' }, { 'DEL', KEYS[3] },
    { 'HSET', lot, 'f', '' }, { 'HINCRBY', lot, 'f', '1' }, { 'DEL', lot },
    { 'RPUSH', lot .. ':bids', '' }, { 'LSET', lot .. ':bids', '0', '' },
    { 'RPUSH', lot .. ':undo', '' }, { 'RPOP', lot .. ':undo' },
  })
  if refusal then return refusal end
  -- The sale's log, and the subject lot's keys when there is one (see keys_here).
  local written = { KEYS[1] .. ':log' }
  if lot_id then
    local subject = ARGV[3] .. lot_id
    written[2], written[3], written[4] = subject, subject .. ':bids', subject .. ':undo'
  end
  keys_here(ARGV[1], written)
  return nil
end
