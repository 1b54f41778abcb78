-- A whole number as text. '%d' instead of Lua's own '%.14g' (which `..` and redis.call use):
-- the same digits for any amount, time or count here, at half the cost.
local function int_s(n)
  return string.format('%d', n)
end
