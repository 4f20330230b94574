/**
 * Redis adapters of hotline-core: the connection settings every module shares
 * ({@link org.hotline.core.redis.RedisConfig}, {@link org.hotline.core.redis.RedisConnector},
 * {@link org.hotline.core.redis.LettuceBridge}) and the ticket store
 * ({@link org.hotline.core.redis.RedisTicketStore}).
 *
 * <h2>Keys (prefix {@code hotline:}, see {@link org.hotline.core.redis.RedisTicketKeys})</h2>
 * <ul>
 * <li>{@code ticket:{id}} hash: {@code n} number, {@code v} version, {@code s} snapshot ({@code ticket.v1},
 *     compacted: {@link org.hotline.core.redis.CompactText}; kept a listpack by {@code hash-max-listpack-value 2048}),
 *     and the index entries of the last commit ({@code d p st a c sc o}) so the next commit removes exactly those
 *     ({@code a}: the alarm members without their {@code {id}|}, {@code ~} and comma-joined; a JSON array of whole
 *     members in hashes written before, still read);</li>
 * <li>{@code number:{number}} → id; {@code number-seq:{yyyyMMdd}} daily counter (kept forever, so a
 *     number is never handed out twice); {@code intake:{key}} → id, expires after 7 days;</li>
 * <li>{@code events:{id}} list of the ticket's events, oldest first, each {@code {version}|{type}|{at}|{event json}}
 *     compacted (elements written before compaction are read as they are),
 *     appended by the commit script with each stream entry, so one ticket's history costs O(its events).
 *     Tickets committed before the list existed (session 1 data) lack their early events there;
 *     {@link org.hotline.core.redis.RedisTicketHistory} finds those in the stream from the ticket's
 *     creation time on, reading at most {@code maxHistoryScan} entries;</li>
 * <li>sorted sets {@code inbox:{departmentId}} (score: inbox score, nearest deadline first),
 *     {@code caller:{phone}} and {@code status:{STATUS}} (score: creation epoch ms), {@code open}
 *     (score: inbox score — the deadline worklist);</li>
 * <li>dashboard counters, kept by the same script ({@link org.hotline.core.redis.RedisDashboardCounters}):
 *     hash {@code dash:open} ({@code s:{STATUS}} and {@code d:{lead department}} → open tickets), sorted sets
 *     {@code dash:due} (the deadline of the card an inbox shows, {@link org.hotline.core.time.InboxCard}) and
 *     {@code dash:yellow} (its yellow time, at most the deadline), the same per scope in {@code dash:due:{scope}}
 *     and {@code dash:yellow:{scope}} (scope {@code c:{CLOCK}} or {@code d:{department}}, all listed in the set
 *     {@code dash:cards}), hashes {@code dash:day:{yyyyMMdd}} and
 *     {@code dash:month:{yyyyMM}} (channel → tickets received); the ticket hash keeps what it last counted
 *     ({@code k kl kd ky kc});</li>
 * <li>shared contracts: stream {@code hotline:stream:ticket-events} and sorted set {@code hotline:sla:alarms}
 *     (docs/architecture.md). The stream is trimmed once every consumer group has acknowledged an entry and it is
 *     an hour old ({@link org.hotline.core.redis.StreamTrimmer}); each ticket's history is its {@code events:{id}} list.</li>
 * </ul>
 *
 * <h2>Closed tickets leave Redis (docs/adr/0007)</h2>
 * {@link org.hotline.core.redis.RedisTicketArchiver} moves a ticket closed longer than the retention to the
 * {@link org.hotline.core.port.TicketArchive} (hash and event list as stored, {@link org.hotline.core.redis.ArchivedTicket})
 * and then removes it (archive-ticket.lua); the store reads such a ticket and its history from the archive and
 * brings it back (restore-ticket.lua) before a commit on it. Its number key and caller index entry stay.
 *
 * <h2>One script per transition</h2>
 * commit-ticket.lua checks the version (0 = must not exist), the idempotency key and the number
 * before its first write, then writes the snapshot, the indexes, the alarms and one stream entry
 * (and one {@code events:{id}} list element) per event. Redis runs a script alone, so no reader sees half a transition and two commits at one
 * version never both win. Multi-event commits put the snapshot after the whole commit in every
 * entry's {@code ticket} field (the entries' {@code version} fields still count up by one).
 *
 * <h2>Deployment limits</h2>
 * Redis 7 or later (the script uses a {@code #!lua} header so that Redis refuses it up front when
 * out of memory, instead of failing half-way). One primary: standalone or Sentinel
 * ({@code redis-sentinel://}). Not Redis Cluster: the script touches per-ticket keys and the shared
 * stream and alarm set, and builds index key names inside the script; making that one slot would
 * need the same hash tag on every key, i.e. everything on one node anyway.
 *
 * <h2>Durability ({@link org.hotline.core.redis.AppendFsync})</h2>
 * Set on the Redis server, not in the client: {@code appendonly yes} plus {@code appendfsync everysec}
 * (default; a power cut may lose about the last second of acknowledged transitions, a crash of
 * the Redis process alone loses nothing) or {@code always} (every acknowledged transition is on disk
 * first; proven by RedisTicketStoreDurabilityIT, which SIGKILLs Redis). A command that times out may
 * still have been applied: the caller sees UNAVAILABLE; a retry at the same version then gets
 * CONFLICT, and an intake retried with its idempotency key gets the ticket created the first time.
 */
package org.hotline.core.redis;
