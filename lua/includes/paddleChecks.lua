--- @include "premium"
--- @include "bidRejection"
--- @include "intText"
-- The register's checks on a bid (sales whose lots carry `paddleChecks`): the paddle must be
-- registered and approved when the sale requires registration, and a paddle with a credit
-- limit may not take its exposure — hammer plus premium of the lots it bought in this sale,
-- plus the current price and premium of the lots it leads — above the limit. The lots a
-- paddle has led are kept per paddle (`<sale>:leads:<paddle>`), so its exposure is summed
-- from its own lots, on the sale's slot, at the moment of the bid.

-- A paddle's register entry: found, approved, limit (nil: none).
local function paddle_entry(sale_key, paddle)
  local compact = redis.call('HGET', sale_key .. ':paddles', paddle)
  if not compact then return false, false, nil end
  local approved, limit = string.match(compact, '^(%d)|(%d*)$')
  return true, approved == '1', tonumber(limit)
end

-- UNKNOWN_PADDLE / PADDLE_NOT_APPROVED, or nil and the paddle's limit.
local function paddle_refusal(sale_key, paddle)
  local found, approved, limit = paddle_entry(sale_key, paddle)
  if not (found and approved) and redis.call('HGET', sale_key, 'requireRegistration') == '1' then
    if not found then
      return reject('UNKNOWN_PADDLE', 'paddle ' .. paddle .. ' is not in the register')
    end
    return reject('PADDLE_NOT_APPROVED', 'paddle ' .. paddle .. ' is not approved yet')
  end
  return nil, limit
end

-- What the paddle owes or leads in the sale, without the lot `skip`.
local function exposure_of(sale_key, lot_prefix, paddle, skip, bands)
  local total = 0
  for _, lot_id in ipairs(redis.call('SMEMBERS', sale_key .. ':leads:' .. paddle)) do
    if lot_id ~= skip then
      local f = redis.call('HMGET', lot_prefix .. lot_id, 'lotStatus', 'leaderId', 'currentPrice',
        'winnerId', 'finalPrice')
      local amount = nil
      if f[1] == 'sold' and f[4] == paddle then
        amount = tonumber(f[5])
      elseif f[1] == 'active' and f[2] == paddle then
        amount = tonumber(f[3])
      end
      if amount then total = total + amount + premium_on(amount, bands) end
    end
  end
  return total
end

-- The highest price x with x + premium(x) <= room (-1 when room < 0): the premium grows with
-- the price, so a binary search finds it.
local function price_cap(room, bands)
  if room < 0 then return -1 end
  local low, high = 0, room
  while low < high do
    local mid = math.floor((low + high + 1) / 2)
    if mid + premium_on(mid, bands) <= room then low = mid else high = mid - 1 end
  end
  return low
end

-- A paddle's highest price on this lot under its limit, and its headroom now (with what it
-- leads on this lot); nil without a limit.
local function paddle_cap(sale_key, lot_prefix, lot_id, paddle, limit, bands, leading_here)
  if not limit then return nil, nil end
  local others = exposure_of(sale_key, lot_prefix, paddle, lot_id, bands)
  local here = leading_here and (leading_here + premium_on(leading_here, bands)) or 0
  return price_cap(limit - others, bands), math.max(0, limit - others - here)
end
