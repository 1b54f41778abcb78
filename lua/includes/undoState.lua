-- What `lot retract` restores: a live lot's state before one accepted bid or book execution,
-- kept as "price|leader|leaderMax|leaderSource|bidCount|endsAt|askOverride|warning|history
-- length|entries" in `<lot>:undo` (placeBid writes the same text): the bid's own history
-- entries are the `entries` after the first `history length`.
local function undo_text(lot, history_length, entries)
  return table.concat({ lot.price, lot.leaderId or '', lot.leaderId and lot.leaderMax or '',
    lot.leaderSource or '', lot.bidCount, lot.endsAt or '', lot.askOverride or '',
    lot.warning and '1' or '', history_length, entries }, '|')
end

local function parse_undo(text)
  local f = {}
  for part in string.gmatch(text .. '|', '([^|]*)|') do f[#f + 1] = part end
  return {
    price = f[1], leaderId = f[2], leaderMax = f[3], leaderSource = f[4], bidCount = f[5],
    endsAt = f[6], askOverride = f[7], warning = f[8], historyLength = tonumber(f[9]),
    entries = tonumber(f[10]),
  }
end
