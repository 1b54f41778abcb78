-- The increment at a price: the lot's fixed step, or the band of its table the price falls in.
local function inc_at(lot, price)
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
