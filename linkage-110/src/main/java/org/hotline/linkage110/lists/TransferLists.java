package org.hotline.linkage110.lists;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.transfer.Direction;

/**
 * Versioned transfer lists in Redis (hash version -> JSON per direction). Publishing adds a version
 * at run time; the one in force is the highest version whose effective date has come.
 */
public final class TransferLists {

    private final RedisOps redis;
    private final Clock clock;

    public TransferLists(RedisOps redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Stores the built-in version 1 of each list unless some version exists already. */
    public Future<Void> seedDefaults() {
        return Future.all(List.of(seed(Direction.TO_110), seed(Direction.FROM_110))).mapEmpty();
    }

    public Future<TransferList> publish(TransferList list) {
        String key = LinkageKeys.list(list.direction().wire());
        return redis.call(r -> r.hsetnx(key, Integer.toString(list.version()), list.toJson().encode()))
                .compose(added -> added
                        ? Future.succeededFuture(list)
                        : Future.failedFuture(HotlineException.conflict("linkage110.list-version-exists",
                                "清单版本已存在：" + list.version())));
    }

    public Future<List<TransferList>> versions(Direction direction) {
        return redis.call(r -> r.hgetall(LinkageKeys.list(direction.wire())))
                .map(all -> parse(direction, all));
    }

    public Future<TransferList> current(Direction direction) {
        var now = clock.instant();
        return versions(direction).compose(all -> all.stream()
                .filter(l -> !l.effectiveFrom().isAfter(now))
                .max(Comparator.comparingInt(TransferList::version))
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(HotlineException.notFound("linkage110.no-list",
                        "没有生效的移交清单：" + direction.wire()))));
    }

    public Future<TransferList> version(Direction direction, int version) {
        return redis.call(r -> r.hget(LinkageKeys.list(direction.wire()), Integer.toString(version)))
                .map(json -> json == null ? null : TransferList.fromJson(direction, new JsonObject(json)));
    }

    private Future<Void> seed(Direction direction) {
        TransferList builtIn = builtIn(direction);
        return redis.call(r -> r.hsetnx(LinkageKeys.list(direction.wire()), "1", builtIn.toJson().encode()))
                .mapEmpty();
    }

    static TransferList builtIn(Direction direction) {
        String resource = "/linkage-110/transfer-list-" + direction.wire() + ".json";
        try (InputStream in = TransferLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return TransferList.fromJson(direction, new JsonObject(Buffer.buffer(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TransferList> parse(Direction direction, Map<String, String> all) {
        return all.values().stream().map(json -> TransferList.fromJson(direction, new JsonObject(json)))
                .sorted(Comparator.comparingInt(TransferList::version)).toList();
    }
}
