-- Shared helpers, prepended to every script at load time. Every script touches the keys
-- of one auction only (all tagged {<auctionId>}), reads the clock from Redis and
-- publishes its own events, so event order is state order.

local PUBLISH = ARGV[1]
local MAX_MINOR = 10000000000000

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function opt_num(v)
  if v == false or v == nil or v == '' then return nil end
  return tonumber(v)
end

local function null_if_nil(v)
  if v == nil then return cjson.null end
  return v
end

local FIELDS = {
  'status', 'digits', 'sellerId', 'startingPrice', 'reservePrice', 'increment',
  'incrementTable', 'currentPrice', 'leaderId', 'leaderMax', 'bidCount', 'startsAt',
  'endsAt', 'durationMs', 'softCloseSeconds', 'seq',
}

-- Loads the fields the rules need; nil when the auction does not exist.
local function load_auction(key)
  local raw = redis.call('HMGET', key, unpack(FIELDS))
  if not raw[1] then return nil end
  return {
    status = raw[1],
    digits = tonumber(raw[2]),
    sellerId = raw[3],
    startingPrice = tonumber(raw[4]),
    reservePrice = opt_num(raw[5]),
    increment = opt_num(raw[6]),
    incrementTable = raw[7] or '',
    price = tonumber(raw[8]),
    leaderId = (raw[9] ~= '' and raw[9]) or nil,
    leaderMax = opt_num(raw[10]) or 0,
    bidCount = tonumber(raw[11]),
    startsAt = opt_num(raw[12]),
    endsAt = opt_num(raw[13]),
    durationMs = opt_num(raw[14]),
    softCloseSeconds = tonumber(raw[15]) or 0,
    seq = tonumber(raw[16]),
  }
end

local function inc_at(a, price)
  if a.incrementTable ~= '' then
    if not a.bands then a.bands = cjson.decode(a.incrementTable) end
    local step = a.bands[1].increment
    for _, band in ipairs(a.bands) do
      if band.from <= price then step = band.increment end
    end
    return step
  end
  return a.increment
end

local function reserve_met(a)
  if not a.reservePrice then return true end
  return a.leaderId ~= nil and a.price >= a.reservePrice
end

local function asking_price(a)
  if not a.leaderId then return a.startingPrice end
  return a.price + inc_at(a, a.price)
end

local function fail(code, message, extra)
  local e = { code = code, message = message }
  if extra then for k, v in pairs(extra) do e[k] = v end end
  return { 'err', cjson.encode({ ok = false, error = e }) }
end

-- Bumps seq and publishes one event carrying the auction's new public state.
-- `list` also sends it on the list channel (status changes).
local function publish(a, auction_id, now, event_type, extra, list)
  a.seq = a.seq + 1
  local ev = {
    type = event_type,
    auctionId = auction_id,
    seq = a.seq,
    at = now,
    status = a.status,
    price = a.price,
    leaderId = null_if_nil(a.leaderId),
    bidCount = a.bidCount,
    reserveMet = reserve_met(a),
    askingPrice = asking_price(a),
    startsAt = null_if_nil(a.startsAt),
    endsAt = null_if_nil(a.endsAt),
  }
  if extra then for k, v in pairs(extra) do ev[k] = v end end
  local payload = cjson.encode(ev)
  redis.call(PUBLISH, 'auction:{' .. auction_id .. '}:events', payload)
  if list then redis.call('PUBLISH', 'auctions:events', payload) end
  return a.seq
end

-- A caller may act when it is the seller or staff.
local function may_act(a, actor, staff)
  return staff == '1' or actor == a.sellerId
end
