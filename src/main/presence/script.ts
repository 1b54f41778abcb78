// Viewer presence as one atomic script on the server clock: prune expired members, join /
// refresh / leave, and publish the count on the presence channel only when it changed.
// Keys carry the auction's hash tag, so the script stays on one cluster slot.

export const viewersKey = (auctionId: string): string => `auction:{${auctionId}}:viewers`
export const viewersCountKey = (auctionId: string): string => `auction:{${auctionId}}:viewers:n`
/** Not the events channel: viewer counts carry no seq. */
export const presenceChannel = (auctionId: string): string => `auction:{${auctionId}}:presence`

export type PresenceMode = 'join' | 'leave' | 'count'

// KEYS: viewers zset, last published count. ARGV: publish command, channel, auction id,
// mode, member, ttl ms.
export const PRESENCE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if ARGV[4] == 'join' then
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ttl)
elseif ARGV[4] == 'leave' then
  redis.call('ZREM', KEYS[1], ARGV[5])
end
local n = redis.call('ZCARD', KEYS[1])
local last = tonumber(redis.call('GET', KEYS[2]) or '-1')
if n ~= last then
  redis.call(ARGV[1], ARGV[2], cjson.encode({ auctionId = ARGV[3], viewers = n }))
end
redis.call('SET', KEYS[2], n, 'PX', ttl * 4)
return n
`
