--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/mayAct"
--- @include "includes/saleKeys"
--- @include "includes/loadSale"
--- @include "includes/loadLot"
--- @include "includes/lotKey"
--- @include "includes/setLotStatus"
--- @include "includes/publishLot"
--- @include "includes/absenteeBook"
--- @include "includes/undoState"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/paddleChecks"
-- Puts a lot of an open live sale on the block: the next waiting lot in catalogue order, or
-- the one named (a waiting lot out of order, or a passed lot offered again). A lot offered
-- for the first time executes its absentee book. One lot at a time: LOT_ON_BLOCK otherwise.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id,
--       [5] lot id ('' = the next waiting lot), [6] actor id, [7] staff ('1' | '0')
-- Output: { 'offered', lotId } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local sk = sale_keys()

local sale = load_sale(sk, sale_id)
if not sale then return fail('SALE_NOT_FOUND', 'no sale ' .. sale_id) end
if not may_act(sale.sellerId, actor, staff) then
  return fail('NOT_SELLER', 'only the seller or staff can run this sale')
end
if sale.mode ~= 'live' then return fail('NOT_LIVE_SALE', 'sale ' .. sale_id .. ' is timed') end
if sale.status ~= 'open' then
  return fail('INVALID_STATUS', 'only an open sale offers lots; this one is ' .. sale.status,
    { status = sale.status })
end
local on_block = redis.call('ZRANGE', sk.status.active, 0, 0)[1]
if on_block then
  return fail('LOT_ON_BLOCK', 'lot ' .. on_block .. ' is on the block', { lotId = on_block })
end
if lot_id == '' then
  lot_id = redis.call('ZRANGE', sk.status.waiting, 0, 0)[1]
  if not lot_id then return fail('NO_LOT_WAITING', 'no lot is left to offer') end
end
local lot = load_lot(lot_key(lot_id))
if not lot or string.sub(lot_id, 1, #sale_id + 1) ~= sale_id .. '.' then
  return fail('AUCTION_NOT_FOUND', 'no lot ' .. lot_id .. ' in sale ' .. sale_id)
end
if lot.lotStatus ~= 'waiting' and lot.lotStatus ~= 'passed' then
  return fail('INVALID_STATUS', 'only a waiting or passed lot can be offered; lot ' .. lot.number
    .. ' is ' .. lot.lotStatus, { status = lot.lotStatus })
end
local first_offer = lot.lotStatus == 'waiting'
local book = first_offer and read_book(lot) or {}
-- A book bidder with a credit limit bids only as far as the limit lets it (paddleChecks).
local caps = {}
if #book > 0 and redis.call('HGET', sk.sale, 'paddleChecks') == '1' then
  local bands = sale_bands(sk.sale)
  for _, entry in ipairs(book) do
    local _, _, limit = paddle_entry(sk.sale, entry.bidder)
    if limit then
      caps[entry.bidder] = paddle_cap(sk.sale, ARGV[3], lot_id, entry.bidder, limit, bands, nil)
    end
  end
end
book = book_within_limits(lot, book, caps)
local history_key = lot.key .. ':bids'
local history_length = redis.call('LLEN', history_key)
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()

set_lot_status(sale, lot, 'active')
lot.endsAt, lot.warning, lot.askOverride = nil, false, nil
if first_offer then lot.startsAt = now end
publish_lot(sale, lot, now, 'lot_offered', nil, true)
redis.call('HSET', lot.key, 'live', '1', 'startsAt', lot.startsAt or now, 'endsAt', '',
  'warning', '', 'askOverride', '', 'winnerId', '', 'finalPrice', '', 'resultReserveMet', '',
  'hammerAt', '', 'belowReserve', '', 'endedAt', '', 'seq', lot.seq)
log_action(sale, { at = now, operator = actor, action = 'offer', lotId = lot_id,
  priceBefore = lot.price, priceAfter = lot.price, leaderBefore = lot.leaderId or cjson.null,
  leaderAfter = lot.leaderId or cjson.null, detail = { number = lot.number, again = not first_offer } })

if #book > 0 then
  local before = undo_text(lot, history_length, #book)
  local entries = execute_book(lot, book)
  local seq = sale.seq + 1
  local lines = {}
  for i, e in ipairs(entries) do
    lines[i] = table.concat({ seq, now, e[1], e[2], e[3], e[4], e[5] }, '|')
  end
  local first_id = redis.call('RPUSH', history_key, unpack(lines)) - #entries + 1
  redis.call('RPUSH', lot.key .. ':undo', before)
  local bids = {}
  for i, e in ipairs(entries) do
    bids[i] = { id = first_id + i - 1, bidderId = e[1], amount = e[2], kind = e[3],
      outcome = e[4], source = e[5], at = now, seq = seq }
  end
  publish_lot(sale, lot, now, 'book_executed', { bids = bids })
  redis.call('HSET', lot.key, 'currentPrice', lot.price, 'leaderId', lot.leaderId,
    'leaderMax', lot.leaderMax, 'leaderSource', lot.leaderSource, 'bidCount', lot.bidCount,
    'seq', lot.seq)
  log_action(sale, { at = now, operator = actor, action = 'book_executed', lotId = lot_id,
    priceBefore = lot.startingPrice, priceAfter = lot.price, leaderBefore = cjson.null,
    leaderAfter = lot.leaderId, detail = { entries = #book, max = lot.leaderMax } })
end
store_sale_seq(sale)
return { 'offered', lot_id }
