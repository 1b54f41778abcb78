-- A bid's rejection, as the failure JSON `fail` makes, but written as text: on a contested
-- lot most bids are rejected, and cjson's table walk costs more than the rule itself.
-- `extra` is a JSON fragment (',"minimumBid":120') or nil; codes and messages are plain text.
local function reject(code, message, extra)
  return { 'err', '{"ok":false,"error":{"code":"' .. code .. '","message":"' .. message .. '"'
    .. (extra or '') .. '}}' }
end

local function reject_field(code, message, field)
  return reject(code, message, ',"field":"' .. field .. '"')
end
