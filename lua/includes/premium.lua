-- The buyer's premium on a hammer price, as src/shared/settlement.ts premiumOn: each band's
-- rate (parts per million) on the part of the hammer inside it, summed exactly and rounded
-- once, half up. Split at 10^6 so that every product stays exact in a double.
local RATE_SCALE = 1000000

local function premium_on(hammer, bands)
  local whole, rest, from = 0, 0, 0
  for _, band in ipairs(bands) do
    local up = band.upTo
    local open = up == nil or up == cjson.null
    local top = open and hammer or math.min(hammer, up)
    if top > from then
      local part = top - from
      local q = math.floor(part / RATE_SCALE)
      whole = whole + q * band.rate
      rest = rest + (part - q * RATE_SCALE) * band.rate
    end
    if open or hammer <= up then break end
    from = up
  end
  return whole + math.floor((rest + RATE_SCALE / 2) / RATE_SCALE)
end

-- The sale's premium bands (an empty list without a premium).
local function sale_bands(sale_key)
  local text = redis.call('HGET', sale_key, 'premiumBands')
  if not text or text == '' then return {} end
  return cjson.decode(text)
end
