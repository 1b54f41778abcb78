--- @include "incrementAt"
-- A live lot's absentee book, highest maximum first; on equal maximums the earlier first.
local function read_book(lot)
  local raw = redis.call('HGETALL', lot.key .. ':book')
  local book = {}
  for i = 1, #raw, 2 do
    local max, serial, at = string.match(raw[i + 1], '^(%d+)|(%d+)|(%d+)$')
    book[#book + 1] = {
      bidder = raw[i], max = tonumber(max), serial = tonumber(serial), at = tonumber(at),
    }
  end
  table.sort(book, function(x, y)
    if x.max ~= y.max then return x.max > y.max end
    return x.serial < y.serial
  end)
  return book
end

-- The book as credit limits let it bid (`caps`: bidder → the highest price its limit allows
-- on this lot; absent: no limit): each maximum counts only up to its cap, and an entry whose
-- cap is below the starting price cannot bid at all. Re-sorted, the earlier entry first on
-- equal maximums; each keeps its own maximum (`max`) to lead with.
local function book_within_limits(lot, book, caps)
  local kept = {}
  for _, entry in ipairs(book) do
    local cap = caps[entry.bidder]
    entry.counts = cap and math.min(entry.max, cap) or entry.max
    if entry.counts >= lot.startingPrice then kept[#kept + 1] = entry end
  end
  table.sort(kept, function(x, y)
    if x.counts ~= y.counts then return x.counts > y.counts end
    return x.serial < y.serial
  end)
  return kept
end

-- The book's execution when its lot is offered, applied to `lot`: the highest maximum
-- leads at one increment above the second-highest maximum, capped at its own maximum, or at
-- the starting price when it is alone; the reserve jump applies. Answers the history
-- entries, lowest first: each other book bid at its maximum (outbid), then the leader.
-- `book` comes from book_within_limits: `counts` is each maximum as far as its limit goes.
local function execute_book(lot, book)
  local entries = {}
  if #book == 0 then return entries end
  local top = book[1]
  local price = lot.startingPrice
  for i = #book, 2, -1 do
    entries[#entries + 1] = { book[i].bidder, book[i].counts, 'auto', 'outbid', 'absentee' }
  end
  if #book >= 2 then
    local second = book[2].counts
    price = math.max(price, math.min(top.counts, second + inc_at(lot, second)))
  end
  if lot.reservePrice and top.counts >= lot.reservePrice and price < lot.reservePrice then
    price = lot.reservePrice
  end
  entries[#entries + 1] = { top.bidder, price, 'auto', 'leading', 'absentee' }
  lot.price, lot.leaderId, lot.leaderMax, lot.leaderSource = price, top.bidder, top.max, 'absentee'
  lot.bidCount = lot.bidCount + #entries
  return entries
end
