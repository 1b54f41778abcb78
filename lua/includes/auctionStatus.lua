-- A lot's status in the auction vocabulary, which old readers understand.
local function auction_status(lot_status, sale_status)
  if lot_status == 'active' then return 'active' end
  if lot_status == 'sold' or lot_status == 'passed' then return 'ended' end
  if lot_status == 'withdrawn' or lot_status == 'cancelled' then return 'cancelled' end
  if sale_status == 'draft' then return 'draft' end
  return 'scheduled'
end
