package org.hotline.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTicketArchiveTest {

    private final Vertx vertx = Vertx.vertx();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aDocumentPutIsFoundAgainAndLeavesNoTemporaryFileBehind() throws Exception {
        var archive = new FileTicketArchive(vertx, dir);

        await(archive.put("ab12-x", "{\"schema\":\"ticket-archive.v1\",\"title\":\"井盖缺失\"}"));

        assertThat(await(archive.find("ab12-x"))).contains("{\"schema\":\"ticket-archive.v1\",\"title\":\"井盖缺失\"}");
        assertThat(await(archive.find("ab12-y"))).isEmpty();
        try (var files = Files.list(dir.resolve("ab"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ab12-x.json");
        }
    }

    @Test
    void idsArePagedInOrderAcrossShards() {
        var archive = new FileTicketArchive(vertx, dir);
        for (String id : List.of("cc3", "aa1", "bb2", "aa2")) {
            await(archive.put(id, "{}"));
        }

        assertThat(await(archive.ids(null, 3))).containsExactly("aa1", "aa2", "bb2");
        assertThat(await(archive.ids("bb2", 3))).containsExactly("cc3");
        assertThat(await(archive.ids("cc3", 3))).isEmpty();
        assertThat(await(new FileTicketArchive(vertx, dir.resolve("none")).ids(null, 3))).isEmpty();
    }

    @Test
    void anIdThatIsNoFileNameIsRefused() {
        var archive = new FileTicketArchive(vertx, dir);

        assertThatThrownBy(() -> await(archive.put("../escape", "{}"))).isInstanceOf(HotlineException.class);
        assertThat(await(archive.find("../escape"))).isEmpty();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
