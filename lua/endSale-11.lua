--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/lotsInStatus"
--- @include "includes/closeLot"
--- @include "includes/endLiveLot"
--- @include "includes/passWaitingLot"
--- @include "includes/closeSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- Ends an open sale now, by its seller or staff: every active lot closes (sold or passed by
-- its reserve), every lot never offered passes, and the sale is closed. Ending twice
-- changes nothing. A live sale's lot on the block passes: no hammer fell on it.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0')
-- Output: { 'closed' } | { 'already' } | { 'err', failure JSON }
local sale_id, actor, staff = ARGV[4], ARGV[5], ARGV[6]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if sale then sale.operator = actor end
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can end this sale')
end
if sale.status == 'closed' then return { 'already' } end
if sale.status ~= 'open' then
  return fail('INVALID_STATUS', 'only an open sale can end; this one is ' .. sale.status,
    { status = sale.status })
end
local refusal = sale_write_refusal()
if refusal then return refusal end
local now = now_ms()
for _, lot_id in ipairs(lots_in_status(sale, 'active')) do
  local lot = load_lot(lot_key(lot_id))
  if sale.mode == 'live' then
    end_live_lot(sale, lot, now, 'passed', nil, false, actor, lot.leaderId, 'the sale ended')
  else
    close_lot(sale, lot, now)
  end
end
for _, lot_id in ipairs(lots_in_status(sale, 'waiting')) do
  pass_waiting_lot(sale, load_lot(lot_key(lot_id)), now)
end
close_sale(sale, now)
store_sale_seq(sale)
return { 'closed' }
