--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/setLotStatus"
--- @include "includes/publishLot"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- Reopens a sold or passed lot of an open live sale (a missed internet bid…): it goes back on
-- the block in its state at the hammer. The previous result is void, and kept in the log.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] reason
-- Output: { 'reopened' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local sk = sale_keys()
local sale, lot, failure = load_live_lot(sk, sale_id, lot_id, actor, staff)
if failure then return failure end
if sale.status ~= 'open' then
  return fail('INVALID_STATUS', 'only a lot of an open sale can be reopened; the sale is '
    .. sale.status, { status = sale.status })
end
if lot.lotStatus ~= 'sold' and lot.lotStatus ~= 'passed' then
  return fail('INVALID_STATUS', 'only a sold or passed lot can be reopened; lot ' .. lot.number
    .. ' is ' .. lot.lotStatus, { status = lot.lotStatus })
end
local on_block = redis.call('ZRANGE', sk.status.active, 0, 0)[1]
if on_block then
  return fail('LOT_ON_BLOCK', 'lot ' .. on_block .. ' is on the block', { lotId = on_block })
end
local voided = redis.call('HMGET', lot.key, 'winnerId', 'finalPrice', 'hammerAt', 'belowReserve')
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()

local was = lot.lotStatus
set_lot_status(sale, lot, 'active')
lot.endsAt, lot.warning, lot.askOverride = nil, false, nil
publish_lot(sale, lot, now, 'lot_reopened', { reason = reason }, true)
redis.call('HSET', lot.key, 'live', '1', 'endsAt', '', 'endedAt', '', 'winnerId', '',
  'finalPrice', '', 'resultReserveMet', '', 'hammerAt', '', 'belowReserve', '', 'warning', '',
  'askOverride', '', 'seq', lot.seq, 'closedBy', '', 'reopenedBy', actor, 'reopenedAt', now)
log_action(sale, { at = now, operator = actor, action = 'reopen', lotId = lot_id,
  priceBefore = lot.price, priceAfter = lot.price, leaderBefore = lot.leaderId or cjson.null,
  leaderAfter = lot.leaderId or cjson.null, reason = reason,
  detail = { voided = { status = was, winnerId = voided[1] ~= '' and voided[1] or cjson.null,
    finalPrice = tonumber(voided[2]), hammerAt = tonumber(voided[3]),
    belowReserve = voided[4] == '1' } } })
store_sale_seq(sale)
return { 'reopened' }
