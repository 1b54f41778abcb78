--- @include "includes/nowMs"
--- @include "includes/fail"
--- @include "includes/loadBidLot"
--- @include "includes/publishLot"
--- @include "includes/auctionStatus"
-- Places one bid on a lot atomically: validation, proxy (maximum) bidding, reserve, soft
-- close (which moves this lot alone in the sale's closing index), history, idempotency by
-- request id, and the events on the sale's channel with the sale's seq.
-- KEYS: [1] lot hash, [2] its bid history list, [3] its requestId → answer hash,
--       [4] the sale hash (seq), [5] the sale's closing index
-- ARGV: [1] publish command, [2] sale channel, [3] sale id, [4] lot id, [5] request id
--       ('' = none), [6] bidder id, [7] amount ('m:<minor>' or 'd:<decimal text>'),
--       [8] maximum (same, or ''), [9] source
-- Output: { 'ok', answer } | { 'dup', answer } | { 'err', failure JSON }; the answer is
--       "bidId|result|price|leader|bidCount|endsAt|extended|reserveMet|max|asking"
local MAX_MINOR = 10000000000000
local sale_id, auction_id, request_id, bidder, amount_spec, max_spec, source =
  ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
if request_id ~= '' then
  local previous = redis.call('HGET', KEYS[3], request_id)
  if previous then return { 'dup', previous } end
end

local a = load_bid_lot(KEYS[1], auction_id)
if not a then return fail('AUCTION_NOT_FOUND', 'no auction ' .. auction_id) end

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

local amount = parse_amount(amount_spec)
if not amount then return fail('INVALID_AMOUNT', 'the amount is not a valid amount', { field = 'amount' }) end
local max = amount
if max_spec ~= '' then
  max = parse_amount(max_spec)
  if not max then return fail('INVALID_AMOUNT', 'the maximum is not a valid amount', { field = 'max' }) end
end
if max < amount then
  return fail('MAX_BELOW_AMOUNT', 'the maximum is below the amount')
end
if a.lotStatus ~= 'active' then
  local status = auction_status(a.lotStatus, redis.call('HGET', KEYS[4], 'status'))
  return fail('AUCTION_NOT_ACTIVE', 'the auction is ' .. status, { status = status })
end
local now = now_ms()
if a.endsAt and now >= a.endsAt then
  return fail('AUCTION_ENDED', 'the auction has ended')
end
if bidder == a.sellerId then
  return fail('SELLER_CANNOT_BID', 'the seller cannot bid on their own auction')
end
local asking = asking_price(a)
if amount < asking then
  return fail('BID_TOO_LOW', 'the bid is below the asking price', { minimumBid = asking })
end

local entries = {}
local history = {}
local own_entry = nil
-- An automatic bid carries the source of the maximum it came from, not the challenger's.
-- The entries get their seq once the number of events is known (see below).
local function record(who, value, kind, outcome, src)
  local entry = {
    id = a.bidCount + #entries + 1, bidderId = who, amount = value, kind = kind,
    outcome = outcome, source = src, at = now,
  }
  entries[#entries + 1] = entry
  return entry.id
end
local leader_source = a.leaderSource or source

local old_price, old_leader = a.price, a.leaderId
local result
if a.leaderId == bidder then
  if max <= a.leaderMax then
    return fail('ALREADY_LEADING', 'the bidder is already leading')
  end
  a.leaderMax, leader_source = max, source
  result = 'max_raised'
elseif not a.leaderId then
  a.leaderId, a.leaderMax, a.price, leader_source = bidder, max, amount, source
  own_entry = record(bidder, amount, 'manual', 'leading', source)
  result = 'leading'
elseif max > a.leaderMax then
  local new_price = math.max(amount, math.min(max, a.leaderMax + inc_at(a, a.leaderMax)))
  if a.leaderMax > a.price then
    record(a.leaderId, a.leaderMax, 'auto', 'outbid', leader_source)
  end
  a.leaderId, a.leaderMax, a.price, leader_source = bidder, max, new_price, source
  own_entry = record(bidder, new_price, 'manual', 'leading', source)
  result = 'leading'
else
  -- The earlier maximum wins ties.
  local new_price = math.min(a.leaderMax, max + inc_at(a, max))
  own_entry = record(bidder, max, 'manual', 'outbid', source)
  a.price = new_price
  record(a.leaderId, new_price, 'auto', 'leading', leader_source)
  result = 'outbid'
end

if a.reservePrice and a.leaderMax >= a.reservePrice and a.price < a.reservePrice then
  a.price = a.reservePrice
  record(a.leaderId, a.reservePrice, 'auto', 'leading', leader_source)
end

a.bidCount = a.bidCount + #entries

local previous_ends = a.endsAt
local extended = false
-- A new price or a new leader in the last seconds deserves an answer: the first bid too.
if a.softCloseSeconds > 0 and (a.price ~= old_price or a.leaderId ~= old_leader) and a.endsAt
  and a.endsAt - now < a.softCloseSeconds * 1000 then
  a.endsAt = now + a.softCloseSeconds * 1000
  extended = true
  redis.call('ZADD', KEYS[5], 'XX', a.endsAt, auction_id)
end

-- One HINCRBY reserves the sale seqs of this call's events (the bid, and the extension).
local events = extended and 2 or 1
local sale = {
  id = sale_id, status = 'open', seq = redis.call('HINCRBY', KEYS[4], 'seq', events) - events,
}
local seq = sale.seq + 1 -- the bid event's, which its history entries carry
for _, entry in ipairs(entries) do
  entry.seq = seq
  history[#history + 1] = table.concat(
    { seq, now, entry.bidderId, entry.amount, entry.kind, entry.outcome, entry.source }, '|')
end
if #history > 0 then redis.call('RPUSH', KEYS[2], unpack(history)) end

-- max_raised never carries the new maximum; its entries (if any) come from the reserve rule.
local bid_event = { bidderId = bidder }
if #entries > 0 then bid_event.bids = entries end
if result == 'max_raised' then bid_event.bidderId = nil end
publish_lot(sale, a, now, result == 'max_raised' and 'max_raised' or 'bid_placed', bid_event)
if extended then
  publish_lot(sale, a, now, 'auction_extended', { previousEndsAt = previous_ends })
end

redis.call('HSET', KEYS[1], 'currentPrice', a.price, 'leaderId', a.leaderId, 'leaderMax', a.leaderMax,
  'leaderSource', leader_source, 'bidCount', a.bidCount, 'endsAt', a.endsAt or '', 'seq', a.seq)

-- Compact on purpose: this is kept per request id for the auction's lifetime.
local answer = table.concat({
  own_entry or '', result, a.price, a.leaderId, a.bidCount, a.endsAt or '',
  extended and 1 or 0, reserve_met(a) and 1 or 0, max, asking_price(a),
}, '|')
if request_id ~= '' then redis.call('HSET', KEYS[3], request_id, answer) end
return { 'ok', answer }
