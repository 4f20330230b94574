-- The dashboard counters in one atomic read (see RedisDashboardCounters).
-- KEYS: 1 open hash, 2 due zset, 3 yellow zset, 4 month hash, 5 card scopes set, 6.. day hashes
-- ARGV: 1 now (epoch ms), 2 the dashboard key prefix (scoped zsets are due:{scope} and yellow:{scope})
-- Returns {open fields/values, red (deadline passed), yellow time passed (red included), month fields/values,
--          {scope, red, yellow passed, ...} for scopes with a card, day fields/values...}
local now = ARGV[1]
local scopes = {}
for _, scope in ipairs(redis.call('SMEMBERS', KEYS[5])) do
  local passed = redis.call('ZCOUNT', ARGV[2] .. 'yellow:' .. scope, '-inf', now)
  if passed > 0 then
    scopes[#scopes + 1] = scope
    scopes[#scopes + 1] = redis.call('ZCOUNT', ARGV[2] .. 'due:' .. scope, '-inf', now)
    scopes[#scopes + 1] = passed
  end
end
local result = {
  redis.call('HGETALL', KEYS[1]),
  redis.call('ZCOUNT', KEYS[2], '-inf', now),
  redis.call('ZCOUNT', KEYS[3], '-inf', now),
  redis.call('HGETALL', KEYS[4]),
  scopes
}
for k = 6, #KEYS do
  result[#result + 1] = redis.call('HGETALL', KEYS[k])
end
return result
