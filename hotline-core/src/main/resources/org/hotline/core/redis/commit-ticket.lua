#!lua
-- One ticket transition, atomically: version check, snapshot, number and idempotency keys,
-- index replacement, SLA alarms replacement and the stream events. See RedisTicketStore for the
-- layout of KEYS and ARGV. All checks come before the first write, so a refusal writes nothing;
-- the "#!lua" header makes Redis refuse the whole script up front when it is out of memory.
--
-- KEYS: 1 ticket hash (snapshot n/v/s and the index entries of the last commit d/p/st/a/c/sc/o; a: alarm members
--       without the ticket id, see encodeAlarms),
--       2 event stream, 3 SLA alarms zset, 4 number key, 5 open-tickets zset,
--       6 idempotency key (ignored when ARGV[7] ~= '1'), 7 the ticket's event list
-- ARGV: 1 key prefix, 2 id, 3 number, 4 expected version, 5 next version, 6 snapshot as stored (CompactText),
--       7 '1' when an idempotency key is given, 8 its TTL in seconds, 9 creation epoch ms,
--       10 '1' when open, 11 status, 12 inbox score, 13 caller phone ('' = none),
--       14 n departments, departments..., n alarms, (member, score)..., n events,
--       (type, version, at, event json, the snapshot json when the entry carries it or '', the event list element)...,
--       then when ARGV[#ARGV] is 'D'
--       the dashboard marks: lead department ('' = none), channel, received day yyyyMMdd, card due ms ('' = none),
--       card yellow ms (at most the due ms; '' = none), card scopes (sorted, comma-separated c:{clock},d:{department}), 'D'
-- Returns {'OK', streamIds...} | {'STALE', currentVersion} | {'MISSING'} | {'NUMBER_TAKEN'}
--         | {'REPLAY', id, number, version, snapshot}

local ticketKey, streamKey, alarmsKey = KEYS[1], KEYS[2], KEYS[3]
local numberKey, openKey, idempotencyKey, historyKey = KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local prefix, id, number = ARGV[1], ARGV[2], ARGV[3]
local expected = tonumber(ARGV[4])
local snapshot = ARGV[6]
local idempotent = ARGV[7] == '1'

if idempotent then
  local existing = redis.call('GET', idempotencyKey)
  if existing then
    local t = redis.call('HMGET', prefix .. 'ticket:' .. existing, 'n', 'v', 's')
    return {'REPLAY', existing, t[1] or '', t[2] or '0', t[3] or ''}
  end
end

-- One read for the version and the memberships written by the ticket's previous commit.
local old = redis.call('HMGET', ticketKey, 'v', 'd', 'p', 'st', 'a', 'c', 'sc', 'o')
local current = tonumber(old[1] or '0')
if current ~= expected then
  if current == 0 then
    return {'MISSING'}
  end
  return {'STALE', tostring(current)}
end
if expected == 0 and redis.call('EXISTS', numberKey) == 1 then
  return {'NUMBER_TAKEN'}
end

-- Checks done: from here on, every command writes.
if expected == 0 then
  redis.call('SET', numberKey, id)
  if idempotent then
    redis.call('SET', idempotencyKey, id, 'EX', ARGV[8])
  end
end

-- Replace the memberships written by the previous commit of this ticket. Lists arrive sorted,
-- so an unchanged list encodes the same and most transitions skip the remove-and-add work.
local created = old[6] or ARGV[9]
local open, status, score, phone = ARGV[10] == '1', ARGV[11], ARGV[12], ARGV[13]
local i = 14
local departments = {}
for k = 1, tonumber(ARGV[i]) do
  departments[k] = ARGV[i + k]
end
i = i + #departments + 1
local members, scores = {}, {}
for k = 1, tonumber(ARGV[i]) do
  members[k] = ARGV[i + 2 * k - 1]
  scores[k] = ARGV[i + 2 * k]
end
i = i + 2 * #members + 1
-- Alarm members are "{id}|{clock}|{level}|{due}": the hash keeps them without the id, "~" then the rest joined by
-- commas (a JSON array of whole members before: still read, and replaced by the next commit that changes them).
local function encodeAlarms(list)
  local rest = {}
  for k, member in ipairs(list) do
    rest[k] = string.sub(member, #id + 2)
  end
  return '~' .. table.concat(rest, ',')
end
local function decodeAlarms(stored)
  if string.sub(stored, 1, 1) == '[' then
    return cjson.decode(stored)
  end
  local list = {}
  for rest in string.gmatch(string.sub(stored, 2), '[^,]+') do
    list[#list + 1] = id .. '|' .. rest
  end
  return list
end
local encodedDepartments, encodedMembers = cjson.encode(departments), encodeAlarms(members)

if old[2] and old[2] ~= encodedDepartments then
  for _, department in ipairs(cjson.decode(old[2])) do
    redis.call('ZREM', prefix .. 'inbox:' .. department, id)
  end
end
local sameScore = old[7] == score
if not (sameScore and old[2] == encodedDepartments) then
  for _, department in ipairs(departments) do
    redis.call('ZADD', prefix .. 'inbox:' .. department, score, id)
  end
end
if old[3] ~= phone then
  if old[3] and old[3] ~= '' then
    redis.call('ZREM', prefix .. 'caller:' .. old[3], id)
  end
  if phone ~= '' then
    redis.call('ZADD', prefix .. 'caller:' .. phone, created, id)
  end
end
if old[4] ~= status then
  if old[4] then
    redis.call('ZREM', prefix .. 'status:' .. old[4], id)
  end
  redis.call('ZADD', prefix .. 'status:' .. status, created, id)
end
if old[5] ~= encodedMembers then
  if old[5] then
    for _, member in ipairs(decodeAlarms(old[5])) do
      redis.call('ZREM', alarmsKey, member)
    end
  end
  for k = 1, #members do
    redis.call('ZADD', alarmsKey, scores[k], members[k])
  end
end
if not (sameScore and old[8] == ARGV[10]) then
  if open then
    redis.call('ZADD', openKey, score, id)
  else
    redis.call('ZREM', openKey, id)
  end
end
-- The dashboard counters (RedisTicketKeys#dashboard), kept in this same atomic write: open tickets by
-- status and by lead department, the handling clock's card deadlines, tickets received per day and month
-- by channel, and per card scope (the deciding clock, each inbox department) the same card deadlines in
-- due:{scope} / yellow:{scope}, the scopes ever used listed in the cards set. 'k' marks a ticket counted by its previous commit, so a ticket stored before the counters
-- existed is counted from its next commit on and never subtracted.
if ARGV[#ARGV] == 'D' then
  local m = #ARGV - 7
  local dash = prefix .. 'dash:'
  local lead, channel, day, cardDue, cardYellow = ARGV[m + 1], ARGV[m + 2], ARGV[m + 3], ARGV[m + 4], ARGV[m + 5]
  local cardScopes = ARGV[m + 6]
  local was = redis.call('HMGET', ticketKey, 'k', 'kl', 'kd', 'ky', 'kc')
  local counted = was[1] == '1'
  local wasOpen = counted and old[8] == '1'
  if wasOpen ~= open or (open and old[4] ~= status) then
    if wasOpen then
      redis.call('HINCRBY', dash .. 'open', 's:' .. old[4], -1)
    end
    if open then
      redis.call('HINCRBY', dash .. 'open', 's:' .. status, 1)
    end
  end
  local oldLead, newLead = '', ''
  if wasOpen then
    oldLead = was[2] or ''
  end
  if open then
    newLead = lead
  end
  if oldLead ~= newLead then
    if oldLead ~= '' then
      redis.call('HINCRBY', dash .. 'open', 'd:' .. oldLead, -1)
    end
    if newLead ~= '' then
      redis.call('HINCRBY', dash .. 'open', 'd:' .. newLead, 1)
    end
  end
  local oldDue, oldYellow, oldScopes = '', '', ''
  if counted then
    oldDue, oldYellow, oldScopes = was[3] or '', was[4] or '', was[5] or ''
  end
  if oldDue ~= cardDue or oldYellow ~= cardYellow or oldScopes ~= cardScopes then
    if oldDue ~= '' then
      redis.call('ZREM', dash .. 'due', id)
      redis.call('ZREM', dash .. 'yellow', id)
      for scope in string.gmatch(oldScopes, '[^,]+') do
        redis.call('ZREM', dash .. 'due:' .. scope, id)
        redis.call('ZREM', dash .. 'yellow:' .. scope, id)
      end
    end
    if cardDue ~= '' then
      redis.call('ZADD', dash .. 'due', cardDue, id)
      redis.call('ZADD', dash .. 'yellow', cardYellow, id)
      for scope in string.gmatch(cardScopes, '[^,]+') do
        redis.call('ZADD', dash .. 'due:' .. scope, cardDue, id)
        redis.call('ZADD', dash .. 'yellow:' .. scope, cardYellow, id)
        redis.call('SADD', dash .. 'cards', scope)
      end
    end
  end
  if expected == 0 then
    redis.call('HINCRBY', dash .. 'day:' .. day, channel, 1)
    redis.call('HINCRBY', dash .. 'month:' .. string.sub(day, 1, 6), channel, 1)
  end
  redis.call('HSET', ticketKey, 'k', '1', 'kl', newLead, 'kd', cardDue, 'ky', cardYellow, 'kc', cardScopes)
end

redis.call('HSET', ticketKey, 'n', number, 'v', ARGV[5], 's', snapshot,
  'd', encodedDepartments, 'p', phone, 'st', status, 'a', encodedMembers, 'c', created, 'sc', score, 'o', ARGV[10])

local result = {'OK'}
for k = 0, tonumber(ARGV[i]) - 1 do
  local b = i + 1 + 6 * k
  if ARGV[b + 4] ~= '' then
    result[k + 2] = redis.call('XADD', streamKey, '*', 'ticketId', id, 'number', number,
      'version', ARGV[b + 1], 'type', ARGV[b], 'at', ARGV[b + 2], 'event', ARGV[b + 3], 'ticket', ARGV[b + 4])
  else
    -- lean entry: consumers that need the ticket read its current snapshot (TicketEventType.carriesSnapshot)
    result[k + 2] = redis.call('XADD', streamKey, '*', 'ticketId', id, 'number', number,
      'version', ARGV[b + 1], 'type', ARGV[b], 'at', ARGV[b + 2], 'event', ARGV[b + 3])
  end
  -- the ticket's own history, read in O(its events): "{version}|{type}|{at}|{event json}", compacted (CompactText)
  redis.call('RPUSH', historyKey, ARGV[b + 5])
end
return result
