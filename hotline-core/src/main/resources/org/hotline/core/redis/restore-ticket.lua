#!lua
-- Brings an archived ticket back into Redis before a commit on it (a reopen after the retention period):
-- the hash and event list exactly as archived, and the index entries archive-ticket.lua removed (a closed
-- ticket has no alarms, no open entry and no card deadline). Does nothing when the ticket is live already.
-- KEYS: 1 ticket hash, 2 event list
-- ARGV: 1 key prefix, 2 id, 3 n fields, (field, value)..., then the event list elements
-- Returns 'OK' | 'PRESENT'
local prefix, id = ARGV[1], ARGV[2]
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {'PRESENT'}
end
local n = tonumber(ARGV[3])
local fields = {}
for k = 1, 2 * n do
  fields[k] = ARGV[3 + k]
end
redis.call('HSET', KEYS[1], unpack(fields))
for k = 4 + 2 * n, #ARGV do
  redis.call('RPUSH', KEYS[2], ARGV[k])
end
local f = redis.call('HMGET', KEYS[1], 'st', 'c', 'd', 'sc')
if f[1] then
  redis.call('ZADD', prefix .. 'status:' .. f[1], f[2] or '0', id)
end
if f[3] then
  for _, department in ipairs(cjson.decode(f[3])) do
    redis.call('ZADD', prefix .. 'inbox:' .. department, f[4] or '0', id)
  end
end
return {'OK'}
