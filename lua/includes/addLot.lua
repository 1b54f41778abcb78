--- @include "loadLot"
--- @include "publishLot"
--- @include "publishSale"
--- @include "lotKey"
-- Adds one lot, already validated, to a sale: its hash, the catalogue, the waiting index
-- and the number index. A standalone auction's only lot takes the sale's own id. The lot
-- copies the sale's paddleChecks flag (a sale requiring registration checks its bids' paddles)
-- and keeps its consignor ('' = the sale's seller).
local function add_lot(sale, fields, now)
  local lot_id = sale.id
  if not sale.standalone then
    sale.nextLot = sale.nextLot + 1
    lot_id = sale.id .. '.' .. sale.nextLot
    redis.call('HSET', sale.key, 'nextLot', sale.nextLot)
  end
  local key = lot_key(lot_id)
  -- Once the order was set by hand, a new lot goes to the end of the catalogue.
  if redis.call('HGET', sale.key, 'explicitOrder') == '1' then
    local last = redis.call('ZRANGE', sale.keys.lots, -1, -1, 'WITHSCORES')
    fields.score = (tonumber(last[2]) or 0) + 1
  end
  -- The fields every bid reads and writes come first: Redis searches a small hash from
  -- its front.
  redis.call('HSET', key, 'lotStatus', 'waiting', 'currentPrice', fields.startingPrice,
    'leaderId', '', 'leaderMax', '', 'leaderSource', '', 'bidCount', 0, 'seq', sale.seq,
    'endsAt', fields.endsAt or '', 'digits', sale.digits, 'sellerId', sale.sellerId,
    'startingPrice', fields.startingPrice, 'reservePrice', fields.reservePrice,
    'increment', fields.increment, 'incrementTable', fields.incrementTable,
    'softCloseSeconds', fields.softCloseSeconds, 'startsAt', fields.startsAt or '',
    'id', lot_id, 'saleId', sale.id, 'number', fields.number, 'score', fields.score,
    'title', fields.title, 'description', fields.description, 'currency', sale.currency,
    'estimateLow', fields.estimateLow, 'estimateHigh', fields.estimateHigh,
    'durationMs', fields.durationMs or '', 'createdAt', now,
    'consignor', fields.consignor or '',
    'paddleChecks', redis.call('HGET', sale.key, 'paddleChecks') or '')
  redis.call('ZADD', sale.keys.lots, fields.score, lot_id)
  redis.call('ZADD', sale.keys.status.waiting, fields.score, lot_id)
  redis.call('HSET', sale.keys.numbers, fields.number, lot_id)
  if sale.standalone then
    local lot = load_lot(key)
    publish_lot(sale, lot, now, 'auction_created',
      { title = fields.title, sellerId = sale.sellerId, currency = sale.currency }, true)
    redis.call('HSET', key, 'seq', lot.seq)
  else
    publish_sale(sale, now, 'lot_added', { lotId = lot_id, number = fields.number })
    redis.call('HSET', key, 'seq', sale.seq)
  end
  return lot_id
end
