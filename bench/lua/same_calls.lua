-- Ceiling 2: the Redis calls an accepted bid makes in lua/placeBid-5.lua (with its includes),
-- in the same order, on the same keys and with payloads of the same size, but with none of
-- the rules, parsing or JSON encoding. Eight calls: HGET request id, HMGET the lot's 16
-- fields, TIME, HINCRBY the sale's seq, RPUSH the history line, PUBLISH the event on the
-- sale channel, HSET 8 lot fields, HSET request id → answer.
-- KEYS and ARGV: as placeBid-5.lua (lot hash, bid history, requests, sale hash, closing
-- index; publish command, sale channel, sale id, lot id, request id, bidder, amount, max,
-- source).
-- Output: { 'ok', answer }
local PAYLOAD = '{"bids":[{"at":1796396098116,"seq":20400,"outcome":"leading","amount":12345,'
  .. '"id":1233,"kind":"manual","bidderId":"bidder-5","source":"online"}],'
  .. '"lotId":"2Q4QPFKSZ0.37","prevSeq":20399,"price":12345,"auctionId":"2Q4QPFKSZ0.37",'
  .. '"reserveMet":true,"endsAt":1796403301698,"startsAt":1796396098098,"status":"active",'
  .. '"lotStatus":"active","bidderId":"bidder-5","at":1796396098116,"leaderId":"bidder-5",'
  .. '"type":"bid_placed","askingPrice":12346,"seq":20400,"saleId":"2Q4QPFKSZ0","bidCount":1233}'
local ANSWER = '1233|leading|12345|bidder-5|1233|1796403301698|0|1|12345|12346'

redis.call('HGET', KEYS[3], ARGV[5])
local raw = redis.call('HMGET', KEYS[1], 'lotStatus', 'digits', 'sellerId', 'startingPrice',
  'reservePrice', 'increment', 'incrementTable', 'currentPrice', 'leaderId', 'leaderMax',
  'bidCount', 'startsAt', 'endsAt', 'softCloseSeconds', 'seq', 'leaderSource')
redis.call('TIME')
redis.call('HINCRBY', KEYS[4], 'seq', 1)
redis.call('RPUSH', KEYS[2], '20400|1796396098116|bidder-5|12345|manual|leading|online')
redis.call(ARGV[1], ARGV[2], PAYLOAD)
redis.call('HSET', KEYS[1], 'currentPrice', raw[8], 'leaderId', raw[9], 'leaderMax', raw[10],
  'leaderSource', raw[16] or 'online', 'bidCount', raw[11], 'endsAt', raw[13], 'seq', raw[15])
redis.call('HSET', KEYS[3], ARGV[5], ANSWER)
return { 'ok', ANSWER }
