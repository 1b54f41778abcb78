--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/publishSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/appendLog"
-- Sets the catalogue order explicitly (it is the number order until then), while the sale is
-- a draft or scheduled. Every lot of the sale is named once, by its number; lots added later
-- go to the end.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0'), [7..] every lot number, in the new order
-- Output: { 'reordered' } | { 'err', failure JSON }
local sale_id, actor, staff = ARGV[4], ARGV[5], ARGV[6]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can reorder this sale')
end
if sale.status ~= 'draft' and sale.status ~= 'scheduled' then
  return fail('INVALID_STATUS', 'the catalogue can be reordered while the sale is a draft or '
    .. 'scheduled; it is ' .. sale.status, { status = sale.status })
end
local count = redis.call('ZCARD', sk.lots)
local ids, seen = {}, {}
for i = 7, #ARGV do
  local number = ARGV[i]
  local lot_id = redis.call('HGET', sk.numbers, number)
  if not lot_id then
    return fail('INVALID_INPUT', 'lot ' .. number .. ' is not in this sale', { field = 'order' })
  end
  if seen[number] then
    return fail('INVALID_INPUT', 'lot ' .. number .. ' is named twice', { field = 'order' })
  end
  seen[number] = true
  ids[#ids + 1] = lot_id
end
if #ids ~= count then
  return fail('INVALID_INPUT', 'name every lot of the sale once: it has ' .. count .. ' lots',
    { field = 'order' })
end

local refusal = sale_write_refusal()
if refusal then return refusal end
local now = now_ms()
for position, lot_id in ipairs(ids) do
  local key = ARGV[3] .. lot_id
  local status = redis.call('HGET', key, 'lotStatus')
  redis.call('ZADD', sk.lots, position, lot_id)
  redis.call('ZADD', sk.status[status], position, lot_id)
  redis.call('HSET', key, 'score', position)
end
redis.call('HSET', sk.sale, 'explicitOrder', 1)
publish_sale(sale, now, 'lots_reordered')
log_action(sale, { at = now, operator = actor, action = 'reorder' })
store_sale_seq(sale)
return { 'reordered' }
