package org.hotline.core.attachment;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hotline.core.redis.LettuceBridge;

/**
 * Evidence files in a folder, their descriptions in Redis. The bytes are written with Vert.x's
 * non-blocking file system, first under a temporary name, then moved into place, so a crash never
 * leaves half a photo behind a description; the description is written last. The folder holds
 * {@code <first two id digits>/<id>} only: no uploader-chosen name ever reaches the disk.
 * Keys: {@code hotline:attachment:<id>} (a hash) and {@code hotline:attachments:ticket:<ticketId>}
 * (the ticket's ids in upload order).
 */
public final class DirectoryAttachmentStore {

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final Path directory;

    public DirectoryAttachmentStore(Vertx vertx, RedisAsyncCommands<String, String> redis, Path directory) {
        this.vertx = vertx;
        this.redis = redis;
        this.directory = directory.toAbsolutePath().normalize();
    }

    static String key(String id) {
        return "hotline:attachment:" + id;
    }

    static String ticketKey(String ticketId) {
        return "hotline:attachments:ticket:" + ticketId;
    }

    /** Stores the bytes and the description; completes with the description. */
    public Future<Attachment> save(Attachment attachment, Buffer bytes) {
        Path file = fileOf(attachment.id());
        String part = file + ".part";
        return vertx.fileSystem().mkdirs(file.getParent().toString())
            .compose(made -> vertx.fileSystem().writeFile(part, bytes))
            .compose(written -> vertx.fileSystem().move(part, file.toString(), new CopyOptions().setReplaceExisting(true)))
            .compose(moved -> LettuceBridge.toFuture(vertx, redis.hset(key(attachment.id()), attachment.toFields())))
            .compose(set -> LettuceBridge.toFuture(vertx, redis.rpush(ticketKey(attachment.ticketId()), attachment.id())))
            .map(attachment);
    }

    /** How many files the ticket holds. */
    public Future<Long> count(String ticketId) {
        return LettuceBridge.toFuture(vertx, redis.llen(ticketKey(ticketId)));
    }

    public Future<Optional<Attachment>> find(String id) {
        if (!Attachment.isId(id)) {
            return Future.succeededFuture(Optional.empty());
        }
        return LettuceBridge.toFuture(vertx, redis.hgetall(key(id)))
            .map(fields -> fields == null || fields.isEmpty() ? Optional.empty() : Optional.of(Attachment.fromFields(id, fields)));
    }

    /** The ticket's files in upload order. */
    public Future<List<Attachment>> ofTicket(String ticketId) {
        return LettuceBridge.toFuture(vertx, redis.lrange(ticketKey(ticketId), 0, -1))
            .compose(ids -> Future.all(ids.stream().map(this::find).toList())
                .map(all -> ids.stream().map(id -> all.<Optional<Attachment>>resultAt(ids.indexOf(id)))
                    .flatMap(Optional::stream).toList()));
    }

    public Future<Buffer> read(Attachment attachment) {
        return vertx.fileSystem().readFile(fileOf(attachment.id()).toString());
    }

    private Path fileOf(String id) {
        return directory.resolve(id.substring(0, 2)).resolve(id);
    }
}
