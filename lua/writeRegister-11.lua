--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/publishSale"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/intText"
--- @include "includes/enablePaddleChecks"
-- The sale's bidder register: adds, changes or imports entries (register add|update|approve|
-- import). Each entry is kept twice, on the sale's slot: its JSON in the register hash, and
-- "<approved 1|0>|<limit or empty>" in the paddles hash the bid script reads. A limit turns on
-- the paddle checks of the sale and its lots. The engine has checked the fields and the money.
-- KEYS: the sale's eleven keys (saleKeys); the register and paddles hashes are the sale's own
--       keys KEYS[1] .. ':register' and KEYS[1] .. ':paddles' (keys.ts saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] actor id, [6] staff ('1' | '0'), [7] mode: 'add' | 'update' | 'import',
--       [8..] one entry each as JSON: add and import every field (paddle, name, email, phone,
--       kind, approved, limit, notes); update the paddle and the fields that change (null
--       clears)
-- Output: { 'written', entry JSON... } in the order given | { 'err', failure JSON }:
--       SALE_NOT_FOUND, NOT_SELLER, INVALID_STATUS (cancelled), SELLER_CANNOT_BID,
--       PADDLE_TAKEN (add), PADDLE_NOT_FOUND (update), or for import INVALID_CATALOGUE with
--       rows = { index (1-based among the entries), code, message }, REDIS_NO_PERMISSION
local sale_id, actor, staff, mode = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()
local register_key, paddles_key = KEYS[1] .. ':register', KEYS[1] .. ':paddles'

local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', "only the seller or staff can change this sale's register")
end
if sale.status == 'cancelled' then
  return fail('INVALID_STATUS', 'the sale is cancelled', { status = sale.status })
end

-- Every entry's problem, before anything is written.
local entries, rows, seen = {}, {}, {}
for i = 8, #ARGV do
  local fields = cjson.decode(ARGV[i])
  local paddle = fields.paddle
  local code, message
  local stored = redis.call('HGET', register_key, paddle)
  if paddle == sale.sellerId then
    code, message = 'SELLER_CANNOT_BID', 'paddle ' .. paddle .. " is the sale's seller"
  elseif mode == 'update' then
    if not stored then
      code, message = 'PADDLE_NOT_FOUND', 'paddle ' .. paddle .. ' is not in the register'
    end
  elseif stored or seen[paddle] then
    code, message = 'PADDLE_TAKEN', 'paddle ' .. paddle .. ' is already in the register'
  end
  seen[paddle] = true
  if code then
    if mode ~= 'import' then return fail(code, message, { field = 'paddle' }) end
    rows[#rows + 1] = { index = i - 7, code = code, message = message }
  end
  entries[#entries + 1] = { fields = fields, stored = stored }
end
if #rows > 0 then
  return fail('INVALID_CATALOGUE', #rows .. ' bad row(s); nothing was imported', { rows = rows })
end

local refusal = sale_write_refusal() or write_refusal({
  { 'HSET', register_key, 'f', '' }, { 'HSET', paddles_key, 'f', '' },
  { 'SADD', KEYS[1] .. ':leads:p', 'm' },
})
if refusal then return refusal end

local now = now_ms()
-- The reply is built in `written` itself: unpack() cannot spread 10,000 entries.
local written, paddles, limited = { 'written' }, {}, false
for _, item in ipairs(entries) do
  local entry = item.stored and cjson.decode(item.stored) or { createdAt = now }
  for field, value in pairs(item.fields) do entry[field] = value end
  entry.updatedAt = now
  local text = cjson.encode(entry)
  local has_limit = type(entry.limit) == 'number'
  limited = limited or has_limit
  redis.call('HSET', register_key, entry.paddle, text)
  redis.call('HSET', paddles_key, entry.paddle,
    (entry.approved == true and '1' or '0') .. '|' .. (has_limit and int_s(entry.limit) or ''))
  written[#written + 1] = text
  paddles[#paddles + 1] = entry.paddle
end
if limited then enable_paddle_checks(sk, ARGV[3]) end

publish_sale(sale, now, 'register_changed', { paddles = paddles })
-- One entry's fields are logged as sent (a changed limit is the house's business); an import
-- logs its paddles only.
local detail = { mode = mode, paddles = paddles }
if #entries == 1 then detail.fields = entries[1].fields end
log_action(sale, { at = now, operator = actor, action = 'register', detail = detail })
store_sale_seq(sale)
return written
