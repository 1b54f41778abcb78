--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/publishLot"
--- @include "includes/undoState"
--- @include "includes/appendLog"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
-- Retracts the last accepted bid (or book execution) of the lot on the block: the lot goes
-- back exactly to its state before it (price, leader, maxima, asking price, bid count, end).
-- The history keeps the bid's entries, marked retracted with the reason and the operator.
-- Called again, it walks back one bid at a time.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] reason
-- Output: { 'retracted', bid ids (JSON) } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local sale, lot, failure = load_live_lot(sale_keys(), sale_id, lot_id, actor, staff)
if failure then return failure end
failure = not_on_block(sale, lot)
if failure then return failure end
local undo_key, history_key = lot.key .. ':undo', lot.key .. ':bids'
local text = redis.call('LINDEX', undo_key, -1)
if not text then
  return fail('NOTHING_TO_RETRACT', 'lot ' .. lot.number .. ' has no bid left to retract')
end
local prev = parse_undo(text)
local lines, ids = {}, {}
for id = prev.historyLength + 1, prev.historyLength + prev.entries do
  ids[#ids + 1] = id
  lines[#lines + 1] = redis.call('LINDEX', history_key, id - 1)
end
local refusal = sale_write_refusal(ARGV[5])
if refusal then return refusal end
local now = now_ms()
local before = { price = lot.price, leaderId = lot.leaderId }

redis.call('RPOP', undo_key)
-- Appended to each entry: "|r|<at>|<operator>|<reason>" (the reason last: it may hold '|').
for i, id in ipairs(ids) do
  redis.call('LSET', history_key, id - 1, lines[i] .. '|r|' .. now .. '|' .. actor .. '|' .. reason)
end
lot.price, lot.leaderId = tonumber(prev.price), (prev.leaderId ~= '' and prev.leaderId) or nil
lot.leaderMax, lot.leaderSource = tonumber(prev.leaderMax) or 0, prev.leaderSource
lot.bidCount, lot.endsAt = tonumber(prev.bidCount), tonumber(prev.endsAt)
lot.askOverride, lot.warning = tonumber(prev.askOverride), prev.warning == '1'
publish_lot(sale, lot, now, 'bid_retracted', { bidIds = ids, reason = reason })
redis.call('HSET', lot.key, 'currentPrice', prev.price, 'leaderId', prev.leaderId,
  'leaderMax', prev.leaderMax, 'leaderSource', prev.leaderSource, 'bidCount', prev.bidCount,
  'endsAt', prev.endsAt, 'askOverride', prev.askOverride, 'warning', prev.warning, 'seq', lot.seq)
local entry = lot_change(lot, before)
entry.at, entry.operator, entry.action, entry.reason = now, actor, 'retract', reason
entry.detail = { bidIds = ids }
log_action(sale, entry)
store_sale_seq(sale)
return { 'retracted', cjson.encode(ids) }
