--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/loadOwnDraftLot"
--- @include "includes/publishSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/appendLog"
-- Edits a lot of a draft or scheduled sale with fields validated by the engine.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] the changed fields as JSON (number with score)
-- Output: { 'updated' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local changes = cjson.decode(ARGV[8])
local sk = sale_keys()

local sale, lot, failure = load_own_draft_lot(sk, sale_id, lot_id, actor, staff, 'edit')
if failure then return failure end
local renumbered = changes.number and changes.number ~= lot.number
if renumbered and redis.call('HEXISTS', sk.numbers, changes.number) == 1 then
  return fail('LOT_NUMBER_TAKEN', 'lot ' .. changes.number .. ' is already in this sale',
    { field = 'number' })
end

local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
-- Once the order was set by hand, a new number keeps the lot where it is.
if redis.call('HGET', sk.sale, 'explicitOrder') == '1' then changes.score = nil end
local pairs_ = {}
for field, value in pairs(changes) do
  pairs_[#pairs_ + 1] = field
  pairs_[#pairs_ + 1] = value
end
if changes.startingPrice then
  pairs_[#pairs_ + 1] = 'currentPrice'
  pairs_[#pairs_ + 1] = changes.startingPrice
end
if renumbered then
  redis.call('HDEL', sk.numbers, lot.number)
  redis.call('HSET', sk.numbers, changes.number, lot_id)
  if changes.score then
    redis.call('ZADD', sk.lots, changes.score, lot_id)
    redis.call('ZADD', sk.status.waiting, changes.score, lot_id)
  end
end
if #pairs_ > 0 then redis.call('HSET', lot.key, unpack(pairs_)) end
publish_sale(sale, now, 'lot_updated', { lotId = lot_id, number = changes.number or lot.number })
redis.call('HSET', lot.key, 'seq', sale.seq)
changes.score = nil
log_action(sale, { at = now, operator = actor, action = 'lot_update', lotId = lot_id,
  detail = { changes = changes } })
store_sale_seq(sale)
return { 'updated' }
