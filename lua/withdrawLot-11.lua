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
--- @include "includes/auctionStatus"
--- @include "includes/appendLog"
--- @include "includes/writeRefusal"
-- Withdraws one lot of a sale that is waiting or active (`auction cancel` on a lot): it
-- will not be sold. A timed sale closes with its last lot. Withdrawing twice changes nothing.
-- A live sale's lot is withdrawn only while it waits (`lot withdraw`): its absentee book is
-- kept in the audit log.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0')
-- Output: { 'cancelled', nextDue } | { 'already' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if sale then sale.operator = actor end
local lot = sale and load_lot(lot_key(lot_id))
if not lot then return fail('AUCTION_NOT_FOUND', 'no auction ' .. lot_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can cancel this auction')
end
if lot.lotStatus == 'withdrawn' or lot.lotStatus == 'cancelled' then return { 'already' } end
if lot.lotStatus == 'sold' or lot.lotStatus == 'passed' then
  return fail('INVALID_STATUS', 'an ended auction cannot be cancelled', { status = 'ended' })
end
local live = sale.mode == 'live' and not sale.standalone
if live and lot.lotStatus ~= 'waiting' then
  return fail('INVALID_STATUS', 'only a waiting lot can be withdrawn; pass the lot on the block',
    { status = auction_status(lot.lotStatus, sale.status) })
end
local book = live and redis.call('HGETALL', lot.key .. ':book') or {}
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
set_lot_status(sale, lot, 'withdrawn')
redis.call('ZREM', sk.closing, lot_id)
publish_lot(sale, lot, now, live and 'lot_withdrawn' or 'auction_cancelled', nil, true)
local kept = {}
for i = 1, #book, 2 do
  kept[#kept + 1] = { bidder = book[i], max = tonumber(string.match(book[i + 1], '^(%d+)')) }
end
log_action(sale, { at = now, operator = actor, action = 'withdraw', lotId = lot_id,
  priceBefore = lot.price, priceAfter = lot.price, leaderBefore = lot.leaderId or cjson.null,
  leaderAfter = lot.leaderId or cjson.null, detail = #kept > 0 and { book = kept } or nil })
redis.call('HSET', lot.key, 'cancelledAt', now, 'seq', lot.seq, 'withdrawnBy', actor)
if timed_sale_done(sale) then close_sale(sale, now) end
store_sale_seq(sale)
return { 'cancelled', next_due(sale) }
