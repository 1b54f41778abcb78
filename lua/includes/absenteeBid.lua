--- @include "bidRejection"
--- @include "intText"
--- @include "nowMs"
--- @include "appendLog"
--- @include "writeRefusal"
--- @include "paddleChecks"
-- An absentee (commission) bid on a live sale's lot that waits to be offered: it goes into
-- the lot's book (`<lot>:book`, bidder → "max|serial|at"), not into the bids. The book
-- executes when the lot is offered (offerLot). A bidder's later entry replaces their earlier
-- one only with a higher maximum.
-- `binding` prefixes the answer kept for the request id (see placeBid).
local function absentee_bid(lot_key, sale_key, lot_id, lot, request_id, binding, bidder, amount,
                            max, max_spec, source, operator, asking, checks)
  if source ~= 'absentee' or max_spec == '' then
    return reject('LOT_NOT_OPEN', 'the lot is not on the block: it takes only absentee bids '
      .. 'with a maximum until it is offered')
  end
  if bidder == lot.sellerId then
    return reject('SELLER_CANNOT_BID', 'the seller cannot bid on their own auction')
  end
  if checks then
    local refusal = paddle_refusal(sale_key, bidder)
    if refusal then return refusal end
  end
  if max < lot.startingPrice then
    return reject('BID_TOO_LOW', 'the maximum is below the starting price',
      ',"minimumBid":' .. int_s(lot.startingPrice))
  end
  local book_key = lot_key .. ':book'
  local previous = redis.call('HGET', book_key, bidder)
  local previous_max = previous and tonumber(string.match(previous, '^(%d+)'))
  if previous_max and max <= previous_max then
    return reject('BID_TOO_LOW', 'the book already holds a maximum as high for this bidder',
      ',"minimumBid":' .. int_s(previous_max + 1))
  end
  local refusal = write_refusal({
    { 'HINCRBY', lot_key, 'bookSerial', '1' }, { 'HSET', book_key, 'f', '' },
    { 'XADD', sale_key .. ':log', '*', 'e', '' }, { 'HSET', sale_key, 'f', '' },
    { 'HSET', lot_key .. ':requests', 'f', '' }, { 'SADD', sale_key .. ':leads:m', 'm' },
  })
  if refusal then return refusal end
  local now_s = int_s(now_ms())
  local max_s = int_s(max)
  local serial = redis.call('HINCRBY', lot_key, 'bookSerial', 1)
  redis.call('HSET', book_key, bidder, max_s .. '|' .. int_s(serial) .. '|' .. now_s)
  -- The book may make this paddle the leader when the lot is offered: its exposure counts it.
  if checks then redis.call('SADD', sale_key .. ':leads:' .. bidder, lot_id) end
  local count = redis.call('HLEN', book_key)
  redis.call('HSET', lot_key, 'book', count)
  append_log(sale_key, '"at":' .. now_s .. ',"operator":"' .. operator .. '","action":"book",'
    .. '"lotId":"' .. lot_id .. '","detail":{"bidder":"' .. bidder .. '","amount":'
    .. int_s(amount) .. ',"max":' .. max_s .. (previous_max and (',"replaces":' .. int_s(previous_max)) or '')
    .. '}')
  local has_reserve = (redis.call('HGET', lot_key, 'reservePrice') or '') ~= ''
  local answer = '|booked|' .. int_s(lot.price) .. '||0||0|' .. (has_reserve and '0' or '1')
    .. '|' .. max_s .. '|' .. int_s(asking)
  if request_id ~= '' then
    redis.call('HSET', lot_key .. ':requests', request_id, binding .. answer)
  end
  return { 'ok', answer }
end
