-- The eleven keys every sale-wide script takes first, in this order (see keys.ts saleKeyList).
local LOT_STATUSES = { 'waiting', 'active', 'sold', 'passed', 'withdrawn', 'cancelled' }
local function sale_keys()
  local sk = {
    sale = KEYS[1], lots = KEYS[2], closing = KEYS[3], requests = KEYS[4], numbers = KEYS[5],
    status = {},
  }
  for i, name in ipairs(LOT_STATUSES) do sk.status[name] = KEYS[5 + i] end
  return sk
end
