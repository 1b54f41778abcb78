-- The sale's seller or staff may change a sale and its lots.
local function may_act(owner, actor, staff)
  return staff == '1' or actor == owner
end
