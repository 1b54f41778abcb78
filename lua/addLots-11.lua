--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/addLot"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/appendLog"
-- Adds lots to a draft or scheduled sale, all or none: one lot (lot add) or a catalogue
-- (lot import). Idempotent by request id.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] request id ('' = none), [6] actor id, [7] staff ('1' | '0'),
--       [8..] each lot's validated fields as JSON (with its catalogue score)
-- Output: { 'added', lotId... } | { 'dup', lotId... } | { 'err', failure JSON } (REQUEST_ID_REUSED:
--       the request id was another actor's) where a
--       taken number carries rows = { index (1-based among the lots), code, message }
local sale_id, request_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

-- A request id is bound to its actor: the kept answer is "<actor>#<lot ids as JSON>", so
-- nobody else learns the lots it added.
local binding = actor .. '#'
if request_id ~= '' then
  local previous = redis.call('HGET', sk.requests, request_id)
  if previous then
    if string.sub(previous, 1, #binding) ~= binding then
      return fail('REQUEST_ID_REUSED', 'this request id was used by another actor')
    end
    local ids = cjson.decode(string.sub(previous, #binding + 1))
    return { 'dup', unpack(ids) }
  end
end
local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can add lots to this sale')
end
if sale.standalone then
  return fail('INVALID_STATUS', 'a single auction has exactly one lot', { status = sale.status })
end
if sale.status ~= 'draft' and sale.status ~= 'scheduled' then
  return fail('INVALID_STATUS', 'lots can be added while the sale is a draft or scheduled; it is '
    .. sale.status, { status = sale.status })
end

local lots, seen, taken = {}, {}, {}
for i = 8, #ARGV do
  local fields = cjson.decode(ARGV[i])
  local index = i - 7
  if seen[fields.number] or redis.call('HEXISTS', sk.numbers, fields.number) == 1 then
    taken[#taken + 1] = { index = index, code = 'LOT_NUMBER_TAKEN',
      message = 'lot ' .. fields.number .. ' is already in this sale' }
  end
  seen[fields.number] = true
  lots[#lots + 1] = fields
end
if #taken > 0 then
  return fail('LOT_NUMBER_TAKEN', 'a lot number is already in this sale', { rows = taken })
end

local refusal = sale_write_refusal()
if refusal then return refusal end
local now = now_ms()
local ids = {}
for _, fields in ipairs(lots) do ids[#ids + 1] = add_lot(sale, fields, now) end
-- The catalogue's changes are in the sale's audit log too: who added which lot, and when.
for _, id in ipairs(ids) do
  log_action(sale, { at = now, operator = actor, action = 'lot_add', lotId = id })
end
store_sale_seq(sale)
if request_id ~= '' then
  redis.call('HSET', sk.requests, request_id, binding .. cjson.encode(ids))
end
return { 'added', unpack(ids) }
