-- The dashboard counters in one atomic read (see RedisDashboardCounters).
-- KEYS: 1 open hash, 2 due zset, 3 due-y zset, 4 yellow zset, 5 month hash, 6.. day hashes
-- ARGV: 1 now (epoch ms)
-- Returns {open fields/values, red, yellow-or-later, red-having-yellow, month fields/values, day fields/values...}
local now = ARGV[1]
local result = {
  redis.call('HGETALL', KEYS[1]),
  redis.call('ZCOUNT', KEYS[2], '-inf', now),
  redis.call('ZCOUNT', KEYS[4], '-inf', now),
  redis.call('ZCOUNT', KEYS[3], '-inf', now),
  redis.call('HGETALL', KEYS[5])
}
for k = 6, #KEYS do
  result[#result + 1] = redis.call('HGETALL', KEYS[k])
end
return result
