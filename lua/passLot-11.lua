--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/endLiveLot"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- Passes the lot on the block (bought in, unsold), whatever its bids. It can be offered
-- again (`sale offer --lot`) or reopened while the sale is open.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] the clerk's reason ('' = none given)
-- Output: { 'passed' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8] or ''
local sale, lot, failure = load_live_lot(sale_keys(), sale_id, lot_id, actor, staff)
if failure then return failure end
failure = not_on_block(sale, lot)
if failure then return failure end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
end_live_lot(sale, lot, now, 'passed', nil, false, actor, lot.leaderId, reason)
store_sale_seq(sale)
return { 'passed' }
