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

-- The calls of the sale-wide scripts (ARGV [1] publish command, [2] sale channel, [3] lot
-- key prefix; KEYS the sale's eleven keys): the sale's channel and the list channels, the
-- audit log, and each write command on the sale's keys and its lots' keys.
local function sale_write_refusal()
  local lot = ARGV[3] .. '0'
  return write_refusal({
    { ARGV[1], ARGV[2], '' }, { 'PUBLISH', 'auctions:events', '' },
    { 'PUBLISH', 'sales:events', '' }, { 'XADD', KEYS[1] .. ':log', '*', 'e', '' },
    { 'HSET', KEYS[1], 'f', '' }, { 'HSET', KEYS[4], 'f', '' }, { 'HDEL', KEYS[5], 'f' },
    { 'ZADD', KEYS[2], '0', 'm' }, { 'ZREM', KEYS[2], 'm' }, { 'DEL', KEYS[3] },
    { 'HSET', lot, 'f', '' }, { 'HINCRBY', lot, 'f', '1' }, { 'DEL', lot },
    { 'RPUSH', lot .. ':bids', '' }, { 'LSET', lot .. ':bids', '0', '' },
    { 'RPUSH', lot .. ':undo', '' }, { 'RPOP', lot .. ':undo' },
  })
end
