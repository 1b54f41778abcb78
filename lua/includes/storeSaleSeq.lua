-- Scripts keep the sale's seq in memory while they publish; this writes it back once.
local function store_sale_seq(sale)
  redis.call('HSET', sale.key, 'seq', sale.seq)
end
