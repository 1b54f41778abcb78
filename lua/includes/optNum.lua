-- A stored optional number: '' or missing → nil.
local function opt_num(v)
  if v == false or v == nil or v == '' then return nil end
  return tonumber(v)
end
