package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScreenPopsTest {

    private static final CallSignal.Answered ANSWER = new CallSignal.Answered("c1", "13900000001", "common", "a1",
            Instant.parse("2026-11-22T08:00:00Z"));

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void theFirstPopCarriesTheHistoryFetchedWhileTheCallerWaited() throws Exception {
        ScreenPops pops = new ScreenPops((phone, limit) -> io.vertx.core.Future.succeededFuture(
                new JsonArray().add(new JsonObject().put("number", "12345-20261101-000007"))));
        pops.queued("c1", "13900000001");

        onContext(() -> pops.answered(ANSWER, published::add));

        awaitPublished(1);
        assertThat(published.get(0).getString("type")).isEqualTo("screen-pop");
        assertThat(published.get(0).getJsonArray("tickets")).hasSize(1);
        assertThat(published.get(0).containsKey("historyPending")).isFalse();
    }

    @Test
    void aLateHistoryFollowsTheFirstPopAsAnUpdateInsteadOfBeingDropped() throws Exception {
        Promise<JsonArray> slow = Promise.promise();
        ScreenPops pops = new ScreenPops((phone, limit) -> slow.future());
        pops.queued("c1", "13900000001");

        onContext(() -> pops.answered(ANSWER, published::add));
        awaitPublished(1);
        slow.complete(new JsonArray().add(new JsonObject().put("number", "12345-20261101-000007")));
        awaitPublished(2);

        assertThat(published.get(0).getBoolean("historyPending")).isTrue();
        assertThat(published.get(0).getJsonArray("tickets")).isEmpty();
        assertThat(published.get(1).getString("type")).isEqualTo("screen-pop-update");
        assertThat(published.get(1).getJsonArray("tickets")).hasSize(1);
    }

    @Test
    void aFailedHistoryLookupStillPopsTheCall() throws Exception {
        ScreenPops pops = new ScreenPops((phone, limit) -> io.vertx.core.Future.failedFuture("search down"));

        onContext(() -> pops.answered(ANSWER, published::add));

        awaitPublished(1);
        assertThat(published.get(0).getString("caller")).isEqualTo("13900000001");
        assertThat(published.get(0).getJsonArray("tickets")).isEmpty();
    }

    private void onContext(Runnable action) {
        vertx.getOrCreateContext().runOnContext(v -> action.run());
    }

    /** Waits for the publications (the history timeout runs on the Vert.x timer). */
    private void awaitPublished(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(published).hasSizeGreaterThanOrEqualTo(count);
    }
}
