package org.hotline.linkage110.transfer;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;

/** Transfers in Redis: one hash each, plus an index by creation time for the console list. */
public final class TransferStore {

    private static final String COMPARE_AND_SET = """
            if redis.call('HGET', KEYS[1], 'status') ~= ARGV[1] then return 0 end
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            return 1
            """;

    private final RedisOps redis;

    public TransferStore(RedisOps redis) {
        this.redis = redis;
    }

    public Future<Transfer> save(Transfer transfer) {
        String key = LinkageKeys.transfer(transfer.id());
        return redis.call(r -> r.hset(key, transfer.toHash()))
                .compose(ignored -> redis.call(r -> r.zadd(LinkageKeys.TRANSFERS,
                        transfer.createdAt().toEpochMilli(), transfer.id())))
                .map(transfer);
    }

    /** Only the given fields; used for status changes so concurrent writers do not undo each other. */
    public Future<Void> update(String id, Map<String, String> fields) {
        return redis.call(r -> r.hset(LinkageKeys.transfer(id), fields)).mapEmpty();
    }

    /**
     * Sets fields only if the status is still {@code expected}, atomically: an acknowledgement and a
     * delivery receipt may race, and the later must not undo the earlier nor count twice.
     *
     * @return whether the change was applied
     */
    public Future<Boolean> compareAndSet(String id, TransferStatus expected, Map<String, String> fields) {
        String[] args = new String[1 + fields.size() * 2];
        args[0] = expected.name();
        int i = 1;
        for (var field : fields.entrySet()) {
            args[i++] = field.getKey();
            args[i++] = field.getValue();
        }
        return redis.call(r -> r.<Long>eval(COMPARE_AND_SET, ScriptOutputType.INTEGER,
                new String[] {LinkageKeys.transfer(id)}, args)).map(applied -> applied == 1L);
    }

    public Future<Transfer> find(String id) {
        return redis.call(r -> r.hgetall(LinkageKeys.transfer(id)))
                .map(hash -> hash.isEmpty() ? null : Transfer.fromHash(hash));
    }

    public Future<Transfer> get(String id) {
        return find(id).compose(found -> found == null
                ? Future.failedFuture(HotlineException.notFound("linkage110.transfer-not-found", "移交单不存在：" + id))
                : Future.succeededFuture(found));
    }

    public Future<List<Transfer>> recent(int limit) {
        return redis.call(r -> r.zrevrangebyscore(LinkageKeys.TRANSFERS, Range.create(0d, Double.MAX_VALUE),
                        Limit.create(0, limit)))
                .compose(ids -> Future.all(ids.stream().map(this::find).toList()))
                .map(all -> all.<Transfer>list().stream().filter(t -> t != null).toList());
    }

    /**
     * The first outgoing transfer of a ticket: {@code transferId} when this call claims it, else the one
     * claimed before (one push per ticket, whatever the number of requests).
     */
    public Future<String> claimOutgoing(String ticketId, String transferId) {
        String key = LinkageKeys.outgoingOfTicket(ticketId);
        return redis.call(r -> r.setnx(key, transferId))
                .compose(claimed -> claimed ? Future.succeededFuture(transferId) : redis.call(r -> r.get(key)));
    }

    /** Links a ticket created for a police order to its transfer, so its result goes back to 110. */
    public Future<Void> linkTicket(String ticketId, String transferId) {
        return redis.call(r -> r.set(LinkageKeys.ticketTransfer(ticketId), transferId)).mapEmpty();
    }

    public Future<String> transferOfTicket(String ticketId) {
        return redis.call(r -> r.get(LinkageKeys.ticketTransfer(ticketId)));
    }
}
