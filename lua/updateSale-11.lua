--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/publishSale"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/enablePaddleChecks"
-- Changes a draft sale's title, description and settlement terms (`sales:update`), with
-- fields validated by the engine (sale-terms.ts). A sale that now requires registration
-- has its bids check paddles from here on (enable_paddle_checks flags the sale and its lots).
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0'), [7] the changed fields as a JSON object of text
-- Output: { 'updated' } | { 'err', failure JSON }
local sale_id, actor, staff = ARGV[4], ARGV[5], ARGV[6]
local changes = cjson.decode(ARGV[7])
local sk = sale_keys()
local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can change this sale')
end
if sale.status ~= 'draft' then
  return fail('INVALID_STATUS', 'a sale can be changed while it is a draft; it is '
    .. sale.status, { status = sale.status })
end

local refusal = sale_write_refusal()
  or (changes.requireRegistration == '1'
    and write_refusal({ { 'SADD', KEYS[1] .. ':leads:m', 'm' } }))
if refusal then return refusal end
local now = now_ms()
local pairs_, names = {}, {}
for field, value in pairs(changes) do
  pairs_[#pairs_ + 1] = field
  pairs_[#pairs_ + 1] = value
  names[#names + 1] = field
end
table.sort(names)
if #pairs_ > 0 then redis.call('HSET', sk.sale, unpack(pairs_)) end
if changes.requireRegistration == '1' then enable_paddle_checks(sk, ARGV[3]) end
local title = redis.call('HGET', sk.sale, 'title')
local description = redis.call('HGET', sk.sale, 'description') or ''
-- The terms themselves stay out of the event (the commission is staff's and the seller's):
-- consoles read the sale again when `changed` names one.
publish_sale(sale, now, 'sale_updated',
  { title = title, description = description, changed = #names > 0 and names or nil })
log_action(sale, { at = now, operator = actor, action = 'sale_update', detail = { changes = changes } })
store_sale_seq(sale)
return { 'updated' }
