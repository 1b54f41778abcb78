--- @include "optNum"
local SALE_FIELDS = {
  'status', 'mode', 'sellerId', 'startsAt', 'firstCloseAt', 'durationMs', 'closeIntervalMs',
  'seq', 'standalone', 'nextLot', 'digits', 'softCloseSeconds', 'title', 'currency',
}

-- The sale fields the rules need, with its keys; nil when the sale does not exist.
local function load_sale(sk, sale_id)
  local raw = redis.call('HMGET', sk.sale, unpack(SALE_FIELDS))
  if not raw[1] then return nil end
  return {
    id = sale_id,
    keys = sk,
    key = sk.sale,
    status = raw[1],
    mode = raw[2],
    sellerId = raw[3],
    startsAt = opt_num(raw[4]),
    firstCloseAt = opt_num(raw[5]),
    durationMs = opt_num(raw[6]),
    closeIntervalMs = tonumber(raw[7]) or 0,
    seq = tonumber(raw[8]) or 0,
    standalone = raw[9] == '1',
    nextLot = tonumber(raw[10]) or 0,
    digits = tonumber(raw[11]),
    softCloseSeconds = tonumber(raw[12]) or 0,
    title = raw[13],
    currency = raw[14],
  }
end
