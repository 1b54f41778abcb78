local function reserve_met(lot)
  if not lot.reservePrice then return true end
  return lot.leaderId ~= nil and lot.price >= lot.reservePrice
end
