-- Claims due SLA alarms for one scheduler, atomically.
-- KEYS[1] alarms sorted set (score = fire time ms), KEYS[2] in-flight leases (score = lease expiry ms)
-- ARGV[1] lease in ms, ARGV[2] most members to return
-- Returns a flat list: member, fireAtMs, member, fireAtMs, ... (re-claimed expired leases first).
-- The clock is Redis' own, so schedulers on machines with skewed clocks agree on what is due.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseUntil = now + tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local out = {}

-- a lease that expired belongs to a scheduler that died or stalled: take it over
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, limit)
for _, member in ipairs(expired) do
  redis.call('ZADD', KEYS[2], leaseUntil, member)
  out[#out + 1] = member
  out[#out + 1] = '-1'
end

local room = limit - #expired
if room > 0 then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES', 'LIMIT', 0, room)
  for i = 1, #due, 2 do
    redis.call('ZREM', KEYS[1], due[i])
    redis.call('ZADD', KEYS[2], leaseUntil, due[i])
    out[#out + 1] = due[i]
    out[#out + 1] = due[i + 1]
  end
end
out[#out + 1] = tostring(now)
return out
