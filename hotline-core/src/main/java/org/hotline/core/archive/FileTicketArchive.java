package org.hotline.core.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.TicketArchive;

/**
 * The ticket archive as files: {@code {dir}/{first two characters of the id}/{id}.json}, written to a temporary
 * file, fsynced and renamed into place, so a reader finds the whole document or none and a crash right after
 * {@link #put} loses nothing. Several nodes share it when {@code dir} is on shared storage; a ticket archived
 * twice (two nodes racing) is the same document written twice. File I/O blocks: it runs on worker threads.
 */
public final class FileTicketArchive implements TicketArchive {

    private static final String SUFFIX = ".json";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Vertx vertx;
    private final Path dir;

    public FileTicketArchive(Vertx vertx, Path dir) {
        this.vertx = vertx;
        this.dir = dir;
    }

    @Override
    public Future<Void> put(String ticketId, String document) {
        return path(ticketId).compose(target -> vertx.executeBlocking(() -> {
            write(target, document);
            return null;
        }, false));
    }

    @Override
    public Future<Optional<String>> find(String ticketId) {
        if (!SAFE_ID.matcher(ticketId).matches()) {
            return Future.succeededFuture(Optional.empty());
        }
        return path(ticketId).compose(target -> vertx.executeBlocking(() -> {
            try {
                return Optional.of(Files.readString(target, StandardCharsets.UTF_8));
            } catch (NoSuchFileException absent) {
                return Optional.<String>empty();
            }
        }, false));
    }

    @Override
    public Future<List<String>> ids(String afterOrNull, int limit) {
        return vertx.executeBlocking(() -> listIds(afterOrNull, limit), false);
    }

    /** Shard by shard in name order, so a page lists only the shards it needs. */
    private List<String> listIds(String afterOrNull, int limit) throws IOException {
        List<String> ids = new ArrayList<>(limit);
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        String after = afterOrNull == null ? "" : afterOrNull;
        String firstShard = after.substring(0, Math.min(2, after.length()));
        for (Path shard : sorted(dir)) {
            if (shard.getFileName().toString().compareTo(firstShard) < 0 || !Files.isDirectory(shard)) {
                continue;
            }
            for (Path file : sorted(shard)) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    String id = name.substring(0, name.length() - SUFFIX.length());
                    if (id.compareTo(after) > 0) {
                        ids.add(id);
                        if (ids.size() == limit) {
                            return ids;
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    private Future<Path> path(String ticketId) {
        if (!SAFE_ID.matcher(ticketId).matches()) {
            return Future.failedFuture(HotlineException.invalid("ticket.id-invalid", "工单编号格式无效"));
        }
        return Future.succeededFuture(dir.resolve(ticketId.substring(0, Math.min(2, ticketId.length()))).resolve(ticketId + SUFFIX));
    }

    private static void write(Path target, String document) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(document.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true); // the rename itself survives a power cut
        }
    }
}
