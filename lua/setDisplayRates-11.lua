--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/publishSale"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- The room display's indicative rates (`sales:rates`): at most four other currencies, checked
-- by the engine; sent to every display at once.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0'), [7] the rates as JSON text
-- Output: { 'set' } | { 'err', failure JSON }
local sale_id, actor, staff, rates = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()
local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can change this sale')
end
local refusal = sale_write_refusal()
if refusal then return refusal end
local now = now_ms()
local decoded = cjson.decode(rates)
publish_sale(sale, now, 'rates_changed', { displayRates = decoded })
redis.call('HSET', sk.sale, 'displayRates', rates)
log_action(sale, { at = now, operator = actor, action = 'rates', detail = { rates = decoded } })
store_sale_seq(sale)
return { 'set' }
