--- @include "fail"
--- @include "mayAct"
--- @include "loadSale"
--- @include "loadLot"
--- @include "lotKey"
--- @include "auctionStatus"
-- The sale and the lot of a clerk's action in a live sale, or nil and the failure.
local function load_live_lot(sk, sale_id, lot_id, actor, staff)
  local sale = load_sale(sk, sale_id)
  local lot = sale and load_lot(lot_key(lot_id))
  -- A single auction is a timed sale of one lot with the sale's own id.
  local own = lot and (lot_id == sale_id or string.sub(lot_id, 1, #sale_id + 1) == sale_id .. '.')
  if not own then
    return nil, nil, fail('AUCTION_NOT_FOUND', 'no lot ' .. lot_id)
  end
  if not may_act(sale.sellerId, actor, staff) then
    return nil, nil, fail('NOT_SELLER', 'only the seller or staff can run this sale')
  end
  if sale.mode ~= 'live' then
    return nil, nil, fail('NOT_LIVE_SALE', 'lot ' .. lot_id .. ' is in a timed sale')
  end
  return sale, lot
end

-- The failure for an action that needs the lot on the block, or nil.
local function not_on_block(sale, lot)
  if lot.lotStatus == 'active' then return nil end
  local status = auction_status(lot.lotStatus, sale.status)
  return fail('LOT_NOT_OPEN', 'lot ' .. lot.number .. ' is not on the block', { status = status })
end

-- The lot's state before and after a clerk's action, for the audit log.
local function lot_change(lot, before)
  return {
    priceBefore = before.price, leaderBefore = before.leaderId or cjson.null,
    priceAfter = lot.price, leaderAfter = lot.leaderId or cjson.null, lotId = lot.id,
  }
end
