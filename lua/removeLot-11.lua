--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/loadOwnDraftLot"
--- @include "includes/publishSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/appendLog"
-- Removes a lot from a draft or scheduled sale, with its (empty) history and request ids.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0')
-- Output: { 'removed' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local sale, lot, failure = load_own_draft_lot(sk, sale_id, lot_id, actor, staff, 'remove')
if failure then return failure end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
redis.call('DEL', lot.key, lot.key .. ':bids', lot.key .. ':requests')
redis.call('ZREM', sk.lots, lot_id)
redis.call('ZREM', sk.status.waiting, lot_id)
redis.call('HDEL', sk.numbers, lot.number)
publish_sale(sale, now, 'lot_removed', { lotId = lot_id, number = lot.number })
log_action(sale, { at = now, operator = actor, action = 'lot_remove', lotId = lot_id,
  detail = { number = lot.number } })
store_sale_seq(sale)
return { 'removed' }
