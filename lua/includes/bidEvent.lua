-- A bid's lot event as JSON text, the object `publish_lot` encodes with cjson (key order
-- aside), written directly: it is built on every accepted bid. Ids are letters, digits and
-- `._:-` (checked before the script runs) and the other strings are the script's own, so
-- nothing needs escaping. Numbers come in as text (see intText).

-- The lot's part of an event of an active lot of an open sale, from `"auctionId"` to
-- `"endsAt"`, with a leading comma: the caller adds type, seq and its own fields.
-- `starts_s`/`ends_s` are '' when the lot has none.
local function bid_lot_json(lot_id, sale_id, lot, now_s, price_s, bid_count_s, asking_s, reserve_is_met, starts_s, ends_s)
  return ',"auctionId":"' .. lot_id .. '","lotId":"' .. lot_id .. '","saleId":"' .. sale_id
    .. '","at":' .. now_s .. ',"status":"active","lotStatus":"active","price":' .. price_s
    .. ',"leaderId":' .. (lot.leaderId and ('"' .. lot.leaderId .. '"') or 'null')
    .. ',"bidCount":' .. bid_count_s .. ',"reserveMet":' .. (reserve_is_met and 'true' or 'false')
    .. ',"askingPrice":' .. asking_s .. ',"startsAt":' .. (starts_s ~= '' and starts_s or 'null')
    .. ',"endsAt":' .. (ends_s ~= '' and ends_s or 'null')
end
