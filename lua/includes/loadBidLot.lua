--- @include "optNum"
-- The fields a bid reads, and nothing more: it runs on every bid, rejected ones included.
local BID_FIELDS = {
  'lotStatus', 'digits', 'sellerId', 'startingPrice', 'reservePrice', 'increment',
  'incrementTable', 'currentPrice', 'leaderId', 'leaderMax', 'bidCount', 'startsAt',
  'endsAt', 'softCloseSeconds', 'seq', 'leaderSource', 'askOverride', 'warning', 'live',
}

-- A lot's rule fields from an HMGET that starts with BID_FIELDS; nil when it does not exist.
local function decode_bid_lot(key, lot_id, raw)
  if not raw[1] then return nil end
  return {
    key = key,
    id = lot_id,
    lotStatus = raw[1],
    digits = tonumber(raw[2]),
    sellerId = raw[3],
    startingPrice = tonumber(raw[4]),
    reservePrice = opt_num(raw[5]),
    increment = opt_num(raw[6]),
    incrementTable = raw[7] or '',
    price = tonumber(raw[8]),
    leaderId = (raw[9] ~= '' and raw[9]) or nil,
    leaderMax = opt_num(raw[10]) or 0,
    bidCount = tonumber(raw[11]),
    startsAt = opt_num(raw[12]),
    endsAt = opt_num(raw[13]),
    softCloseSeconds = tonumber(raw[14]) or 0,
    seq = tonumber(raw[15]) or 0,
    leaderSource = (raw[16] ~= '' and raw[16]) or nil,
    askOverride = opt_num(raw[17]),
    warning = raw[18] == '1',
    live = raw[19] == '1',
  }
end

local function load_bid_lot(key, lot_id)
  return decode_bid_lot(key, lot_id, redis.call('HMGET', key, unpack(BID_FIELDS)))
end
