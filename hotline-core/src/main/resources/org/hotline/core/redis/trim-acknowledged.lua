-- Trims a stream to what some consumer group still needs (ConsumerGroup, ADR 0005): entries below every
-- group's oldest pending entry and at or below every group's last delivered one, and older than the
-- grace time. A stream without a group is left alone (its readers are not known yet).
-- KEYS: 1 stream. ARGV: 1 grace floor id ("{epoch ms}-0": nothing at or after it is trimmed)
-- Returns {number of entries trimmed}.
local function before(a, b)
  local am, as = string.match(a, '^(%d+)-(%d+)$')
  local bm, bs = string.match(b, '^(%d+)-(%d+)$')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am < bm or (am == bm and as < bs)
end

if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0}
end
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
if #groups == 0 then
  return {0}
end
local floor = ARGV[1]
for _, g in ipairs(groups) do
  local info = {}
  for k = 1, #g, 2 do
    info[g[k]] = g[k + 1]
  end
  -- MINID keeps the floor entry itself: the last delivered entry stays, an acknowledged one
  local low = info['last-delivered-id']
  if info['pending'] > 0 then
    local oldest = redis.call('XPENDING', KEYS[1], info['name'])[2]
    if before(oldest, low) then
      low = oldest
    end
  end
  if before(low, floor) then
    floor = low
  end
end
if floor == '0-0' then
  return {0}
end
return {redis.call('XTRIM', KEYS[1], 'MINID', floor)}
