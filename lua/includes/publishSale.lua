-- Publishes one sale-level event on the sale's channel and the sales list channel. The sale
-- behind a standalone auction has no sale-level events: its lot's events say it all.
local function publish_sale(sale, now, event_type, extra)
  if sale.standalone then return end
  sale.seq = sale.seq + 1
  local ev = {
    type = event_type, saleId = sale.id, seq = sale.seq, at = now, status = sale.status,
    lotCount = redis.call('ZCARD', sale.keys.lots),
  }
  if extra then for k, v in pairs(extra) do ev[k] = v end end
  local payload = cjson.encode(ev)
  redis.call(ARGV[1], ARGV[2], payload)
  redis.call('PUBLISH', 'sales:events', payload)
end
