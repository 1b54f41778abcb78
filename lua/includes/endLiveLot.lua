--- @include "setLotStatus"
--- @include "publishLot"
--- @include "reserveMet"
--- @include "appendLog"
-- Ends the lot on the block at the server time: `sold` to `winner`, or `passed` (winner nil).
-- `reason` ('' or nil = none) is the clerk's, for the log.
local function end_live_lot(sale, lot, now, status, winner, below_reserve, actor, leader_before,
                            reason)
  local met = reserve_met(lot)
  set_lot_status(sale, lot, status)
  local result = { winnerId = winner or cjson.null, finalPrice = lot.price, reserveMet = met,
    hammerAt = now }
  if below_reserve then result.belowReserve = true end
  lot.warning, lot.askOverride = false, nil
  publish_lot(sale, lot, now, status == 'sold' and 'lot_sold' or 'lot_passed',
    { result = result }, true)
  redis.call('HSET', lot.key, 'leaderId', lot.leaderId or '', 'endedAt', now, 'hammerAt', now,
    'winnerId', winner or '', 'finalPrice', lot.price, 'resultReserveMet', met and 1 or 0,
    'belowReserve', below_reserve and 1 or '', 'warning', '', 'askOverride', '', 'seq', lot.seq,
    'closedBy', actor)
  log_action(sale, { at = now, operator = actor, action = status == 'sold' and 'hammer' or 'pass',
    lotId = lot.id, priceBefore = lot.price, priceAfter = lot.price,
    leaderBefore = leader_before or cjson.null, leaderAfter = lot.leaderId or cjson.null,
    reason = (reason and reason ~= '' and reason) or nil, detail = { result = result } })
end
