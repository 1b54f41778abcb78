-- Ceiling 2: the Redis calls an accepted bid makes in lua/place_bid.lua (with lib/common.lua),
-- in the same order, on the same kind of keys and with payloads of the same size, but with
-- none of the rules, parsing or JSON encoding.
-- KEYS and ARGV: as place_bid.lua (auction hash, bid history, requests; publish command,
-- auction id, request id, bidder, amount, max, source).
local PAYLOAD = '{"type":"bid_placed","auctionId":"A7K3M9Q2XD","seq":1234,"at":1764000000000,'
  .. '"status":"active","price":12345,"leaderId":"bidder-5","bidCount":1233,"reserveMet":true,'
  .. '"askingPrice":12346,"startsAt":1764000000000,"endsAt":1764003600000,"bidderId":"bidder-5",'
  .. '"bids":[{"id":1233,"bidderId":"bidder-5","amount":12345,"kind":"manual",'
  .. '"outcome":"leading","source":"online","at":1764000000000,"seq":1234}]}'

redis.call('HGET', KEYS[3], ARGV[3])
local raw = redis.call('HMGET', KEYS[1], 'status', 'digits', 'sellerId', 'startingPrice',
  'reservePrice', 'increment', 'incrementTable', 'currentPrice', 'leaderId', 'leaderMax',
  'bidCount', 'startsAt', 'endsAt', 'durationMs', 'softCloseSeconds', 'seq')
redis.call('TIME')
redis.call('RPUSH', KEYS[2], '1234|1764000000000|bidder-5|12345|manual|leading|online')
redis.call(ARGV[1], 'auction:{' .. ARGV[2] .. '}:events', PAYLOAD)
redis.call('HSET', KEYS[1], 'currentPrice', raw[8], 'leaderId', raw[9], 'leaderMax', raw[10],
  'bidCount', raw[11], 'endsAt', raw[13], 'seq', raw[16])
redis.call('HSET', KEYS[3], ARGV[3], '1233|leading|12345|bidder-5|1233|1764003600000|0|1|12345|12346')
return { 'ok', '1233|leading|12345|bidder-5|1233|1764003600000|0|1|12345|12346' }
