--- @include "loadBidLot"
-- The bid's fields, then what the sale-wide scripts also need: the id, number and catalogue
-- position (one HMGET).
-- (Plain Lua: a Function library's load sees none of the standard functions.)
local LOT_FIELDS = {}
for i = 1, #BID_FIELDS do LOT_FIELDS[i] = BID_FIELDS[i] end
LOT_FIELDS[#BID_FIELDS + 1], LOT_FIELDS[#BID_FIELDS + 2], LOT_FIELDS[#BID_FIELDS + 3] =
  'id', 'number', 'score'

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
