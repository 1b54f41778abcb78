--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/closeLot"
--- @include "includes/closeSale"
--- @include "includes/timedSaleDone"
--- @include "includes/storeSaleSeq"
--- @include "includes/nextDue"
--- @include "includes/auctionStatus"
--- @include "includes/writeRefusal"
-- Closes one active lot now, by the seller or staff (`auction end`), or by the scheduler
-- once its end has passed: sold when the reserve is met, else passed. A timed sale closes
-- with its last lot. Ending twice changes nothing.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0')
-- Output: { 'closed', nextDue } | { 'already' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if sale then sale.operator = actor end
local lot = sale and load_lot(lot_key(lot_id))
if not lot then return fail('AUCTION_NOT_FOUND', 'no auction ' .. lot_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can end this auction')
end
if lot.lotStatus == 'sold' or lot.lotStatus == 'passed' then return { 'already' } end
if lot.lotStatus ~= 'active' then
  local status = auction_status(lot.lotStatus, sale.status)
  return fail('AUCTION_NOT_ACTIVE', 'the auction is ' .. status, { status = status })
end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
close_lot(sale, lot, now)
if timed_sale_done(sale) then close_sale(sale, now) end
store_sale_seq(sale)
return { 'closed', next_due(sale) }
