--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/publishLot"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- The clerk's asking price for the next bid only (`lot ask`), e.g. a split at half an
-- increment: above the current price. The next accepted bid clears it.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] the asking price (minor units)
-- Output: { 'asked' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff, amount = ARGV[4], ARGV[5], ARGV[6], ARGV[7], tonumber(ARGV[8])
local sale, lot, failure = load_live_lot(sale_keys(), sale_id, lot_id, actor, staff)
if failure then return failure end
failure = not_on_block(sale, lot)
if failure then return failure end
if amount <= lot.price then
  return fail('INVALID_AMOUNT', 'the asking price must be above the current price',
    { field = 'amount' })
end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
local before = asking_price(lot)
lot.askOverride = amount
publish_lot(sale, lot, now, 'ask_changed', { askOverride = amount })
redis.call('HSET', lot.key, 'askOverride', amount, 'seq', lot.seq)
log_action(sale, { at = now, operator = actor, action = 'ask', lotId = lot_id,
  priceBefore = lot.price, priceAfter = lot.price, leaderBefore = lot.leaderId or cjson.null,
  leaderAfter = lot.leaderId or cjson.null, detail = { askingBefore = before, asking = amount } })
store_sale_seq(sale)
return { 'asked' }
