--- @include "includes/nowMs"
--- @include "includes/askingPrice"
--- @include "includes/reserveMet"
--- @include "includes/auctionStatus"
--- @include "includes/bidRejection"
--- @include "includes/intText"
--- @include "includes/bidEvent"
--- @include "includes/appendLog"
--- @include "includes/absenteeBid"
--- @include "includes/writeRefusal"
--- @include "includes/paddleChecks"
-- Places one bid on a lot atomically: validation, proxy (maximum) bidding, reserve, soft
-- close (which moves this lot alone in the sale's closing index), history, idempotency by
-- request id, and the events on the sale's channel with the sale's seq.
-- Cost matters here more than anywhere: on a contested lot most calls are rejections. So a
-- rejection reads only the fields the rejecting rules need, and builds its answer as text;
-- the fields only an accepted bid needs are read after every rule has passed.
-- A live sale's lot also keeps, per accepted bid, the state before it (`<lot>:undo`, for
-- `lot retract`), and takes absentee bids into its book while it waits to be offered.
-- Every accepted bid is appended to the sale's audit log.
-- A lot whose sale has a register (`paddleChecks`) checks the paddle against it, right after
-- SELLER_CANNOT_BID, and holds paddles with a credit limit to it (includes/paddleChecks).
-- KEYS: [1] the lot hash, [2] the sale hash (seq). The lot's bid history (`<lot>:bids`), its
--       requestId → answer hash (`<lot>:requests`), its undo list and book, the sale's
--       closing index (`<sale>:closing`), its log (`<sale>:log`) and its channel
--       (`<sale>:events`) are named from these, as
--       src/main/engine/keys.ts names them: the same hash tag, so the same slot, and every
--       argument costs both sides on every call.
-- ARGV: [1] publish command, [2] lot id, [3] request id ('' = none), [4] bidder id,
--       [5] amount ('m:<minor>', 'd:<decimal text>', or 'a:' for the asking price at the
--       moment the bid lands), [6] maximum ('m:' or 'd:', or ''), [7] source,
--       [8] the operator who entered it ('' = the bidder), for the audit log
-- The sale's id comes from its key, `sale:{<saleId>}`.
-- Output: { 'ok', answer } | { 'dup', answer } | { 'err', failure JSON }; the answer is
--       "bidId|result|price|leader|bidCount|endsAt|extended|reserveMet|max|asking", kept per
--       request id after "bidder|amount|max|source#" (REQUEST_ID_REUSED when they differ)
local MAX_MINOR = 10000000000000
local lot_id, request_id, bidder, amount_spec, max_spec, source, operator =
  ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
if not operator or operator == '' then operator = bidder end
local lot_key, sale_key = KEYS[1], KEYS[2]
local requests_key = lot_key .. ':requests'
-- A request id is bound to its bid: the stored answer starts with "bidder|amount|max|source#",
-- so another bidder (or another bid) reusing it gets nothing of the first answer.
local binding = ''
if request_id ~= '' then
  binding = bidder .. '|' .. amount_spec .. '|' .. max_spec .. '|' .. source .. '#'
  local previous = redis.call('HGET', requests_key, request_id)
  if previous then
    if string.sub(previous, 1, #binding) == binding then
      return { 'dup', string.sub(previous, #binding + 1) }
    end
    return reject('REQUEST_ID_REUSED', 'this request id was used for another bid')
  end
end

-- The fields the rejecting rules need, and the asking price: the front of the lot hash.
local raw = redis.call('HMGET', lot_key, 'lotStatus', 'currentPrice', 'leaderId', 'endsAt',
  'digits', 'sellerId', 'startingPrice', 'increment', 'incrementTable', 'askOverride',
  'paddleChecks')
if not raw[1] then
  return reject('AUCTION_NOT_FOUND', 'no auction ' .. lot_id)
end
local raw_price, raw_ends = raw[2], raw[4] or ''
local a = {
  lotStatus = raw[1],
  price = tonumber(raw[2]),
  leaderId = (raw[3] ~= '' and raw[3]) or nil,
  endsAt = tonumber(raw[4]),
  digits = tonumber(raw[5]),
  sellerId = raw[6],
  startingPrice = tonumber(raw[7]),
  increment = tonumber(raw[8]),
  incrementTable = raw[9] or '',
  askOverride = tonumber(raw[10]),
}
local raw_ask = raw[10] or ''
-- The room's anonymous floor paddle is named at the hammer, and checked there.
local checks = raw[11] == '1' and bidder ~= 'floor'

local function parse_amount(spec)
  local kind, body = string.sub(spec, 1, 2), string.sub(spec, 3)
  local value
  if kind == 'm:' then
    if not string.match(body, '^%d+$') or #body > 14 then return nil end
    value = tonumber(body)
  elseif kind == 'd:' then
    local whole, fraction = string.match(body, '^(%d+)%.(%d+)$')
    if not whole then
      whole, fraction = string.match(body, '^(%d+)$'), ''
    end
    if not whole or #fraction > a.digits then return nil end
    whole = (string.gsub(whole, '^0+', ''))
    if #whole > 14 then return nil end
    value = (tonumber(whole) or 0) * (10 ^ a.digits)
      + (tonumber(fraction .. string.rep('0', a.digits - #fraction)) or 0)
  else
    return nil
  end
  if value > MAX_MINOR then return nil end
  return value
end

local asking = asking_price(a)
local amount
if amount_spec == 'a:' then
  amount = asking
else
  amount = parse_amount(amount_spec)
  if not amount then return reject_field('INVALID_AMOUNT', 'the amount is not a valid amount', 'amount') end
end
local max = amount
if max_spec ~= '' then
  max = parse_amount(max_spec)
  if not max then return reject_field('INVALID_AMOUNT', 'the maximum is not a valid amount', 'max') end
end
if max < amount then
  return reject('MAX_BELOW_AMOUNT', 'the maximum is below the amount')
end
if a.lotStatus ~= 'active' then
  local sale = redis.call('HMGET', sale_key, 'status', 'mode')
  if sale[2] == 'live' then
    if a.lotStatus == 'waiting' then
      return absentee_bid(lot_key, sale_key, lot_id, a, request_id, binding, bidder, amount, max,
        max_spec, source, operator, asking, checks)
    end
    if a.lotStatus == 'sold' or a.lotStatus == 'passed' then
      return reject('LOT_CLOSED', 'the hammer has fallen on this lot')
    end
  end
  local status = auction_status(a.lotStatus, sale[1])
  return reject('AUCTION_NOT_ACTIVE', 'the auction is ' .. status, ',"status":"' .. status .. '"')
end
local now = now_ms()
if a.endsAt and now >= a.endsAt then
  return reject('AUCTION_ENDED', 'the auction has ended')
end
if bidder == a.sellerId then
  return reject('SELLER_CANNOT_BID', 'the seller cannot bid on their own auction')
end
local bidder_limit
if checks then
  local refusal
  refusal, bidder_limit = paddle_refusal(sale_key, bidder)
  if refusal then return refusal end
end
if amount < asking then
  return reject('BID_TOO_LOW', 'the bid is below the asking price', ',"minimumBid":' .. int_s(asking))
end

-- Every rule but one passed: the rest of the lot's state.
raw = redis.call('HMGET', lot_key, 'leaderMax', 'leaderSource', 'bidCount', 'seq',
  'reservePrice', 'softCloseSeconds', 'startsAt', 'live', 'warning')
local raw_leader_max, raw_seq, raw_starts = raw[1], raw[4] or '0', raw[7] or ''
local live, warned = raw[8] == '1', raw[9] == '1'
-- A live lot's state before this bid, for `lot retract`; the history length is added below.
-- (price|leader|leaderMax|leaderSource|bidCount|endsAt|askOverride|warning|history length)
local undo = live and table.concat({ raw_price, a.leaderId or '', raw_leader_max or '',
  raw[2] or '', raw[3] or '0', raw_ends, raw_ask, warned and '1' or '' }, '|')
a.leaderMax = tonumber(raw_leader_max) or 0
a.bidCount = tonumber(raw[3])
a.reservePrice = tonumber(raw[5])
a.softCloseSeconds = tonumber(raw[6]) or 0
local old_leader_max = a.leaderMax

-- Credit limits: each side's maximum counts only up to the price its limit allows here.
local bidder_cap, leader_cap
if checks then
  local leader_limit
  if a.leaderId and a.leaderId ~= bidder and a.leaderId ~= 'floor' then
    local _, _, limit = paddle_entry(sale_key, a.leaderId)
    leader_limit = limit
  end
  if bidder_limit or leader_limit then
    local bands = sale_bands(sale_key)
    local lot_prefix = string.sub(lot_key, 1, #lot_key - #lot_id)
    local headroom
    bidder_cap, headroom = paddle_cap(sale_key, lot_prefix, lot_id, bidder, bidder_limit, bands,
      a.leaderId == bidder and a.price or nil)
    if bidder_cap and amount > bidder_cap then
      return reject('CREDIT_LIMIT', 'the bid would take paddle ' .. bidder .. ' over its credit limit',
        ',"headroom":' .. int_s(headroom))
    end
    leader_cap = paddle_cap(sale_key, lot_prefix, lot_id, a.leaderId, leader_limit, bands, a.price)
  end
end
local max_in_limit = bidder_cap and math.min(max, bidder_cap) or max
local leader_max_in_limit = leader_cap and math.min(a.leaderMax, leader_cap) or a.leaderMax
-- The maximum the lot's leader holds after this bid, as far as its limit lets it count.
local lead_in_limit

-- An automatic bid carries the source of the maximum it came from, not the challenger's.
local leader_source = (raw[2] ~= '' and raw[2]) or source
-- The bid's history entries, in order: { bidder, amount, kind, outcome, source }.
local entries = {}
local own_entry = nil
local result
local old_price, old_leader = a.price, a.leaderId
-- `floor` is the room's anonymous paddle (a live sale's floor key): two floor bids in a row
-- come from two people, so the second is a new bid, not the leader's own.
if a.leaderId == bidder and bidder ~= 'floor' then
  if max <= a.leaderMax then
    return reject('ALREADY_LEADING', 'the bidder is already leading')
  end
  a.leaderMax, leader_source = max, source
  lead_in_limit = max_in_limit
  result = 'max_raised'
elseif not a.leaderId then
  a.leaderId, a.leaderMax, a.price, leader_source = bidder, max, amount, source
  lead_in_limit = max_in_limit
  entries[1] = { bidder, amount, 'manual', 'leading', source }
  own_entry = 1
  result = 'leading'
elseif max_in_limit > leader_max_in_limit then
  local new_price = math.max(amount, math.min(max_in_limit,
    leader_max_in_limit + inc_at(a, leader_max_in_limit)))
  if leader_max_in_limit > a.price then
    entries[1] = { a.leaderId, leader_max_in_limit, 'auto', 'outbid', leader_source }
  end
  a.leaderId, a.leaderMax, a.price, leader_source = bidder, max, new_price, source
  lead_in_limit = max_in_limit
  entries[#entries + 1] = { bidder, new_price, 'manual', 'leading', source }
  own_entry = #entries
  result = 'leading'
else
  -- The earlier maximum wins ties.
  local new_price = math.min(leader_max_in_limit, max_in_limit + inc_at(a, max_in_limit))
  entries[1] = { bidder, max_in_limit, 'manual', 'outbid', source }
  own_entry = 1
  a.price = new_price
  lead_in_limit = leader_max_in_limit
  entries[2] = { a.leaderId, new_price, 'auto', 'leading', leader_source }
  result = 'outbid'
end

if a.reservePrice and lead_in_limit >= a.reservePrice and a.price < a.reservePrice then
  a.price = a.reservePrice
  entries[#entries + 1] = { a.leaderId, a.reservePrice, 'auto', 'leading', leader_source }
end

a.bidCount = a.bidCount + #entries

local previous_ends = raw_ends
local extended = false
-- A new price or a new leader in the last seconds deserves an answer: the first bid too.
if a.softCloseSeconds > 0 and (a.price ~= old_price or a.leaderId ~= old_leader) and a.endsAt
  and a.endsAt - now < a.softCloseSeconds * 1000 then
  a.endsAt = now + a.softCloseSeconds * 1000
  extended = true
end

-- Numbers become text once each, and values read as text stay text: Lua formats a number
-- with sprintf, which costs more than any Redis call this script makes.
local price_s = a.price == old_price and raw_price or int_s(a.price)
local max_s = max == a.price and price_s or int_s(max)
local function amount_s(value)
  if value == a.price then return price_s end
  if value == max then return max_s end
  return int_s(value)
end
local leader_max_s = (a.leaderMax == max and max_s) or (a.leaderMax == old_leader_max and raw_leader_max)
  or int_s(a.leaderMax)
local bid_count_s = int_s(a.bidCount)
local ends_s = extended and int_s(a.endsAt) or raw_ends
local now_s = int_s(now)
-- The clerk's asking price was for this bid only.
a.askOverride = nil
local asking_s = int_s(asking_price(a))
-- Every rule passed: before the first write, whether this Redis user may make each call.
local writes = {
  { ARGV[1], sale_key .. ':events', '' }, { 'ZADD', sale_key .. ':closing', 'XX', '0', 'm' },
  { 'HSET', sale_key, 'f', '' }, { 'RPUSH', lot_key .. ':bids', '' },
  { 'RPUSH', lot_key .. ':undo', '' }, { 'HSET', lot_key, 'f', '' },
  { 'XADD', sale_key .. ':log', '*', 'e', '' }, { 'HSET', requests_key, 'f', '' },
}
local new_lead = checks and a.leaderId ~= old_leader and a.leaderId ~= 'floor'
if new_lead then writes[#writes + 1] = { 'SADD', sale_key .. ':leads:m', 'm' } end
local refusal = write_refusal(writes)
if refusal then return refusal end
local written = { sale_key .. ':closing', lot_key .. ':bids', lot_key .. ':undo',
  sale_key .. ':log', requests_key }
if new_lead then written[#written + 1] = sale_key .. ':leads:' .. a.leaderId end
keys_here(ARGV[1], written)
-- The paddle's exposure counts this lot from now on (see includes/paddleChecks).
if new_lead then redis.call('SADD', sale_key .. ':leads:' .. a.leaderId, lot_id) end
if extended then redis.call('ZADD', sale_key .. ':closing', 'XX', ends_s, lot_id) end

-- The sale's seqs of this call's events (the bid, the extension, and a cleared fair
-- warning) follow its last one. The sale hash is read once (the seq, the audit log's head)
-- and written once, at the end (both).
local events = (extended and 2 or 1) + (warned and 1 or 0)
local sale_state = redis.call('HMGET', sale_key, 'seq', 'logHead')
local seq = (tonumber(sale_state[1]) or 0) + 1
local seq_s = int_s(seq)
local last_seq_s = events > 1 and int_s(seq + events - 1) or seq_s
local entries_json, ids_json = '', ''
-- Ids are positions in the history, which keeps retracted bids: its length, not bidCount.
local first_id
if #entries > 0 then
  local history, parts, ids = {}, {}, {}
  for i, e in ipairs(entries) do
    history[i] = seq_s .. '|' .. now_s .. '|' .. e[1] .. '|' .. amount_s(e[2]) .. '|' .. e[3]
      .. '|' .. e[4] .. '|' .. e[5]
  end
  first_id = redis.call('RPUSH', lot_key .. ':bids', unpack(history)) - #entries + 1
  for i, e in ipairs(entries) do
    local id = first_id + i - 1
    local id_s = id == a.bidCount and bid_count_s or int_s(id)
    ids[i] = id_s
    parts[i] = '{"id":' .. id_s .. ',"bidderId":"' .. e[1] .. '","amount":' .. amount_s(e[2])
      .. ',"kind":"' .. e[3] .. '","outcome":"' .. e[4] .. '","source":"' .. e[5] .. '","at":'
      .. now_s .. ',"seq":' .. seq_s .. '}'
  end
  entries_json = ',"bids":[' .. table.concat(parts, ',') .. ']'
  ids_json = table.concat(ids, ',')
end
if live then
  local kept = first_id and first_id - 1 or redis.call('LLEN', lot_key .. ':bids')
  redis.call('RPUSH', lot_key .. ':undo', undo .. '|' .. int_s(kept) .. '|' .. #entries)
end

local met = reserve_met(a)
local channel = sale_key .. ':events'
local lot_json = bid_lot_json(lot_id, string.sub(sale_key, 7, -2), a, now_s, price_s, bid_count_s, asking_s, met, raw_starts, ends_s)
if live then lot_json = lot_json .. ',"warning":false' end
-- max_raised never carries the new maximum; its entries (if any) come from the reserve rule.
if result == 'max_raised' then
  redis.call(ARGV[1], channel, '{"type":"max_raised","seq":' .. seq_s .. ',"prevSeq":' .. raw_seq
    .. lot_json .. entries_json .. '}')
else
  redis.call(ARGV[1], channel, '{"type":"bid_placed","seq":' .. seq_s .. ',"prevSeq":' .. raw_seq
    .. lot_json .. ',"bidderId":"' .. bidder .. '"' .. entries_json .. '}')
end
if extended then
  redis.call(ARGV[1], channel, '{"type":"auction_extended","seq":' .. int_s(seq + 1)
    .. ',"prevSeq":' .. seq_s .. lot_json .. ',"previousEndsAt":' .. previous_ends .. '}')
end
if warned then
  redis.call(ARGV[1], channel, '{"type":"warning_cleared","seq":' .. last_seq_s .. ',"prevSeq":'
    .. int_s(seq + events - 2) .. lot_json .. '}')
end

if live then
  redis.call('HSET', lot_key, 'currentPrice', price_s, 'leaderId', a.leaderId, 'leaderMax',
    leader_max_s, 'leaderSource', leader_source, 'bidCount', bid_count_s, 'endsAt', ends_s,
    'seq', last_seq_s, 'askOverride', '', 'warning', '')
else
  redis.call('HSET', lot_key, 'currentPrice', price_s, 'leaderId', a.leaderId, 'leaderMax',
    leader_max_s, 'leaderSource', leader_source, 'bidCount', bid_count_s, 'endsAt', ends_s,
    'seq', last_seq_s)
end
local log_head = append_log_after(sale_key, sale_state[2] or '', '"at":' .. now_s .. ',"operator":"' .. operator .. '","action":"bid","lotId":"'
  .. lot_id .. '","priceBefore":' .. raw_price .. ',"priceAfter":' .. price_s
  .. ',"leaderBefore":' .. (old_leader and ('"' .. old_leader .. '"') or 'null')
  .. ',"leaderAfter":"' .. a.leaderId .. '","detail":{"bidder":"' .. bidder .. '","source":"'
  .. source .. '","amount":' .. amount_s(amount) .. ',"max":' .. max_s .. ',"result":"' .. result
  .. '","bidIds":[' .. ids_json .. ']}')
redis.call('HSET', sale_key, 'seq', last_seq_s, 'logHead', log_head)

-- Compact on purpose: this is kept per request id for the auction's lifetime.
local own_id = own_entry and first_id + own_entry - 1
local answer = (own_id and (own_id == a.bidCount and bid_count_s or int_s(own_id)) or '')
  .. '|' .. result .. '|' .. price_s .. '|' .. a.leaderId .. '|' .. bid_count_s .. '|' .. ends_s
  .. '|' .. (extended and '1' or '0') .. '|' .. (met and '1' or '0') .. '|' .. max_s .. '|'
  .. asking_s
if request_id ~= '' then redis.call('HSET', requests_key, request_id, binding .. answer) end
return { 'ok', answer }
