--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/setLotStatus"
--- @include "includes/publishLot"
--- @include "includes/closeSale"
--- @include "includes/timedSaleDone"
--- @include "includes/storeSaleSeq"
--- @include "includes/nextDue"
-- Withdraws one lot of a sale that is waiting or active (`auction cancel` on a lot): it
-- will not be sold. A timed sale closes with its last lot. Withdrawing twice changes nothing.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0')
-- Output: { 'cancelled', nextDue } | { 'already' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
local lot = sale and load_lot(lot_key(lot_id))
if not lot then return fail('AUCTION_NOT_FOUND', 'no auction ' .. lot_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can cancel this auction')
end
if lot.lotStatus == 'withdrawn' or lot.lotStatus == 'cancelled' then return { 'already' } end
if lot.lotStatus == 'sold' or lot.lotStatus == 'passed' then
  return fail('INVALID_STATUS', 'an ended auction cannot be cancelled', { status = 'ended' })
end
local now = now_ms()
set_lot_status(sale, lot, 'withdrawn')
redis.call('ZREM', sk.closing, lot_id)
publish_lot(sale, lot, now, 'auction_cancelled', nil, true)
redis.call('HSET', lot.key, 'cancelledAt', now, 'seq', lot.seq)
if timed_sale_done(sale) then close_sale(sale, now) end
store_sale_seq(sale)
return { 'cancelled', next_due(sale) }
