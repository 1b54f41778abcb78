-- When the scheduler must next act on this sale: its start, or its earliest lot close.
local function next_due(sale)
  if sale.status == 'scheduled' then return sale.startsAt or '' end
  if sale.status == 'open' then
    local first = redis.call('ZRANGE', sale.keys.closing, 0, 0, 'WITHSCORES')
    if first[2] then return tonumber(first[2]) end
  end
  return ''
end
