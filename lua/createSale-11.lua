--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/addLot"
--- @include "includes/openSale"
--- @include "includes/publishSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/appendLog"
--- @include "includes/nextDue"
--- @include "includes/writeRefusal"
-- Creates a sale from fields validated by the engine; the server clock stamps it. A
-- standalone auction is created here too: a timed sale and its one lot, in one step.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] request id ('' = none), [6] initial ('draft' | 'scheduled' | 'start'),
--       [7] the standalone lot's fields as JSON ('' = a sale without lots yet),
--       [8..] field/value pairs of the sale hash
-- Output: { 'created', status, nextDue, createdAt } | { 'dup', status, nextDue, createdAt }
--       | { 'err', failure JSON }
local sale_id, request_id, initial, lot_json = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local existing = redis.call('HMGET', sk.sale, 'status', 'requestId', 'createdAt')
if existing[1] then
  if request_id ~= '' and existing[2] == request_id then
    local sale = load_sale(sk, sale_id)
    return { 'dup', sale.status, next_due(sale), existing[3] }
  end
  return fail('INVALID_INPUT', 'a sale with this id exists', { field = 'id' })
end

local now = now_ms()
local fields = {}
for i = 8, #ARGV, 2 do fields[ARGV[i]] = ARGV[i + 1] end
local starts, first = tonumber(fields.startsAt), tonumber(fields.firstCloseAt)
local close_field = lot_json ~= '' and 'endsAt' or 'firstCloseAt'
if first and first <= now then
  return fail('INVALID_INPUT', 'the close time has already passed', { field = close_field })
end
if first and starts and starts >= first then
  return fail('INVALID_INPUT', 'the start time must be before the close time', { field = 'startsAt' })
end
if initial == 'start' and fields.mode == 'timed' and lot_json == '' then
  return fail('INVALID_STATUS', 'a timed sale opens with its lots: add them, then start it',
    { status = 'draft' })
end

local refusal = sale_write_refusal()
if refusal then return refusal end
local status = initial == 'scheduled' and 'scheduled' or 'draft'
-- seq first: every bid raises it, and Redis searches a small hash from its front.
redis.call('HSET', sk.sale, 'seq', 0)
redis.call('HSET', sk.sale, unpack(ARGV, 8))
redis.call('HSET', sk.sale, 'status', status, 'createdAt', now, 'nextLot', 0,
  'requestId', request_id)
local sale = load_sale(sk, sale_id)
sale.operator = fields.sellerId
publish_sale(sale, now, 'sale_created',
  { title = fields.title, mode = fields.mode, sellerId = fields.sellerId })
log_action(sale, { at = now, operator = fields.createdBy or fields.sellerId, action = 'create',
  detail = { title = fields.title, mode = fields.mode } })
if lot_json ~= '' then add_lot(sale, cjson.decode(lot_json), now) end
if initial == 'start' then open_sale(sale, now, first_close_at(sale, now)) end
store_sale_seq(sale)
return { 'created', sale.status, next_due(sale), now }
