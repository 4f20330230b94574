-- The dashboard counters in one atomic read (see RedisDashboardCounters).
-- KEYS: 1 open hash, 2 due zset, 3 yellow zset, 4 month hash, 5.. day hashes
-- ARGV: 1 now (epoch ms)
-- Returns {open fields/values, red (deadline passed), yellow time passed (red included), month fields/values, day fields/values...}
local now = ARGV[1]
local result = {
  redis.call('HGETALL', KEYS[1]),
  redis.call('ZCOUNT', KEYS[2], '-inf', now),
  redis.call('ZCOUNT', KEYS[3], '-inf', now),
  redis.call('HGETALL', KEYS[4])
}
for k = 5, #KEYS do
  result[#result + 1] = redis.call('HGETALL', KEYS[k])
end
return result
