--- @include "optNum"
local LOT_FIELDS = {
  'lotStatus', 'digits', 'sellerId', 'startingPrice', 'reservePrice', 'increment',
  'incrementTable', 'currentPrice', 'leaderId', 'leaderMax', 'bidCount', 'startsAt',
  'endsAt', 'softCloseSeconds', 'seq', 'id', 'number', 'score',
}

-- The lot fields the rules need; nil when the lot does not exist.
local function load_lot(key)
  local raw = redis.call('HMGET', key, unpack(LOT_FIELDS))
  if not raw[1] then return nil end
  return {
    key = key,
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
    id = raw[16],
    number = raw[17],
    score = tonumber(raw[18]) or 0,
  }
end
