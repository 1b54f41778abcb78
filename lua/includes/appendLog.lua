-- The sale's audit log: a stream under the sale's hash tag (`<sale>:log`). Each entry is
-- one JSON text that ends with the SHA-1 of the previous entry's text, so an edit of any
-- entry breaks the chain at the next one (`sale verify-log`). The last entry's hash, the
-- head, is kept in the sale hash. `body` is the entry's members as JSON text, no braces.
-- Adds the entry after `head` (the current head) and answers the new head, for a caller
-- that reads and writes the sale hash itself (placeBid: with its seq, in one call each).
local function append_log_after(sale_key, head, body)
  local text = '{' .. body .. ',"prev":"' .. head .. '"}'
  redis.call('XADD', sale_key .. ':log', '*', 'e', text)
  return redis.sha1hex(text)
end

local function append_log(sale_key, body)
  local head = redis.call('HGET', sale_key, 'logHead') or ''
  redis.call('HSET', sale_key, 'logHead', append_log_after(sale_key, head, body))
end

-- One entry from a table: at, operator, action, lotId, priceBefore, priceAfter,
-- leaderBefore, leaderAfter, reason, detail (any of them may be absent).
local function log_action(sale, entry)
  append_log(sale.key, string.sub(cjson.encode(entry), 2, -2))
end
