local function null_if_nil(v)
  if v == nil then return cjson.null end
  return v
end
