--- @include "incrementAt"
-- The clerk's asking price for the next bid (a live sale's `lot ask`) comes first.
local function asking_price(lot)
  if lot.askOverride then return lot.askOverride end
  if not lot.leaderId then return lot.startingPrice end
  return lot.price + inc_at(lot, lot.price)
end
