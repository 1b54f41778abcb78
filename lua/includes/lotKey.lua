-- A lot's hash: the sale's lot prefix (ARGV[3], same hash tag as the sale) and the lot id,
-- as BullMQ builds job keys from its queue prefix.
local function lot_key(lot_id)
  return ARGV[3] .. lot_id
end
