--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/publishLot"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- Fair warning on the lot on the block: informational, no price changes; the next accepted
-- bid clears it (placeBid publishes warning_cleared).
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0')
-- Output: { 'warned' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sale, lot, failure = load_live_lot(sale_keys(), sale_id, lot_id, actor, staff)
if failure then return failure end
failure = not_on_block(sale, lot)
if failure then return failure end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
lot.warning = true
publish_lot(sale, lot, now, 'fair_warning')
redis.call('HSET', lot.key, 'warning', '1', 'seq', lot.seq)
log_action(sale, { at = now, operator = actor, action = 'warning', lotId = lot_id,
  priceBefore = lot.price, priceAfter = lot.price, leaderBefore = lot.leaderId or cjson.null,
  leaderAfter = lot.leaderId or cjson.null })
store_sale_seq(sale)
return { 'warned' }
