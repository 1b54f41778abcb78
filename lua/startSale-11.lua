--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/openSale"
--- @include "includes/storeSaleSeq"
--- @include "includes/nextDue"
--- @include "includes/writeRefusal"
-- Opens a draft or scheduled sale now, by its seller or staff.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0')
-- Output: { 'started', nextDue } | { 'err', failure JSON }
local sale_id, actor, staff = ARGV[4], ARGV[5], ARGV[6]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if sale then sale.operator = actor end
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can start this sale')
end
if sale.status ~= 'draft' and sale.status ~= 'scheduled' then
  return fail('INVALID_STATUS', 'only a draft or scheduled sale can start; this one is '
    .. sale.status, { status = sale.status })
end
local now = now_ms()
local first = first_close_at(sale, now)
if sale.mode == 'timed' then
  if redis.call('ZCARD', sk.status.waiting) == 0 then
    return fail('INVALID_STATUS', 'a timed sale needs at least one lot to start',
      { status = sale.status })
  end
  if not first then
    return fail('INVALID_INPUT', 'a timed sale needs a first close time or a duration',
      { field = 'firstCloseAt' })
  end
  if first <= now then
    return fail('INVALID_INPUT', 'the close time has already passed',
      { field = sale.standalone and 'endsAt' or 'firstCloseAt' })
  end
end
local refusal = sale_write_refusal()
if refusal then return refusal end
open_sale(sale, now, first)
store_sale_seq(sale)
return { 'started', next_due(sale) }
