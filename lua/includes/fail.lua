-- A rejection: the code is the contract, the TypeScript side may reword the message.
local function fail(code, message, extra)
  local e = { code = code, message = message }
  if extra then for k, v in pairs(extra) do e[k] = v end end
  return { 'err', cjson.encode({ ok = false, error = e }) }
end
