--- @include "incrementAt"
local function asking_price(lot)
  if not lot.leaderId then return lot.startingPrice end
  return lot.price + inc_at(lot, lot.price)
end
