--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/lotsInStatus"
--- @include "includes/setLotStatus"
--- @include "includes/publishLot"
--- @include "includes/publishSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/appendLog"
--- @include "includes/writeRefusal"
-- Cancels a sale that has not closed: its lots still waiting or active are cancelled (sold
-- and passed lots keep their result). Cancelling twice changes nothing.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0')
-- Output: { 'cancelled' } | { 'already' } | { 'err', failure JSON }
local sale_id, actor, staff = ARGV[4], ARGV[5], ARGV[6]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if sale then sale.operator = actor end
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can cancel this sale')
end
if sale.status == 'cancelled' then return { 'already' } end
if sale.status == 'closed' then
  return fail('INVALID_STATUS', 'a closed sale cannot be cancelled', { status = sale.status })
end
local refusal = sale_write_refusal()
if refusal then return refusal end
local now = now_ms()
sale.status = 'cancelled'
for _, status in ipairs({ 'active', 'waiting' }) do
  for _, lot_id in ipairs(lots_in_status(sale, status)) do
    local lot = load_lot(lot_key(lot_id))
    set_lot_status(sale, lot, 'cancelled')
    publish_lot(sale, lot, now, 'auction_cancelled', nil, true)
    redis.call('HSET', lot.key, 'cancelledAt', now, 'seq', lot.seq)
  end
end
redis.call('DEL', sk.closing)
redis.call('HSET', sk.sale, 'status', 'cancelled', 'cancelledAt', now, 'cancelledBy', actor)
publish_sale(sale, now, 'sale_cancelled')
log_action(sale, { at = now, operator = actor, action = 'cancel' })
store_sale_seq(sale)
return { 'cancelled' }
