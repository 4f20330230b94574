#!lua
-- Takes a closed ticket out of Redis once its archived copy is durable (RedisTicketArchiver): only when the
-- ticket is still at the archived version and closed, so a commit that came in between (a reopen) keeps it live.
-- Removes what its last commit indexed (status, inboxes, open, alarms, card deadlines), then the hash and the
-- event list. Kept: the number key and the caller index, small, so lookups by number and by caller still find
-- the ticket (in the archive). The dashboard counters never counted a closed ticket as open: nothing to undo.
-- KEYS: 1 ticket hash, 2 event list, 3 open zset, 4 SLA alarms zset
-- ARGV: 1 key prefix, 2 id, 3 archived version
-- Returns 'OK' | 'STALE' (version changed or ticket gone) | 'OPEN' (not closed)
local prefix, id = ARGV[1], ARGV[2]
local f = redis.call('HMGET', KEYS[1], 'v', 'st', 'd', 'a', 'kd')
if f[1] ~= ARGV[3] then
  return {'STALE'}
end
if f[2] ~= 'CLOSED' then
  return {'OPEN'}
end
redis.call('ZREM', prefix .. 'status:' .. f[2], id)
if f[3] then
  for _, department in ipairs(cjson.decode(f[3])) do
    redis.call('ZREM', prefix .. 'inbox:' .. department, id)
  end
end
-- alarm members as commit-ticket.lua keeps them: "~" and the members without "{id}|", or (older) a JSON array
if f[4] and string.sub(f[4], 1, 1) == '[' then
  for _, member in ipairs(cjson.decode(f[4])) do
    redis.call('ZREM', KEYS[4], member)
  end
elseif f[4] then
  for rest in string.gmatch(string.sub(f[4], 2), '[^,]+') do
    redis.call('ZREM', KEYS[4], id .. '|' .. rest)
  end
end
redis.call('ZREM', KEYS[3], id)
if f[5] and f[5] ~= '' then
  redis.call('ZREM', prefix .. 'dash:due', id)
  redis.call('ZREM', prefix .. 'dash:yellow', id)
end
redis.call('DEL', KEYS[1], KEYS[2])
return {'OK'}
