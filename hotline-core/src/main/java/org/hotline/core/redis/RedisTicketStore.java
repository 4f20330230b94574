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
    /** Code of the refusal when more than maxInFlight commits are waiting for Redis. */
    public static final String OVERLOADED_CODE = "ticket-store.overloaded";

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketStoreConfig config;
    private final RedisTicketKeys keys;
    private final LuaScript commitScript;
    private final RedisTicketHistory history;
    private final AtomicInteger inFlight = new AtomicInteger();

    public RedisTicketStore(Vertx vertx, StatefulRedisConnection<String, String> connection, RedisTicketStoreConfig config) {
        this.vertx = vertx;
        this.redis = connection.async();
        this.config = config;
        this.keys = config.keys();
        this.commitScript = LuaScript.fromResource("commit-ticket.lua", redis);
        this.history = new RedisTicketHistory(vertx, redis, keys, config.maxHistoryScan());
    }

    /** Opens a connection, loads the commit script and returns the store; fails when Redis cannot be reached. */
    public static Future<RedisTicketStore> start(Vertx vertx, RedisConnector connector, RedisTicketStoreConfig config) {
        return connector.connect()
                .map(connection -> new RedisTicketStore(vertx, connection, config))
                .compose(store -> store.loadScripts().map(store));
    }

    Future<Void> loadScripts() {
        return bridge(commitScript.load(redis)).mapEmpty();
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
        return bridge(reply).map(answer -> CommitReply.interpret(answer, commit));
    }

    @Override
    public Future<Optional<StoredTicket>> findById(String ticketId) {
        return bridge(redis.hmget(keys.ticket(ticketId), "n", "v", "s"))
                .map(fields -> {
                    if (fields.get(0).isEmpty() || fields.get(1).isEmpty() || fields.get(2).isEmpty()) {
                        return Optional.<StoredTicket>empty();
                    }
                    long version = Long.parseLong(fields.get(1).getValue());
                    return Optional.of(new StoredTicket(ticketId, fields.get(0).getValue(), version, fields.get(2).getValue()));
                });
    }

    @Override
    public Future<List<StreamEvent>> eventsOf(String ticketId) {
        return history.eventsOf(ticketId);
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
