--- @include "includes/nowMs"
--- @include "includes/saleKeys"
--- @include "includes/liveLot"
--- @include "includes/endLiveLot"
--- @include "includes/storeSaleSeq"
--- @include "includes/writeRefusal"
--- @include "includes/paddleChecks"
-- The hammer: the lot on the block is sold to its leader at the current price, at the time
-- of this script, if the reserve is met (or staff sell below it on purpose, which the result
-- and the log record). A leader entered as the anonymous `floor` paddle needs its paddle now,
-- and that paddle passes the register's checks as its bid would have (includes/paddleChecks).
-- Any bid that reaches Redis after this script is LOT_CLOSED.
-- KEYS: the sale's eleven keys (saleKeys)
-- ARGV: [1] publish command, [2] sale channel, [3] lot key prefix, [4] sale id, [5] lot id,
--       [6] actor id, [7] staff ('1' | '0'), [8] paddle ('' = the leader's),
--       [9] below reserve ('1' | '0')
-- Output: { 'sold' } | { 'err', failure JSON }
local sale_id, lot_id, actor, staff, paddle, below = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8],
  ARGV[9] == '1'
local FLOOR = 'floor'
local sale, lot, failure = load_live_lot(sale_keys(), sale_id, lot_id, actor, staff)
if failure then return failure end
failure = not_on_block(sale, lot)
if failure then return failure end
if not lot.leaderId then return fail('NO_BIDS', 'lot ' .. lot.number .. ' has no bid to sell to') end
local winner = lot.leaderId
-- A floor leader named at the hammer, in a sale with a register: its exposure counts the lot.
local named = nil
if paddle ~= '' and paddle ~= winner then
  if winner ~= FLOOR then
    return fail('INVALID_INPUT', 'the leader is paddle ' .. winner, { field = 'paddle' })
  end
  if paddle == FLOOR then
    return fail('PADDLE_REQUIRED', 'give the floor bidder\'s paddle', { field = 'paddle' })
  end
  if paddle == sale.sellerId then
    return fail('SELLER_CANNOT_BID', 'the seller cannot buy their own lot')
  end
  if redis.call('HGET', sale.key, 'paddleChecks') == '1' then
    local refusal, limit = paddle_refusal(sale.key, paddle)
    if refusal then return refusal end
    if limit then
      local cap, headroom = paddle_cap(sale.key, ARGV[3], lot_id, paddle, limit,
        sale_bands(sale.key), nil)
      if lot.price > cap then
        return reject('CREDIT_LIMIT', 'paddle ' .. paddle .. ' would go over its credit limit',
          ',"headroom":' .. int_s(headroom))
      end
    end
    named = paddle
  end
  winner = paddle
elseif winner == FLOOR then
  return fail('PADDLE_REQUIRED', 'the leader is a floor bidder: give their paddle',
    { field = 'paddle' })
end
if not reserve_met(lot) and not below then
  return fail('RESERVE_NOT_MET', 'the bidding is below the reserve', { field = 'belowReserve' })
end
local refusal = sale_write_refusal(ARGV[5])
  or (named and write_refusal({ { 'SADD', sale.key .. ':leads:m', 'm' } }))
if refusal then return refusal end
if named then redis.call('SADD', sale.key .. ':leads:' .. named, lot_id) end
local now = now_ms()
local leader_before = lot.leaderId
lot.leaderId = winner
end_live_lot(sale, lot, now, 'sold', winner, below and not reserve_met(lot), actor, leader_before)
store_sale_seq(sale)
return { 'sold' }
