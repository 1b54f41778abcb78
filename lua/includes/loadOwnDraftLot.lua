--- @include "lotKey"
--- @include "fail"
--- @include "mayAct"
--- @include "loadSale"
--- @include "loadLot"
-- The sale and a lot of it that its seller (or staff) may still edit: the sale is a draft
-- or scheduled and the lot waits. Answers sale, lot or nil, nil, failure.
local function load_own_draft_lot(sk, sale_id, lot_id, actor, staff, verb)
  local sale = load_sale(sk, sale_id)
  local lot = sale and load_lot(lot_key(lot_id))
  if not lot then return nil, nil, fail('AUCTION_NOT_FOUND', 'no lot ' .. lot_id) end
  if not may_act(sale.sellerId, actor, staff) then
    return nil, nil, fail('NOT_SELLER', 'only the seller or staff can ' .. verb .. ' this lot')
  end
  if sale.standalone then
    return nil, nil, fail('INVALID_STATUS', 'a single auction cannot ' .. verb .. ' its lot',
      { status = sale.status })
  end
  if (sale.status ~= 'draft' and sale.status ~= 'scheduled') or lot.lotStatus ~= 'waiting' then
    return nil, nil, fail('INVALID_STATUS', 'lots can change while the sale is a draft or '
      .. 'scheduled; it is ' .. sale.status, { status = sale.status })
  end
  return sale, lot, nil
end
