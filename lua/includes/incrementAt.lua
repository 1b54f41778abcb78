-- The next step above `price` on the auctioneer's standard ladder, in minor units of a
-- currency with `digits` fraction digits: 10s to 200, 20s to 300, the 2-5-8 steps to 500, 50s
-- to 1,000, and the same pattern times 10 above (src/shared/money.ts ladderStepAbove).
local function ladder_step_above(price, digits)
  local unit = 10 ^ digits
  while price >= 1000 * unit do unit = unit * 10 end
  local function above(base, step) return base + (math.floor((price - base) / step) + 1) * step end
  if price < 200 * unit then return above(0, 10 * unit) end
  if price < 300 * unit then return above(200 * unit, 20 * unit) end
  if price >= 500 * unit then return above(500 * unit, 50 * unit) end
  local hundred = math.floor(price / (100 * unit)) * 100 * unit
  for _, mark in ipairs({ 20, 50, 80, 100 }) do
    if price - hundred < mark * unit then return hundred + mark * unit end
  end
end

-- The increment at a price: the lot's fixed step, the band of its table the price falls in,
-- or the step to the next rung of the standard ladder.
local function inc_at(lot, price)
  if lot.incrementTable == 'standard' then return ladder_step_above(price, lot.digits) - price end
  if lot.incrementTable ~= '' then
    if not lot.bands then lot.bands = cjson.decode(lot.incrementTable) end
    local step = lot.bands[1].increment
    for _, band in ipairs(lot.bands) do
      if band.from <= price then step = band.increment end
    end
    return step
  end
  return lot.increment
end
