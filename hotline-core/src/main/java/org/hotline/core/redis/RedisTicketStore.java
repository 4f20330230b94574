package org.hotline.core.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket store on Redis. Each commit is one Lua script (commit-ticket.lua) that checks the
 * version, writes the snapshot, replaces the ticket's index entries and SLA alarms and appends its
 * events to the ticket event stream, so a reader never sees a half-applied transition and two
 * commits at the same expected version never both win.
 *
 * <p>A command that times out may still have been applied by Redis (the answer was lost): the
 * caller sees UNAVAILABLE, and a retry at the same expected version then gets CONFLICT, or for an
 * intake with an idempotency key the ticket created by the first attempt.
 */
public final class RedisTicketStore implements TicketStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTicketStore.class);
    private static final int MAX_PAGE = 1000;
    /** Largest field value of a hash Redis keeps as a listpack; see {@link #keepTicketHashesCompact}. */
    public static final int LISTPACK_VALUE = 2048;
    /** Code of the refusal when more than maxInFlight commits are waiting for Redis. */
    public static final String OVERLOADED_CODE = "ticket-store.overloaded";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketStoreConfig config;
    private final RedisTicketKeys keys;
    private final LuaScript commitScript;
    private final LuaScript restoreScript;
    private final RedisTicketHistory history;
    private final TicketArchive archive;
    private final AtomicInteger inFlight = new AtomicInteger();

    public RedisTicketStore(Vertx vertx, StatefulRedisConnection<String, String> connection, RedisTicketStoreConfig config) {
        this(vertx, connection, config, TicketArchive.none());
    }

    /** A store whose closed tickets may have moved to {@code archive} ({@link RedisTicketArchiver}). */
    public RedisTicketStore(Vertx vertx, StatefulRedisConnection<String, String> connection, RedisTicketStoreConfig config,
                            TicketArchive archive) {
        this.vertx = vertx;
        this.redis = connection.async();
        this.config = config;
        this.keys = config.keys();
        this.archive = archive;
        this.commitScript = LuaScript.fromResource("commit-ticket.lua", redis);
        this.restoreScript = LuaScript.fromResource("restore-ticket.lua", redis);
        this.history = new RedisTicketHistory(vertx, redis, keys, config.maxHistoryScan());
    }

    /** Opens a connection, loads the commit script and returns the store; fails when Redis cannot be reached. */
    public static Future<RedisTicketStore> start(Vertx vertx, RedisConnector connector, RedisTicketStoreConfig config) {
        return start(vertx, connector, config, TicketArchive.none());
    }

    /** As {@link #start(Vertx, RedisConnector, RedisTicketStoreConfig)}, reading archived tickets from {@code archive}. */
    public static Future<RedisTicketStore> start(Vertx vertx, RedisConnector connector, RedisTicketStoreConfig config,
                                                 TicketArchive archive) {
        return connector.connect()
                .map(connection -> new RedisTicketStore(vertx, connection, config, archive))
                .compose(store -> store.loadScripts().map(store));
    }

    Future<Void> loadScripts() {
        return bridge(commitScript.load(redis)).compose(loaded -> keepTicketHashesCompact());
    }

    /**
     * Raises the server's {@code hash-max-listpack-value} to {@value #LISTPACK_VALUE} bytes, so that a ticket hash
     * (a compacted snapshot of about 0.6 KB among a dozen small fields) stays one listpack instead of a hash table:
     * about 1.4 KB less per ticket. The embedded Redis and the compose file start with it already; a managed Redis
     * that refuses CONFIG keeps working, only costlier, and says so once.
     */
    private Future<Void> keepTicketHashesCompact() {
        String name = "hash-max-listpack-value";
        return bridge(redis.configGet(name))
                .compose(current -> Long.parseLong(current.getOrDefault(name, "0")) >= LISTPACK_VALUE
                        ? Future.<Void>succeededFuture()
                        : bridge(redis.configSet(name, Integer.toString(LISTPACK_VALUE))).<Void>mapEmpty())
                .recover(refused -> {
                    LOG.warn("redis refused to keep ticket hashes compact, each ticket costs about 1.4 KB more [{} {}: {}]",
                            name, LISTPACK_VALUE, refused.getMessage());
                    return Future.succeededFuture();
                });
    }

    @Override
    public Future<String> allocateNumber(LocalDate day) {
        return bridge(redis.incr(keys.numberSequence(day)))
                .map(sequence -> TicketNumbers.format(day, sequence));
    }

    @Override
    public Future<StoredTicket> create(TicketCommit commit, String idempotencyKeyOrNull) {
        if (commit.expectedVersion() != 0) {
            return Future.failedFuture(HotlineException.invalid("ticket.commit-invalid", "新建工单的版本号必须为0"));
        }
        return run(commit, idempotencyKeyOrNull);
    }

    @Override
    public Future<StoredTicket> commit(TicketCommit commit) {
        return run(commit, null);
    }

    private Future<StoredTicket> run(TicketCommit commit, String idempotencyKeyOrNull) {
        CommitArguments arguments;
        try {
            arguments = CommitArguments.of(commit, idempotencyKeyOrNull, config);
        } catch (HotlineException refused) {
            return Future.failedFuture(refused);
        }
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            return Future.failedFuture(HotlineException.unavailable(OVERLOADED_CODE, "工单系统繁忙，请稍后重试", null));
        }
        CompletionStage<List<Object>> reply = commitScript.run(redis, arguments.keys(), arguments.args())
                .whenComplete((ignored, failure) -> inFlight.decrementAndGet());
        return bridge(reply).compose(answer -> isMissing(answer) && commit.expectedVersion() > 0
                ? restored(commit.ticketId()).compose(back -> back ? run(commit, null) : Future.succeededFuture(
                        CommitReply.interpret(answer, commit)))
                : Future.succeededFuture(CommitReply.interpret(answer, commit)));
    }

    private static boolean isMissing(List<Object> answer) {
        return "MISSING".equals(String.valueOf(answer.get(0)));
    }

    /** Brings an archived ticket back into Redis (a commit on it, e.g. a reopen); false when it is not archived. */
    private Future<Boolean> restored(String ticketId) {
        return archived(ticketId).compose(found -> found.isEmpty() ? Future.succeededFuture(false)
                : bridge(restoreScript.run(redis, new String[] {keys.ticket(ticketId), keys.history(ticketId)},
                        found.get().restoreArguments(keys.prefix()))).map(true));
    }

    private Future<Optional<ArchivedTicket>> archived(String ticketId) {
        return archive.find(ticketId).map(document -> document.map(ArchivedTicket::parse));
    }

    @Override
    public Future<Optional<StoredTicket>> findById(String ticketId) {
        return bridge(redis.hmget(keys.ticket(ticketId), "n", "v", "s"))
                .compose(fields -> {
                    if (fields.get(0).isEmpty() || fields.get(1).isEmpty() || fields.get(2).isEmpty()) {
                        return archived(ticketId).map(found -> found.flatMap(ArchivedTicket::stored));
                    }
                    long version = Long.parseLong(fields.get(1).getValue());
                    return Future.succeededFuture(Optional.of(new StoredTicket(ticketId, fields.get(0).getValue(), version,
                            CompactText.expand(fields.get(2).getValue()))));
                });
    }

    /** From Redis, or from the archive for a ticket archived after its retention period. */
    @Override
    public Future<List<StreamEvent>> eventsOf(String ticketId) {
        return history.eventsOf(ticketId).compose(events -> events.isEmpty()
                ? archived(ticketId).map(found -> found.map(ArchivedTicket::history).orElse(List.of()))
                : Future.succeededFuture(events));
    }

    @Override
    public Future<Optional<StoredTicket>> findByNumber(String number) {
        return bridge(redis.get(keys.number(number)))
                .compose(id -> id == null ? Future.succeededFuture(Optional.empty()) : findById(id));
    }

    @Override
    public Future<List<String>> inbox(String departmentId, int offset, int limit) {
        return page(keys.inbox(departmentId), offset, limit, false);
    }

    @Override
    public Future<List<String>> ticketsOfCaller(String phone, int limit) {
        return page(keys.caller(phone), 0, limit, true);
    }

    /** Oldest first: the order in which a status' backlog is worked off. */
    @Override
    public Future<List<String>> ticketsInStatus(String status, int offset, int limit) {
        return page(keys.status(status), offset, limit, false);
    }

    /** Open tickets, nearest deadline (inbox score) first: the deadline worklist of supervisors. */
    public Future<List<String>> openTickets(int offset, int limit) {
        return page(keys.open(), offset, limit, false);
    }

    private Future<List<String>> page(String key, int offset, int limit, boolean newestFirst) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            return Future.failedFuture(HotlineException.invalid("page.invalid", "分页参数无效：偏移不能为负，每页1到1000条"));
        }
        long last = (long) offset + limit - 1;
        CompletionStage<List<String>> stage = newestFirst
                ? redis.zrevrange(key, offset, last)
                : redis.zrange(key, offset, last);
        return bridge(stage);
    }

    private <T> Future<T> bridge(CompletionStage<T> stage) {
        return LettuceBridge.toFuture(vertx, stage).onFailure(failure -> {
            if (failure instanceof HotlineException known && known.kind() == ErrorKind.UNAVAILABLE) {
                LOG.warn("redis ticket store unreachable [{}]", known.getCause() == null ? "" : known.getCause().getClass().getSimpleName());
            }
        });
    }
}
