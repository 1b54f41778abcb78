-- Ceiling 2: the Redis calls an accepted bid makes in lua/placeBid-2.lua (with its includes),
-- in the same order, on the same keys and with payloads of the same size, but with none of
-- the rules, parsing or JSON encoding: HGET request id, HMGET the lot fields the rejecting
-- rules read, TIME, HMGET the ones an accepted bid reads as well, HMGET the sale's seq and
-- audit-log head, RPUSH the history line, PUBLISH the event on the sale channel, HSET the
-- lot fields, XADD the audit-log entry, HSET the sale's seq and head, HSET request id →
-- answer. (On a cluster the script adds one EXISTS, includes/writeRefusal.lua; the bench runs
-- on one server.)
-- KEYS and ARGV: as placeBid-2.lua (lot hash, sale hash; publish command, lot id, request id,
-- bidder, amount, max, source, operator), the other keys named from those two as it names them.
-- Output: { 'ok', answer }
local PAYLOAD = '{"bids":[{"at":1796396098116,"seq":20400,"outcome":"leading","amount":12345,'
  .. '"id":1233,"kind":"manual","bidderId":"bidder-5","source":"online"}],'
  .. '"lotId":"2Q4QPFKSZ0.37","prevSeq":20399,"price":12345,"auctionId":"2Q4QPFKSZ0.37",'
  .. '"reserveMet":true,"endsAt":1796403301698,"startsAt":1796396098098,"status":"active",'
  .. '"lotStatus":"active","bidderId":"bidder-5","at":1796396098116,"leaderId":"bidder-5",'
  .. '"type":"bid_placed","askingPrice":12346,"seq":20400,"saleId":"2Q4QPFKSZ0","bidCount":1233}'
local ANSWER = '1233|leading|12345|bidder-5|1233|1796403301698|0|1|12345|12346'
-- What placeBid keeps per request id: the bid's binding, then the answer.
local KEPT = 'bidder-5|d:123.45||online#' .. ANSWER
local LOG_ENTRY = '{"at":1796396098116,"operator":"bidder-5","action":"bid","lotId":"2Q4QPFKSZ0.37",'
  .. '"priceBefore":12340,"priceAfter":12345,"leaderBefore":"bidder-4","leaderAfter":"bidder-5",'
  .. '"detail":{"bidder":"bidder-5","source":"online","amount":12345,"max":12345,"result":"leading",'
  .. '"bidIds":[1233]},"prev":"da007cde4ac7383ef9b211a18edf0b616b4a5326"}'

local lot_key, sale_key = KEYS[1], KEYS[2]
local requests_key = lot_key .. ':requests'
redis.call('HGET', requests_key, ARGV[3])
local gate = redis.call('HMGET', lot_key, 'lotStatus', 'currentPrice', 'leaderId', 'endsAt',
  'digits', 'sellerId', 'startingPrice', 'increment', 'incrementTable', 'askOverride')
redis.call('TIME')
local rest = redis.call('HMGET', lot_key, 'leaderMax', 'leaderSource', 'bidCount', 'seq',
  'reservePrice', 'softCloseSeconds', 'startsAt', 'live', 'warning')
local sale = redis.call('HMGET', sale_key, 'seq', 'logHead')
redis.call('RPUSH', lot_key .. ':bids', '20400|1796396098116|bidder-5|12345|manual|leading|online')
redis.call(ARGV[1], sale_key .. ':events', PAYLOAD)
redis.call('HSET', lot_key, 'currentPrice', gate[2], 'leaderId', gate[3], 'leaderMax', rest[1],
  'leaderSource', rest[2] or 'online', 'bidCount', rest[3], 'endsAt', gate[4], 'seq', rest[4])
redis.call('XADD', sale_key .. ':log', '*', 'e', LOG_ENTRY)
redis.call('HSET', sale_key, 'seq', sale[1] or '1', 'logHead', redis.sha1hex(LOG_ENTRY))
redis.call('HSET', requests_key, ARGV[3], KEPT)
return { 'ok', ANSWER }
