--- @include "loadBidLot"
-- The bid's fields, then what the sale-wide scripts also need: the id, number and catalogue
-- position (one HMGET).
local LOT_FIELDS = { unpack(BID_FIELDS) }
for _, name in ipairs({ 'id', 'number', 'score' }) do LOT_FIELDS[#LOT_FIELDS + 1] = name end

-- The lot fields the rules need; nil when the lot does not exist.
local function load_lot(key)
  local raw = redis.call('HMGET', key, unpack(LOT_FIELDS))
  local lot = decode_bid_lot(key, raw[#BID_FIELDS + 1], raw)
  if lot then
    lot.number = raw[#BID_FIELDS + 2]
    lot.score = tonumber(raw[#BID_FIELDS + 3]) or 0
  end
  return lot
end
