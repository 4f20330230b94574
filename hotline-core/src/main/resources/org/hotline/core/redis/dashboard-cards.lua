-- The tickets behind one card count (see RedisDashboardCounters#cardTickets).
-- KEYS: 1 due zset, 2 yellow zset (of one scope or of all)
-- ARGV: 1 now (epoch ms), 2 'red' or 'yellow', 3 limit, 4 ticket hash key prefix
-- Returns {id, number, due ms, yellow ms, ...}, deadline first.
local now, limit = tonumber(ARGV[1]), tonumber(ARGV[3])
local ids = {}
if ARGV[2] == 'red' then
  ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit)
else
  -- yellow: deadline still ahead, yellow time passed; the deadlines ahead are scanned nearest first, in pages
  local offset, page = 0, 500
  repeat
    local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf', 'LIMIT', offset, page)
    for _, id in ipairs(ahead) do
      local yellow = redis.call('ZSCORE', KEYS[2], id)
      if #ids < limit and yellow and tonumber(yellow) <= now then
        ids[#ids + 1] = id
      end
    end
    offset = offset + page
  until #ahead < page or #ids >= limit
end
local result = {}
for _, id in ipairs(ids) do
  result[#result + 1] = id
  result[#result + 1] = redis.call('HGET', ARGV[4] .. id, 'n') or ''
  result[#result + 1] = redis.call('ZSCORE', KEYS[1], id)
  result[#result + 1] = redis.call('ZSCORE', KEYS[2], id)
end
return result
