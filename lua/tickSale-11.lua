--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/openSale"
--- @include "includes/closeLot"
--- @include "includes/closeSale"
--- @include "includes/timedSaleDone"
--- @include "includes/storeSaleSeq"
--- @include "includes/nextDue"
--- @include "includes/writeRefusal"
-- The scheduler's work on one sale, on the server clock: opens it once its start has come,
-- closes its timed lots whose end has passed (at most `batch`; by end time, equal ones in
-- catalogue order), and closes a timed sale whose last lot has closed. Idempotent: any
-- number of schedulers may race.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] batch
-- Output: { acted, nextDue ('' = nothing due, 'missing' = no such sale), now }
--       | { 'err', failure JSON } (REDIS_NO_PERMISSION: this Redis user may not make its calls)
local sale_id, batch = ARGV[4], tonumber(ARGV[5])
local sk = sale_keys()

local now = now_ms()
local sale = load_sale(sk, sale_id)
if not sale then return { 0, 'missing', now } end
local refusal = sale_write_refusal()
if refusal then return refusal end
local acted = 0
if sale.status == 'scheduled' and sale.startsAt and sale.startsAt <= now then
  local first = first_close_at(sale, now)
  local startable = sale.mode ~= 'timed' or (first and first > now)
  -- A timed sale whose first close has passed before it could open stays scheduled; the
  -- seller sees it and reschedules. It is not due again.
  if not startable then return { 0, '', now } end
  open_sale(sale, now, first)
  acted = acted + 1
end
if sale.status == 'open' then
  local due = {}
  for _, lot_id in ipairs(redis.call('ZRANGE', sk.closing, '-inf', now, 'BYSCORE', 'LIMIT', 0,
    batch)) do
    due[#due + 1] = load_lot(lot_key(lot_id))
  end
  -- The index orders equal end times by lot id ("S.10" before "S.2"): close them in
  -- catalogue order instead.
  table.sort(due, function(a, b)
    if a.endsAt ~= b.endsAt then return a.endsAt < b.endsAt end
    return a.score < b.score
  end)
  for _, lot in ipairs(due) do
    close_lot(sale, lot, now)
    acted = acted + 1
  end
  if timed_sale_done(sale) then close_sale(sale, now) end
end
if acted > 0 then store_sale_seq(sale) end
return { acted, next_due(sale), now }
